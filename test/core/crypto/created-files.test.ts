import { describe, expect, it } from 'vitest';
import { unusedPairName, usersNamedBy } from '../../../src/core/crypto/created-files.js';

describe('the names of key pairs on disk', () => {
  it('a second and third pair for a user are dated, and each reads back as that user', async () => {
    const now = new Date('2026-12-04T10:00:00Z');
    const taken = new Set(['/out/pk-bob.pem', '/out/pk-bob-20261204.pem']);
    const existing = async (paths: string[]) => paths.filter((path) => taken.has(path));
    const third = await unusedPairName('/out', 'bob', existing, now);
    expect(third).toBe('bob-20261204-2');
    expect(usersNamedBy(third)).toEqual(['bob-20261204-2', 'bob']);
    expect(usersNamedBy('bob-20261204')).toEqual(['bob-20261204', 'bob']);
    expect(usersNamedBy('bob')).toEqual(['bob']);
  });
});
