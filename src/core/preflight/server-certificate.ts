import { fixFields, worded, type Worded, fixOf } from '../errors.js';
import { issuedBy } from '../crypto/certificate.js';
import type { CertificateItem, PrivateKeyItem } from '../formats/items.js';
import { describeNotYetValid, describeExpiry } from '../time/expiry.js';
import { checkKeySupport } from './key-support.js';
import { FIELD_NAMES, readField, type ReadField } from './read-field.js';
import { prefix } from './field-prefix.js';
import { checkName, checkPath, IAM_LIMITS, type Field, type Finding } from './rules.js';

export interface ServerCertificateInput {
  certificate: Buffer | string;
  privateKey: Buffer | string;
  chain?: Buffer | string;
  name?: string;
  path?: string;
  cloudfront?: boolean;
  /** Upload a CA-issued certificate without its chain on purpose (IAM takes it; browsers and CloudFront then fail). */
  allowMissingChain?: boolean;
  now?: Date;
}

export interface PreflightReport {
  ok: boolean;
  findings: Finding[];
  certificate?: CertificateItem;
  key?: PrivateKeyItem;
  chain: CertificateItem[];
}

/** Adds a finding about one field, its fix in each front end's words where they differ. */
function adder(findings: Finding[], field: Field) {
  return (code: string, message: string, fix: string | Worded, severity: Finding['severity'] = 'error') => {
    findings.push({ code, severity, field, message, ...fixFields(fix) });
  };
}

const PREPARE_FIX = worded(
  'Let iamcert clean it: iamcert prepare FILE... --out-dir DIR',
  'Let iamcert clean it: open it in Inspect (:inspect PATH) and choose Prepare.',
);

/** IAM's rules for UploadServerCertificate, checked locally on the inputs exactly as given. */
export async function preflightServerCertificate(input: ServerCertificateInput): Promise<PreflightReport> {
  const now = input.now ?? new Date();
  const findings: Finding[] = [];
  const add = (field: Field, ...finding: Parameters<ReturnType<typeof adder>>) => adder(findings, field)(...finding);

  if (input.name !== undefined) pushDefined(findings, checkName(input.name));
  // --cloudfront with no path would upload to "/", where CloudFront never looks.
  const path = input.path ?? (input.cloudfront ? '/' : undefined);
  if (path !== undefined) pushDefined(findings, checkPath(path, { cloudfront: input.cloudfront }));

  const certificate = await checkCertificateField(input.certificate, now, findings);
  const key = await checkKeyField(input.privateKey, findings);
  if (certificate && key?.spkiSha256 && key.spkiSha256 !== certificate.spkiSha256) {
    add(
      'privateKey',
      'KEY_MISMATCH',
      'The private key does not belong to this certificate.',
      worded(
        'Pick the key that was made with this certificate; iamcert inspect shows which key matches which certificate.',
        'Pick the key that was made with this certificate; Inspect shows which key matches which certificate.',
      ),
    );
  }

  const chain = await checkChainField(input.chain, certificate, now, findings, input.allowMissingChain ?? false);
  return { ok: !findings.some((finding) => finding.severity === 'error'), findings, certificate, key, chain };
}

function pushDefined(findings: Finding[], finding: Finding | undefined): void {
  if (finding) findings.push(finding);
}

async function readPemField(
  field: Field,
  input: Buffer | string,
  limit: number,
  findings: Finding[],
): Promise<ReadField | undefined> {
  const read = await readField(field, input);
  if ('code' in read) {
    findings.push(read);
    return undefined;
  }
  const what = FIELD_NAMES[field];
  if (read.text.length > limit) {
    findings.push({
      code: `${prefix(field)}_TOO_LONG`,
      severity: 'error',
      field,
      message: `The ${what} is ${read.text.length} characters; IAM allows ${limit}.`,
      fix: `Check that the ${what} file holds only what belongs there.`,
    });
  }
  if (read.extraText) {
    // IAM rejects such text, and iamcert upload (headless and in the app) strips it before sending.
    findings.push({
      code: `${prefix(field)}_EXTRA_TEXT`,
      severity: 'note',
      field,
      message: `The ${what} has text outside its BEGIN/END lines; an upload strips it (IAM would reject it as it is).`,
      ...fixFields(PREPARE_FIX),
    });
  }
  for (const block of read.damaged) {
    findings.push({
      code: `${prefix(field)}_DAMAGED`,
      severity: 'error',
      field,
      message: `The ${what} has a "${block.label}" block that could not be read: ${block.problem.message}`,
      ...fixOf(block.problem),
    });
  }
  return read;
}

async function checkCertificateField(
  input: Buffer | string,
  now: Date,
  findings: Finding[],
): Promise<CertificateItem | undefined> {
  const read = await readPemField('certificate', input, IAM_LIMITS.bodyChars, findings);
  if (!read) return undefined;
  const add = adder(findings, 'certificate');
  if (read.items.some((item) => item.type === 'private-key')) {
    add(
      'CERT_IS_PRIVATE_KEY',
      'The certificate file holds a PRIVATE KEY. A private key must never be uploaded as a certificate body.',
      'Pick the certificate file (BEGIN CERTIFICATE); give the key only as the private key.',
    );
    return undefined;
  }
  const certificates = read.items.filter((item): item is CertificateItem => item.type === 'certificate');
  const [certificate] = certificates;
  if (!certificate) {
    add('CERT_MISSING', 'The certificate file holds no certificate.', 'Pick the file with BEGIN CERTIFICATE in it.');
    return undefined;
  }
  if (certificates.length > 1) {
    add(
      'CERT_HAS_CHAIN',
      `The certificate file holds ${certificates.length} certificates; the body must be the server certificate alone.`,
      PREPARE_FIX,
    );
  }
  const notYet = describeNotYetValid(certificate.notBefore, now);
  if (notYet)
    add(
      'CERT_NOT_YET_VALID',
      `The certificate is ${notYet} (from ${certificate.notBefore.toISOString()}).`,
      "Wait until it is valid, or check this machine's clock.",
    );
  if (certificate.notAfter <= now)
    add(
      'CERT_EXPIRED',
      `The certificate ${describeExpiry(certificate.notAfter, now)} (${certificate.notAfter.toISOString()}).`,
      worded(
        'Renew it with your CA, or make a new one with iamcert create.',
        'Renew it with your CA, or make a new one from the start screen (Create, or :create).',
      ),
    );
  findings.push(...checkKeySupport(certificate));
  return certificate;
}

