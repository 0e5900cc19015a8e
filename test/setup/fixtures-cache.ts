import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtures } from '../helpers/fixtures.js';
import { opensslText } from '../helpers/openssl.js';

const CACHE = new URL('../../node_modules/.cache/iamcert-fixtures/', import.meta.url).pathname;

/**
 * The openssl-made fixtures, made once and kept by content: the key is the recipe (fixtures.ts) and the
 * openssl that ran it, so a changed recipe or a new openssl makes them afresh. Every tier and every run
 * after the first reads the same files, which also makes a fuzz seed replay the same inputs.
 */
export function cachedFixtures(): string {
  const recipe = readFileSync(new URL('../helpers/fixtures.ts', import.meta.url));
  const key = createHash('sha256')
    .update(recipe)
    .update(opensslText(['version']))
    .digest('hex')
    .slice(0, 16);
  const dir = join(CACHE, key);
  if (existsSync(join(dir, '.complete'))) return dir;
  const made = makeFixtures();
  // Marked complete inside, then moved into place whole: a run killed half-way leaves nothing that looks ready.
  mkdirSync(join(made.dir, '.complete'));
  mkdirSync(CACHE, { recursive: true });
  try {
    renameSync(made.dir, dir);
  } catch {
    // Another tier made them at the same moment (or a stale, incomplete copy is in the way).
    if (!existsSync(join(dir, '.complete'))) {
      rmSync(dir, { recursive: true, force: true });
      renameSync(made.dir, dir);
    } else made.cleanup();
  }
  return dir;
}
