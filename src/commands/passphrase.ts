import { readFile } from 'node:fs/promises';
import { fail } from '../core/errors.js';

/** A passphrase comes from a file's first line or IAMCERT_PASSPHRASE, never from argv (it would show in `ps` and shell history). */
export async function readPassphrase(passphraseFile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (passphraseFile !== undefined) {
    let text: string;
    try {
      text = await readFile(passphraseFile, 'utf8');
    } catch {
      fail('PASSPHRASE_FILE_UNREADABLE', `The passphrase file ${passphraseFile} could not be read.`, 'Check the path given to --passphrase-file.');
    }
    return (text.split(/\r?\n/)[0] ?? '');
  }
  return env.IAMCERT_PASSPHRASE;
}
