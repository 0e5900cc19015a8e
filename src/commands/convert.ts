import { convertItems } from '../core/formats/convert.js';
import { fail } from '../core/errors.js';
import { readItems } from '../core/formats/read.js';
import { writeFileSafely } from '../core/files/safe-write.js';
import { type Output } from './output.js';
import { EXIT } from '../core/lifecycle.js';
import { readKeyPassphrase, readPassphrase } from './passphrase.js';
import { readInputFile } from '../core/files/read-input.js';

export interface ConvertOptions {
  to: 'pem' | 'der';
  keyFormat?: 'pkcs1' | 'pkcs8';
  out?: string;
  passphraseFile?: string;
  keyPassphraseFile?: string;
  force?: boolean;
}

export interface ConvertTargets {
  stdoutIsTerminal: boolean;
  writeStdout(data: Buffer): void;
}

export async function runConvert(
  file: string,
  options: ConvertOptions,
  output: Output,
  targets: ConvertTargets,
): Promise<number> {
  const passphrase = await readPassphrase(options.passphraseFile);
  const keyPassphrase = await readKeyPassphrase(options.keyPassphraseFile);
  const result = await readItems(await readInputFile(file), { passphrase, keyPassphrase });
  const converted = convertItems(result, { to: options.to, keyFormat: options.keyFormat });
  const holdsKey = result.items.some((item) => item.type === 'private-key');
  if (options.out) {
    await writeFileSafely({ path: options.out, data: converted, secret: holdsKey }, { force: options.force });
    output.err(`Wrote ${options.out} (${options.to.toUpperCase()}${holdsKey ? ', private key, mode 0600' : ''}).`);
    return EXIT.ok;
  }
  if (targets.stdoutIsTerminal && (holdsKey || options.to === 'der')) {
    fail(
      holdsKey ? 'KEY_TO_TERMINAL' : 'BINARY_TO_TERMINAL',
      holdsKey
        ? 'The output holds a private key, and iamcert will not print it to the terminal.'
        : 'DER is binary and would garble the terminal.',
      'Write it to a file with --out FILE (or pipe the output somewhere).',
    );
  }
  targets.writeStdout(converted);
  return EXIT.ok;
}