async function checkKeyField(input: Buffer | string, findings: Finding[]): Promise<PrivateKeyItem | undefined> {
  const read = await readPemField('privateKey', input, IAM_LIMITS.privateKeyChars, findings);
  if (!read) return undefined;
  const add = adder(findings, 'privateKey');
  const keys = read.items.filter((item): item is PrivateKeyItem => item.type === 'private-key');
  const [key] = keys;
  if (!key) {
    const holds = read.items[0]?.type ?? 'nothing';
    add(
      'KEY_MISSING',
      `The private key file holds a ${holds}, not a private key.`,
      'Pick the file with BEGIN PRIVATE KEY (or BEGIN RSA PRIVATE KEY) in it.',
    );
    return undefined;
  }
  if (keys.length > 1)
    add('KEY_MULTIPLE', `The private key file holds ${keys.length} keys; IAM takes one.`, PREPARE_FIX);
  if (read.items.some((item) => item.type !== 'private-key'))
    add('KEY_EXTRA_ITEMS', 'The private key file holds more than the key.', PREPARE_FIX);
  if (key.encrypted) {
    add(
      'KEY_ENCRYPTED',
      'The private key is encrypted; IAM needs it unencrypted.',
      worded(
        'Decrypt a copy: iamcert convert KEY --to pem --passphrase-file PASSFILE --out plain-key.pem',
        `Open the key in Inspect (:inspect PATH), give its passphrase, and choose Prepare: it writes the key decrypted (0600).`,
      ),
    );
  }
  return key;
}

async function checkChainField(
  input: Buffer | string | undefined,
  certificate: CertificateItem | undefined,
  now: Date,
  findings: Finding[],
  allowMissing: boolean,
): Promise<CertificateItem[]> {
  const add = adder(findings, 'chain');
  const empty = input === undefined || input.length === 0;
  if (empty) {
    if (certificate && !certificate.selfSigned) {
      add(
        'CHAIN_MISSING',
        `The certificate was issued by "${certificate.issuer}" and no chain is given: IAM would take it, but browsers and CloudFront would not trust it.`,
        allowMissing
          ? worded(
              'Uploading without a chain as asked (--no-chain); add the intermediates later by uploading again with --chain.',
              'Uploading without a chain as asked; add the intermediates later by uploading it again with its chain.',
            )
          : worded(
              "Add the intermediates as the chain (iamcert prepare extracts them from your CA's bundle), or pass --no-chain to upload it without one knowingly.",
              "Give the intermediates as the chain: Inspect's Prepare extracts them from your CA's bundle (:inspect PATH).",
            ),
        allowMissing ? 'warning' : 'error',
      );
    }
    return [];
  }
  const read = await readPemField('chain', input, IAM_LIMITS.chainChars, findings);
  if (!read) return [];
  if (read.items.some((item) => item.type === 'private-key')) {
    add('CHAIN_HAS_PRIVATE_KEY', 'The chain file holds a PRIVATE KEY; it must hold certificates only.', PREPARE_FIX);
  }
  const chain = read.items.filter((item): item is CertificateItem => item.type === 'certificate');
  if (chain.length === 0) {
    add(
      'CHAIN_EMPTY',
      'The chain file holds no certificates.',
      'Pick the CA bundle with the intermediate certificates.',
    );
    return chain;
  }
  if (certificate) {
    const broken = firstBrokenLink(certificate, chain);
    if (broken !== undefined) {
      const link = chain[broken]!;
      const below = broken === 0 ? 'the certificate' : `chain certificate ${broken - 1}`;
      const message =
        link.sha256 === certificate.sha256
          ? 'The chain starts with the certificate itself; the chain holds only its issuers.'
          : `Chain certificate ${broken} ("${link.subject}") did not issue ${below}; the chain must go from the immediate issuer upward.`;
      add(
        'CHAIN_BROKEN',
        message,
        worded(
          'iamcert prepare finds and orders the right issuers for you.',
          "Inspect's Prepare finds and orders the right issuers for you (:inspect PATH).",
        ),
      );
    }
  }
  chain.forEach((link, index) => {
    if (link.notAfter <= now)
      add(
        'CHAIN_EXPIRED',
        `Chain certificate ${index} ("${link.subject}") ${describeExpiry(link.notAfter, now)}.`,
        'Get the current intermediate bundle from your CA.',
        'warning',
      );
  });
  return chain;
}

/** The index of the first chain certificate that did not issue the one below it. */
export function firstBrokenLink(certificate: CertificateItem, chain: CertificateItem[]): number | undefined {
  let below = certificate;
  for (const [index, link] of chain.entries()) {
    if (!issuedBy(below.x509, link.x509)) return index;
    below = link;
  }
  return undefined;
}
