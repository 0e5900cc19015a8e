import { createPrivateKey, type KeyObject, type PrivateKeyInput } from 'node:crypto';
import { fail, type Problem } from '../errors.js';
import type { KeyEncoding, KeyShape, PrivateKeyItem } from '../formats/items.js';
import { encryptionOf, keyDerivationProblem, MAX_KEY_FILE_ROUNDS } from '../formats/key-derivation-limits.js';
import { derToPem } from '../formats/pem.js';
import { keyShape, spkiSha256 } from './key-facts.js';
import { unsupportedKeyType } from './key-types.js';
import { asVersion1, checkCarriedPublicKey } from './pkcs8-v2.js';

/** The key's DER; its PEM too when it came as PEM (legacy encryption lives in the PEM headers). */
export interface KeySource {
  der: Buffer;
  pem?: string;
  /** The cipher named by a legacy PEM DEK-Info header. */
  cipher?: string;
}

const SHAPE_FROM_ENCODING: Partial<Record<KeyEncoding, KeyShape>> = {
  pkcs1: { keyAlgorithm: 'rsa' },
  sec1: { keyAlgorithm: 'ec' },
  dsa: { keyAlgorithm: 'dsa' },
};

const PEM_LABELS: Partial<Record<KeyEncoding, string>> = { dsa: 'DSA PRIVATE KEY' };

export function wrongPassphrase(): Problem {
  return {
    code: 'WRONG_PASSPHRASE',
    message: 'The passphrase does not open this encrypted key.',
    fix: 'Check the passphrase (only its first line is read from --passphrase-file) and try again.',
    appFix: 'Check the passphrase and type it again.',
  };
}

/**
 * A cipher neither Node's OpenSSL (its default provider) nor node-forge implements: RC4, Blowfish, CAST5. DES and RC2
 * never get here (legacy-cipher.ts opens them).
 */
export function cipherNotAvailable(cipher: string, what = 'The key'): Problem {
  return {
    code: 'CIPHER_NOT_AVAILABLE',
    message: `${what} is encrypted with ${cipher}, an old cipher iamcert cannot decrypt.`,
    fix: 'Export it again with AES from the tool that made it (OpenSSL 3 reads it when given -provider legacy -provider default).',
  };
}

/** PKCS#8 with AES-GCM (RustCrypto writes it) is something OpenSSL 3 itself cannot decrypt. */
function gcmNotSupported(cipher: string): Problem {
  return {
    code: 'CIPHER_NOT_SUPPORTED',
    message: `The key is encrypted with ${cipher} inside PKCS#8, which OpenSSL (and so iamcert) cannot decrypt.`,
    fix: 'Export the key again with AES-256-CBC (the usual PKCS#8 encryption) from the tool that made it.',
  };
}

/**
 * Ciphers whose failure proves the passphrase wrong: Node's OpenSSL (or legacy-cipher.ts) implements them. Any other
 * (AES in ECB mode in a PEM header, GOST, an OID nobody names) is named as not available, never "wrong passphrase".
 */
function provable(cipher: string, encoding: KeyEncoding): boolean {
  const name = cipher.toLowerCase();
  return (
    /^(aes|camellia|aria)-(128|192|256)-cbc$/.test(name) ||
    // Inside PKCS#8 (PBES2), OpenSSL 3 decrypts AES in ECB mode; in a PEM header it does not.
    (encoding === 'pkcs8' && /^aes-(128|192|256)-ecb$/.test(name)) ||
    /^(des-cbc|des-ede3-cbc|des-ede-cbc|rc2-cbc|rc2-40-cbc|rc2-64-cbc)$/.test(name) ||
    /^pbewith/.test(name)
  );
}

function isUnsupported(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_OSSL_EVP_UNSUPPORTED'
  );
}

