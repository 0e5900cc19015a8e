import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export { KEY_PASSWORD, PASSPHRASE, STORE_PASSWORD } from './fixtures.js';

/** The openssl-made fixtures of this run (see test/setup/global.ts). */
export function fixtures() {
  const dir = inject('fixturesDir');
  return {
    dir,
    path: (name: string) => join(dir, name),
    read: (name: string) => readFileSync(join(dir, name)),
    text: (name: string) => readFileSync(join(dir, name), 'utf8'),
    /** The Java keystores were made (keytool was there when the fixtures were). */
    keystores: existsSync(join(dir, '.keystores')),
  };
}
