import { join } from 'node:path';
import { describeKeyShape } from '../core/crypto/key-facts.js';
import { writeFilesSafely, type FileToWrite } from '../core/files/safe-write.js';
import { prepareForIamUpload } from '../core/prepare.js';
import { reportLines } from './check.js';
import { shellQuote } from '../core/shell-exports.js';
import { EXIT, type Output } from './output.js';
import { readPassphrase } from './passphrase.js';
import { readInputFile } from '../core/files/read-input.js';

export interface PrepareCommandOptions {
  outDir: string;
  passphraseFile?: string;
  keyFormat?: 'pkcs1' | 'pkcs8';
  force?: boolean;
}

export const PREPARED_NAMES = { certificate: 'certificate.pem', privateKey: 'private-key.pem', chain: 'chain.pem' } as const;

export async function runPrepare(files: string[], options: PrepareCommandOptions, output: Output): Promise<number> {
  const passphrase = await readPassphrase(options.passphraseFile);
  const inputs = [];
  for (const name of files) inputs.push({ name, bytes: await readInputFile(name) });
  const prepared = await prepareForIamUpload(inputs, { passphrase, keyFormat: options.keyFormat });
  const lines = reportLines(prepared.report);
  if (!prepared.report.ok) {
    output.err([...lines, 'Nothing was written.'].join('\n'));
    return EXIT.problem;
  }
  const paths = {
    certificate: join(options.outDir, PREPARED_NAMES.certificate),
    privateKey: join(options.outDir, PREPARED_NAMES.privateKey),
    chain: join(options.outDir, PREPARED_NAMES.chain),
  };
  const toWrite: FileToWrite[] = [
    { path: paths.certificate, data: prepared.certificatePem },
    { path: paths.privateKey, data: prepared.privateKeyPem, secret: true },
  ];
  if (prepared.chainPem) toWrite.push({ path: paths.chain, data: prepared.chainPem });
  await writeFilesSafely(toWrite, { force: options.force });

  const keyFormat = options.keyFormat ?? 'pkcs8';
  output.out(
    [
      `Prepared for IAM in ${options.outDir}:`,
      `  ${PREPARED_NAMES.certificate.padEnd(18)}${prepared.certificate.subject || '(empty subject)'}, ${describeKeyShape(prepared.certificate)}`,
      `  ${PREPARED_NAMES.privateKey.padEnd(18)}unencrypted ${keyFormat === 'pkcs8' ? 'PKCS#8' : 'traditional (PKCS#1/SEC1)'}, mode 0600`,
      prepared.chainPem
        ? `  ${PREPARED_NAMES.chain.padEnd(18)}${prepared.chain.length} certificate${prepared.chain.length === 1 ? '' : 's'}, issuer first: ${prepared.chain.map((link) => link.subject).join(' → ')}`
        : '  (no chain.pem: the certificate is self-signed)',
      ...(prepared.unrelated.length > 0 ? [`Left out ${prepared.unrelated.length} unrelated certificate(s): ${prepared.unrelated.map((item) => item.subject).join('; ')}`] : []),
      ...lines,
      `Upload: iamcert upload --name NAME --cert ${shellQuote(paths.certificate)} --key ${shellQuote(paths.privateKey)}${prepared.chainPem ? ` --chain ${shellQuote(paths.chain)}` : ''}`,
    ].join('\n'),
  );
  return EXIT.ok;
}
