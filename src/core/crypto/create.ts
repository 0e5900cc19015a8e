import { createPrivateKey, createPublicKey, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import { fail, worded } from '../errors.js';
import { encodingFor, exportPrivateKey } from './private-key.js';
import { loadX509 } from './peculiar.js';
import { isDnsName } from './dns-name.js';

export const KEY_TYPES = ['rsa2048', 'rsa3072', 'rsa4096', 'ec256', 'ec384'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

/** One line each, for people choosing a key type. */
export const KEY_TYPE_WHY: Record<KeyType, string> = {
  rsa2048: 'RSA 2048: works with every AWS service and every legacy tool (the default).',
  rsa3072: 'RSA 3072: stronger; CloudFront and ALB/NLB take it, Classic Load Balancers do not (RSA 2048 at most).',
  rsa4096: 'RSA 4096: strongest RSA; CloudFront and Classic Load Balancers refuse it.',
  ec256: 'EC P-256: small and fast; no Classic Load Balancers or legacy EC2 tools.',
  ec384: 'EC P-384: stronger EC; CloudFront and Classic Load Balancers refuse it.',
};

export interface CreateRequest {
  keyType: KeyType;
  /** OpenSSL style ("/CN=example.com/O=Example"); empty for a blank subject. */
  subject: string;
  days: number;
  keyFormat: 'pkcs8' | 'pkcs1';
  /** Make a CSR for a CA to sign instead of a self-signed certificate. */
  csr?: boolean;
  /** DNS names for subjectAltName. */
  dnsNames?: string[];
  now?: Date;
  /**
   * Make the certificate for this key instead of a new one (an interrupted run left the key without its certificate).
   */
  existingKey?: KeyObject;
}

/**
 * The classic EC2 signing-certificate recipe: RSA 2048, a blank subject, self-signed for ten years, the key in PKCS#8.
 * Onboarding and a user's `c` (signing create) both make their pair by it.
 */
export const SIGNING_RECIPE = {
  keyType: 'rsa2048',
  subject: '',
  days: 3650,
  keyFormat: 'pkcs8',
} as const satisfies CreateRequest;

export interface Created {
  key: KeyObject;
  privateKeyPem: string;
  certificatePem?: string;
  csrPem?: string;
}

type Algorithm = RsaHashedKeyGenParams | EcKeyGenParams;

function algorithmFor(keyType: KeyType): Algorithm & { hash: string } {
  const rsa = (modulusLength: number) => ({
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  });
  switch (keyType) {
    case 'rsa2048':
      return rsa(2048);
    case 'rsa3072':
      return rsa(3072);
    case 'rsa4096':
      return rsa(4096);
    case 'ec256':
      return { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    case 'ec384':
      return { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' };
  }
}

/** The signing algorithm for a key made elsewhere: RSA, or EC on P-256 or P-384. */
function algorithmOf(key: KeyObject): Algorithm & { hash: string } {
  if (key.asymmetricKeyType === 'rsa') return algorithmFor('rsa2048');
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType === 'ec' && curve === 'prime256v1') return algorithmFor('ec256');
  if (key.asymmetricKeyType === 'ec' && curve === 'secp384r1') return algorithmFor('ec384');
  fail(
    'KEY_TYPE_UNSUPPORTED',
    `A ${key.asymmetricKeyType ?? 'unknown'} key cannot be used for a signing certificate.`,
    'Use an RSA 2048 key (the default), or EC P-256 or P-384.',
  );
}

async function importKeyPair(key: KeyObject, algorithm: Algorithm): Promise<CryptoKeyPair> {
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const [privateKey, publicKey] = await Promise.all([
    webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']),
    webcrypto.subtle.importKey('spki', spki, algorithm, true, ['verify']),
  ]);
  return { privateKey, publicKey };
}

/** "/CN=a/O=b" → [{CN: ['a']}, {O: ['b']}], in the order given; "\/" keeps a slash in a value. */
export function parseSubject(subject: string): Array<Record<string, string[]>> {
  const trimmed = subject.trim();
  if (trimmed === '' || trimmed === '/') return [];
  if (!trimmed.startsWith('/')) {
    fail(
      'SUBJECT_INVALID',
      `The subject "${subject}" must look like /CN=name/O=organisation.`,
      worded(
        'Start it with a slash, e.g. --subject "/CN=www.example.com/O=Example Ltd".',
        'Check the subject fields: a name (CN) such as www.example.com, an organisation such as Example Ltd.',
      ),
    );
  }
  return trimmed
    .slice(1)
    .split(/(?<!\\)\//)
    .filter(Boolean)
    .map((part) => {
      const equals = part.indexOf('=');
      if (equals <= 0)
        fail(
          'SUBJECT_INVALID',
          `"${part}" in the subject is not TYPE=value.`,
          'Write each part as TYPE=value, e.g. /CN=www.example.com/O=Example Ltd.',
        );
      const type = part.slice(0, equals).trim();
      const value = part.slice(equals + 1).replace(/\\\//g, '/');
      return { [subjectAttribute(type, value)]: [value] };
    });
}

/** OpenSSL's attribute names, as the certificate builder knows them (a name or a dotted OID). */
const SUBJECT_TYPES: Record<string, string> = {
  CN: 'CN',
  O: 'O',
  OU: 'OU',
  C: 'C',
  ST: 'ST',
  L: 'L',
  DC: 'DC',
  SN: 'SN',
  GN: 'G',
  title: 'T',
  E: 'E',
  emailAddress: 'E',
  serialNumber: '2.5.4.5',
  street: '2.5.4.9',
};

function subjectAttribute(type: string, value: string): string {
  const known = Object.hasOwn(SUBJECT_TYPES, type)
    ? SUBJECT_TYPES[type]
    : /^\d+(\.\d+)+$/.test(type)
      ? type
      : undefined;
  if (!known) {
    fail(
      'SUBJECT_INVALID',
      `"${type}" in the subject is not an attribute name iamcert knows.`,
      'Use CN, O, OU, C, ST, L, E or DC (e.g. /CN=www.example.com/O=Example Ltd/C=GB), or a dotted OID.',
    );
  }
  if (type === 'C' && !/^[A-Za-z]{2}$/.test(value))
    fail(
      'SUBJECT_INVALID',
      `The country "${value}" must be two letters.`,
      'Use the two-letter ISO code, e.g. C=US or C=GB.',
    );
  return known;
}

export function validateDnsNames(names: string[]): void {
  for (const name of names) {
    if (name.trim() === '')
      fail(
        'SAN_INVALID',
        'A DNS name for the certificate is empty.',
        worded(
          'Give each DNS name once, e.g. --san www.example.com example.com',
          'Give each DNS name once, separated by spaces: www.example.com example.com',
        ),
      );
    if (!isDnsName(name)) {
      fail(
        'SAN_INVALID',
        `"${name}" is not a DNS name${/\s/.test(name) ? ' (it has a space)' : ''}.`,
        worded(
          'Give each DNS name on its own, e.g. --san www.example.com example.com',
          'Give each DNS name on its own, separated by spaces: www.example.com example.com',
        ),
      );
    }
  }
}

export function validateDays(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > 36_500) {
    fail(
      'DAYS_INVALID',
      `${days} is not a number of days iamcert can use.`,
      'Give a whole number of days from 1 to 36500 (3650 is ten years).',
    );
  }
}

/** Makes a key with native crypto, then a self-signed certificate or a CSR for it. */
export async function createKeyAndCertificate(request: CreateRequest): Promise<Created> {
  validateDays(request.days);
  validateDnsNames(request.dnsNames ?? []);
  const name = parseSubject(request.subject);
  const algorithm = request.existingKey ? algorithmOf(request.existingKey) : algorithmFor(request.keyType);
  // Key generation runs on libuv's thread pool: start it first, and load the certificate builder meanwhile.
  const generating = request.existingKey
    ? importKeyPair(request.existingKey, algorithm)
    : (webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']) as Promise<CryptoKeyPair>);
  const [x509, keys] = await Promise.all([loadX509(), generating]);
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  const privateKeyPem = exportPrivateKey(key, encodingFor(key, request.keyFormat), 'pem') as string;

  const sanExtension = request.dnsNames?.length
    ? [new x509.SubjectAlternativeNameExtension(request.dnsNames.map((value) => ({ type: 'dns' as const, value })))]
    : [];
  if (request.csr) {
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({
      name,
      keys,
      signingAlgorithm: algorithm,
      extensions: sanExtension,
    });
    return { key, privateKeyPem, csrPem: `${csr.toString('pem')}\n` };
  }
  const notBefore = new Date(Math.floor((request.now ?? new Date()).getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore.getTime() + request.days * 24 * 60 * 60 * 1000);
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name,
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | (algorithm.name === 'ECDSA' ? 0 : x509.KeyUsageFlags.keyEncipherment),
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ...sanExtension,
    ],
  });
  return { key, privateKeyPem, certificatePem: `${certificate.toString('pem')}\n` };
}
