import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../src/ui/wrap-lines.js';

describe('wrapLines', () => {
  it('keeps short lines as they are and wraps long ones under their own text, losing no word', () => {
    const long =
      '  [0] private key PKCS#8, encrypted: This encrypted key asks for 3,000,000 passphrase rounds; real tools write a few thousand (iamcert reads up to 1,000,000).';
    const rows = wrapLines(['file.key: PEM, 1 item', long, '  key [0] matches certificate [1]'], 78);
    expect(rows[0]).toBe('file.key: PEM, 1 item');
    expect(rows.at(-1)).toBe('  key [0] matches certificate [1]');
    const wrapped = rows.slice(1, -1);
    expect(wrapped.length).toBeGreaterThan(1);
    expect(wrapped[0]!.startsWith('  [0] private key')).toBe(true);
    for (const row of wrapped) expect(row.length).toBeLessThanOrEqual(78);
    for (const row of wrapped.slice(1)) expect(row).toMatch(/^ {6}\S/);
    expect(wrapped.map((row) => row.trim()).join(' ')).toBe(long.trim());
  });
});
