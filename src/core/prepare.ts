import { fail, worded } from './errors.js';
import { certificateMatchingKey, issuersOf } from './crypto/chain.js';
import { certificatePem } from './crypto/certificate.js';
import { encodingFor, exportPrivateKey } from './crypto/private-key.js';
import type { CertificateItem, Item, PrivateKeyItem } from './formats/items.js';
import { readItems } from './formats/read.js';
import { preflightServerCertificate, type PreflightReport } from './preflight/server-certificate.js';

export interface InputFile {
  name: string;
  bytes: Buffer;
}

export interface PrepareOptions {
  passphrase?: string;
  /** A Java keystore key entry's own password. */
  keyPassphrase?: string;
  /** From a Java keystore: the entry to use; by default the only key entry. */
  alias?: string;
  keyFormat?: 'pkcs8' | 'pkcs1';
  now?: Date;
}

export interface PreparedUpload {
  certificatePem: string;
  privateKeyPem: string;
  /** Undefined when the certificate is self-signed and needs no chain. */
  chainPem?: string;
  certificate: CertificateItem;
  chain: CertificateItem[];
  /** Certificates found in the inputs that are not part of this leaf's chain. */
  unrelated: CertificateItem[];
  report: PreflightReport;
}

/**
 * Turns whatever the user has (a PFX, a shuffled bundle and a key, a P7B, an
 * encrypted key and a DER certificate) into the three clean PEM texts IAM
 * wants, then runs IAM's preflight on them.
 */
export async function prepareForIamUpload(files: InputFile[], options: PrepareOptions = {}): Promise<PreparedUpload> {
  const items: Item[] = [];
  for (const file of files) {
    try {
      items.push(
        ...(await readItems(file.bytes, { passphrase: options.passphrase, keyPassphrase: options.keyPassphrase }))
          .items,
      );
    } catch (error) {
      if (error instanceof Error && 'code' in error)
        Object.assign(error, { message: `${file.name}: ${error.message}` });
      throw error;
    }
  }
  const certificates = unique(items.filter((item): item is CertificateItem => item.type === 'certificate'));
  const keys = keystoreKeys(
    items.filter((item): item is PrivateKeyItem => item.type === 'private-key'),
    options.alias,
  );
  const { key, certificate } = pickKeyAndLeaf(keys, certificates, options.passphrase);

  const chain = issuersOf(certificate, certificates);
  const used = new Set([certificate, ...chain].map((item) => item.sha256));
  const keyFormat = options.keyFormat ?? 'pkcs8';
  const privateKeyPem = exportPrivateKey(key.key!, encodingFor(key.key!, keyFormat), 'pem') as string;
  const certificateText = certificatePem(certificate);
  const chainPem = chain.length > 0 ? chain.map(certificatePem).join('') : undefined;
  const report = await preflightServerCertificate({
    certificate: certificateText,
    privateKey: privateKeyPem,
    chain: chainPem,
    now: options.now,
  });
  return {
    certificatePem: certificateText,
    privateKeyPem,
    chainPem,
    certificate,
    chain,
    unrelated: certificates.filter((item) => !used.has(item.sha256)),
    report,
  };
}

/**
 * The keys to choose from: a keystore's key entry by --alias, or its only one; every key where none came from a
 * keystore. Several key entries and no alias is a question for the user, not a guess.
 */
function keystoreKeys(keys: PrivateKeyItem[], alias: string | undefined): PrivateKeyItem[] {
  const entries = keys.filter((key) => key.alias !== undefined);
  if (alias !== undefined) {
    const picked = entries.filter((key) => key.alias === alias);
    if (picked.length === 0)
      fail(
        'ALIAS_NOT_FOUND',
        entries.length > 0
          ? `The keystore has no key entry "${alias}"; its key entries are ${entries.map((key) => `"${key.alias}"`).join(', ')}.`
          : `No keystore was given, so there is no entry "${alias}".`,
        worded(
          'Give one of those names with --alias (iamcert inspect lists every entry).',
          'Choose one of those entries.',
        ),
      );
    return picked;
  }
  if (entries.length > 1)
    fail(
      'ALIAS_NEEDED',
      `The keystore has ${entries.length} key entries: ${entries.map((key) => `"${key.alias}"`).join(', ')}.`,
      worded('Pick one with --alias NAME.', 'Choose one of them.'),
    );
  return keys;
}

function pickKeyAndLeaf(
  keys: PrivateKeyItem[],
  certificates: CertificateItem[],
  passphrase: string | undefined,
): { key: PrivateKeyItem; certificate: CertificateItem } {
  if (keys.length === 0) {
    fail(
      'NO_PRIVATE_KEY',
      'None of the files holds a private key, and IAM needs one.',
      'Add the private key file (it was made with the certificate request).',
    );
  }
  const locked = keys.filter((key) => !key.key);
  if (locked.length === keys.length) {
    const wrong = locked.find((key) => key.problem);
    if (wrong?.problem) fail(wrong.problem.code, wrong.problem.message, wrong.problem);
    fail(
      'KEY_ENCRYPTED',
      'The private key is encrypted.',
      passphrase === undefined
        ? worded(
            'Give its passphrase with --passphrase-file FILE or the IAMCERT_PASSPHRASE variable.',
            'Type its passphrase.',
          )
        : 'Check the passphrase.',
    );
  }
  if (certificates.length === 0) {
    fail(
      'NO_CERTIFICATE',
      'None of the files holds a certificate.',
      worded(
        'Add the certificate your CA sent (or make one with iamcert create).',
        'Add the certificate your CA sent (or make one in Create).',
      ),
    );
  }
  for (const key of keys) {
    const certificate = certificateMatchingKey(key, certificates);
    if (certificate && key.key) return { key, certificate };
  }
  fail(
    'NO_MATCHING_CERTIFICATE',
    `None of the ${certificates.length} certificates matches the private key.`,
    'Add the certificate that was issued for this key, or the key that goes with the certificate.',
  );
}

function unique(certificates: CertificateItem[]): CertificateItem[] {
  const seen = new Set<string>();
  return certificates.filter((certificate) => !seen.has(certificate.sha256) && seen.add(certificate.sha256));
}
