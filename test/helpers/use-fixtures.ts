import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export { PASSPHRASE } from './fixtures.js';

/** The openssl-made fixtures of this run (see test/setup/global.ts). */
export function fixtures() {
  const dir = inject('fixturesDir');
  return {
    dir,
    path: (name: string) => join(dir, name),
    read: (name: string) => readFileSync(join(dir, name)),
    text: (name: string) => readFileSync(join(dir, name), 'utf8'),
  };
}
