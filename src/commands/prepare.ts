import { describeKeyShape } from '../core/crypto/key-facts.js';
import { writeFilesSafely } from '../core/files/safe-write.js';
import { prepareForIamUpload } from '../core/prepare.js';
import { PREPARED_NAMES, preparedFiles } from '../core/prepared-files.js';
import { reportLines } from './check.js';
import { shellQuote } from '../core/shell-exports.js';
import { type Output } from './output.js';
import { EXIT } from '../core/lifecycle.js';
import { readKeyPassphrase, readPassphrase } from './passphrase.js';
import { readInputFile } from '../core/files/read-input.js';

export interface PrepareCommandOptions {
  outDir: string;
  passphraseFile?: string;
  keyPassphraseFile?: string;
  alias?: string;
  keyFormat?: 'pkcs1' | 'pkcs8';
  force?: boolean;
}

export async function runPrepare(files: string[], options: PrepareCommandOptions, output: Output): Promise<number> {
  const passphrase = await readPassphrase(options.passphraseFile);
  const inputs = [];
  for (const name of files) inputs.push({ name, bytes: await readInputFile(name) });
  const keyPassphrase = await readKeyPassphrase(options.keyPassphraseFile);
  const prepared = await prepareForIamUpload(inputs, {
    passphrase,
    keyPassphrase,
    alias: options.alias,
    keyFormat: options.keyFormat,
  });
  const lines = reportLines(prepared.report);
  if (!prepared.report.ok) {
    output.err([...lines, 'Nothing was written.'].join('\n'));
    return EXIT.problem;
  }
  const toWrite = preparedFiles(prepared, options.outDir);
  await writeFilesSafely(toWrite, { force: options.force });
  const [certificateFile, keyFile, chainFile] = toWrite.map((file) => shellQuote(file.path));

  const keyFormat = options.keyFormat ?? 'pkcs8';
  output.out(
    [
      `Prepared for IAM in ${options.outDir}:`,
      `  ${PREPARED_NAMES.certificate.padEnd(18)}${prepared.certificate.subject || '(empty subject)'}, ${describeKeyShape(prepared.certificate)}`,
      `  ${PREPARED_NAMES.privateKey.padEnd(18)}unencrypted ${keyFormat === 'pkcs8' ? 'PKCS#8' : 'traditional (PKCS#1/SEC1)'}, mode 0600`,
      prepared.chainPem
        ? `  ${PREPARED_NAMES.chain.padEnd(18)}${prepared.chain.length} certificate${prepared.chain.length === 1 ? '' : 's'}, issuer first: ${prepared.chain.map((link) => link.subject).join(' → ')}`
        : '  (no chain.pem: the certificate is self-signed)',
      ...(prepared.unrelated.length > 0
        ? [
            `Left out ${prepared.unrelated.length} unrelated certificate(s): ${prepared.unrelated.map((item) => item.subject).join('; ')}`,
          ]
        : []),
      ...lines,
      `Upload: iamcert upload --name NAME --cert ${certificateFile} --key ${keyFile}${chainFile ? ` --chain ${chainFile}` : ''}`,
    ].join('\n'),
  );
  return EXIT.ok;
}