export function privateKeyItem(
  source: KeySource,
  encoding: KeyEncoding,
  encrypted: boolean,
  passphrase?: string,
): PrivateKeyItem {
  const base: PrivateKeyItem = { type: 'private-key', encoding, encrypted };
  // Checked before any passphrase is asked for or tried: the count is in the clear.
  const tooCostly =
    encrypted && encoding === 'pkcs8'
      ? keyDerivationProblem(source.der, MAX_KEY_FILE_ROUNDS, 'encrypted key')
      : undefined;
  if (tooCostly) return { ...base, problem: tooCostly };
  if (encrypted && passphrase === undefined) return { ...base, ...SHAPE_FROM_ENCODING[encoding] };
  let key: KeyObject;
  try {
    key = createPrivateKey(keyInput(source, encoding, encrypted ? passphrase : undefined));
  } catch (error) {
    const plain = !encrypted && encoding === 'pkcs8' ? plainPkcs8(source.der) : undefined;
    if (plain) return { ...base, ...plain };
    const cipher = source.cipher ?? (encoding === 'pkcs8' ? encryptionOf(source.der) : undefined);
    if (encrypted && cipher && /GCM/.test(cipher)) return { ...base, problem: gcmNotSupported(cipher) };
    if (encrypted && (isUnsupported(error) || (cipher !== undefined && !provable(cipher, encoding))))
      return { ...base, ...SHAPE_FROM_ENCODING[encoding], problem: cipherNotAvailable(cipher ?? 'an old cipher') };
    if (encrypted) return { ...base, ...SHAPE_FROM_ENCODING[encoding], problem: wrongPassphrase() };
    fail(
      'KEY_DAMAGED',
      `The ${encoding.toUpperCase()} private key could not be read.`,
      'Get a fresh copy of the key file; it is damaged or truncated.',
    );
  }
  return { ...base, key, spkiSha256: spkiSha256(key), ...keyShape(key) };
}

function keyInput(source: KeySource, encoding: KeyEncoding, passphrase: string | undefined): PrivateKeyInput {
  const withPassphrase = passphrase === undefined ? {} : { passphrase };
  const label = PEM_LABELS[encoding];
  // Node takes traditional DSA keys only as PEM.
  const pem = source.pem ?? (label ? derToPem(label, source.der) : undefined);
  if (pem !== undefined) return { key: pem, format: 'pem', ...withPassphrase };
  return { key: source.der, format: 'der', type: encoding as 'pkcs1' | 'pkcs8' | 'sec1', ...withPassphrase };
}

/**
 * An unencrypted PKCS#8 key Node does not take as it is: version 2 (its public key beside it, checked), or a key type
 * Node does not know (named, with its OID). undefined when it is neither: then it is damaged.
 */
function plainPkcs8(der: Buffer): Partial<PrivateKeyItem> | undefined {
  const v1 = asVersion1(der);
  if (v1) {
    let key: KeyObject | undefined;
    try {
      key = createPrivateKey({ key: v1.der, format: 'der', type: 'pkcs8' });
    } catch {
      key = undefined;
    }
    if (key) {
      checkCarriedPublicKey(key, v1.publicKey);
      return { key, spkiSha256: spkiSha256(key), ...keyShape(key) };
    }
  }
  const unsupported = unsupportedKeyType(der, 'pkcs8');
  if (!unsupported) return undefined;
  const { keyOid, ...problem } = unsupported;
  return { keyOid, problem };
}

/** Tries each DER private-key encoding; returns undefined when the bytes are none of them. */
export function privateKeyFromDer(der: Buffer, passphrase?: string): PrivateKeyItem | undefined {
  for (const encoding of ['pkcs8', 'pkcs1', 'sec1', 'dsa'] as const) {
    try {
      const key = createPrivateKey(keyInput({ der }, encoding, undefined));
      if (encoding === 'dsa' && key.asymmetricKeyType !== 'dsa') continue;
      return { type: 'private-key', encoding, encrypted: false, key, spkiSha256: spkiSha256(key), ...keyShape(key) };
    } catch (error) {
      if (encoding === 'pkcs8' && isMissingPassphrase(error)) return privateKeyItem({ der }, 'pkcs8', true, passphrase);
      const plain = encoding === 'pkcs8' ? plainPkcs8(der) : undefined;
      if (plain) return { type: 'private-key', encoding, encrypted: false, ...plain };
    }
  }
  return undefined;
}

function isMissingPassphrase(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_MISSING_PASSPHRASE';
}
