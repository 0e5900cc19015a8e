import { IamcertError } from '../core/errors.js';
import { readInputFile } from '../core/files/read-input.js';

/** A passphrase file holds one line; anything far larger is the wrong file. */
const MAX_PASSPHRASE_FILE_BYTES = 64 * 1024;

/**
 * A passphrase comes from a file's first line or IAMCERT_PASSPHRASE, never from argv (it would show in `ps` and shell
 * history).
 */
export async function readPassphrase(
  passphraseFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  which: { variable: string; flag: string } = { variable: 'IAMCERT_PASSPHRASE', flag: '--passphrase-file' },
): Promise<string | undefined> {
  if (passphraseFile === undefined) return env[which.variable];
  let bytes: Buffer;
  try {
    bytes = await readInputFile(passphraseFile, { maxBytes: MAX_PASSPHRASE_FILE_BYTES });
  } catch (error) {
    if (!(error instanceof IamcertError)) throw error;
    throw new IamcertError({
      code: 'PASSPHRASE_FILE_UNREADABLE',
      message: `The passphrase file: ${error.message}`,
      fix: `Check the path given to ${which.flag}; it must be a regular file whose first line is the passphrase.`,
    });
  }
  return bytes.toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** A keystore key entry's own password: --key-passphrase-file's first line, or IAMCERT_KEY_PASSPHRASE. */
export function readKeyPassphrase(file: string | undefined, env: NodeJS.ProcessEnv = process.env) {
  return readPassphrase(file, env, { variable: 'IAMCERT_KEY_PASSPHRASE', flag: '--key-passphrase-file' });
}
