import { createdPaths, defaultOutDir } from '../core/crypto/created-files.js';
import {
  createKeyAndCertificate,
  KEY_TYPES,
  parseSubject,
  validateDays,
  validateDnsNames,
  type KeyType,
} from '../core/crypto/create.js';
import { fail } from '../core/errors.js';
import { checkWritable, writeFilesSafely } from '../core/files/safe-write.js';
import { checkName } from '../core/preflight/rules.js';
import { ec2ExportLines } from '../core/shell-exports.js';
import { type Output } from './output.js';
import { EXIT } from '../core/lifecycle.js';

export interface CreateOptions {
  outDir?: string;
  name?: string;
  keyType?: string;
  days?: string;
  subject?: string;
  keyFormat?: 'pkcs1' | 'pkcs8';
  csr?: boolean;
  san?: string[];
  force?: boolean;
}

const KEY_TYPE_WORDS: Record<KeyType, string> = {
  rsa2048: 'an RSA 2048',
  rsa3072: 'an RSA 3072',
  rsa4096: 'an RSA 4096',
  ec256: 'an EC P-256',
  ec384: 'an EC P-384',
};

function parseKeyType(value: string): KeyType {
  if ((KEY_TYPES as readonly string[]).includes(value)) return value as KeyType;
  fail('KEY_TYPE_INVALID', `"${value}" is not a key type iamcert makes.`, `Use one of: ${KEY_TYPES.join(', ')}.`);
}

function parseDays(text: string): number {
  if (!/^\d+$/.test(text.trim()))
    fail(
      'DAYS_INVALID',
      `--days "${text}" is not a number of days.`,
      'Give a whole number of days from 1 to 36500 (3650 is ten years).',
    );
  const days = Number(text);
  validateDays(days);
  return days;
}

export async function runCreate(options: CreateOptions, output: Output): Promise<number> {
  const name = options.name ?? 'amazon';
  const nameProblem = checkName(name);
  if (nameProblem)
    fail('FILE_NAME_INVALID', `--name ${nameProblem.message.replace(/^The name /, '')}`, nameProblem.fix);
  const keyType = parseKeyType(options.keyType ?? 'rsa2048');
  const days = parseDays(options.days ?? '3650');
  // Everything that can be wrong with the request is said before any file is looked at.
  parseSubject(options.subject ?? '');
  validateDnsNames(options.san ?? []);
  const csr = options.csr ?? false;
  const outDir = options.outDir ?? defaultOutDir();
  const paths = createdPaths(outDir, name, csr);
  // Refuse before spending time on a key that could not be saved.
  await checkWritable(paths.key, { force: options.force, secret: true });
  await checkWritable(paths.certificate, { force: options.force });

  const created = await createKeyAndCertificate({
    keyType,
    subject: options.subject ?? '',
    days,
    keyFormat: options.keyFormat ?? 'pkcs8',
    csr,
    dnsNames: options.san,
  });
  await writeFilesSafely(
    [
      { path: paths.key, data: created.privateKeyPem, secret: true },
      { path: paths.certificate, data: (csr ? created.csrPem : created.certificatePem) ?? '' },
    ],
    { force: options.force },
  );
  const what = csr ? 'certificate request (CSR)' : `self-signed certificate valid for ${days} days`;
  output.err(
    [
      `Created ${KEY_TYPE_WORDS[keyType]} key and a ${what}:`,
      `  ${paths.key}  private key, ${options.keyFormat === 'pkcs1' ? 'traditional (PKCS#1/SEC1)' : 'PKCS#8'}, mode 0600`,
      `  ${paths.certificate}`,
      csr
        ? 'Send the CSR to your CA; keep the key. When the certificate comes back: iamcert prepare CERT KEY --out-dir DIR'
        : 'Set these in your shell (or run: eval "$(iamcert create ...)"):',
    ].join('\n'),
  );
  if (!csr) output.out(ec2ExportLines(paths.certificate, paths.key).join('\n'));
  return EXIT.ok;
}
