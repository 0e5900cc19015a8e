import type { Problem } from '../errors.js';
import { children, integerOf, oidOf, parseDer, type Asn1Node } from './asn1.js';

/**
 * A passphrase is stretched before it can even be checked, for as many rounds as the file asks.
 * Real tools ask for little: OpenSSL 2,048, Java 10,000, Firefox and OWASP 600,000. A damaged or
 * hostile file asking for billions would keep the reader busy for hours, so such files are refused
 * before any work is done. Stretching runs natively (OpenSSL, about 0.4 s per million rounds here),
 * except PKCS#12's own older KDF, which iamcert runs round by round on Node's native hash.
 * scrypt counts N·r·p, about what as many PBKDF2 rounds cost, and its memory is capped as OpenSSL
 * caps it.
 */
export const MAX_KEY_FILE_ROUNDS = 1_000_000;
/** A PKCS#12 file: all its derivations together (Firefox: 600,000 for the MAC and each part, 3,000,000 in all). */
export const MAX_PKCS12_ROUNDS = 4_000_000;
/**
 * Of those, the rounds of PKCS#12's own KDF that iamcert runs on Node's hash (the MAC, and parts
 * under the old PKCS#12 ciphers): about a microsecond each, so a file is answered within 2 s.
 * Firefox's export asks 1,800,000.
 */
export const MAX_PKCS12_KDF_ROUNDS = 2_000_000;
/**
 * And the longest single one: a derivation is one chain of hashes that no worker can share, so a file whose MAC alone
 * asks 2,000,000 rounds would take 3 s. Firefox's longest is 600,000.
 */
export const MAX_PKCS12_KDF_CHAIN = 1_000_000;
/**
 * OpenSSL refuses scrypt above 32 MB of memory when decrypting a key; asking more is refused here first, and said so.
 */
const SCRYPT_MAX_MEMORY = 32 * 1024 * 1024;

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  scrypt: '1.3.6.1.4.1.11591.4.11',
} as const;

/** PKCS#5 PBES1 and PKCS#12 PBE schemes: their parameters are SEQUENCE { salt, iterations }. */
const PBES1_OR_PKCS12 = /^1\.2\.840\.113549\.1\.(5\.(1|3|4|6|10|11)|12\.1\.[1-6])$/;

const CIPHER_NAMES: Record<string, string> = {
  '1.2.840.113549.1.5.1': 'pbeWithMD2AndDES-CBC',
  '1.2.840.113549.1.5.3': 'pbeWithMD5AndDES-CBC',
  '1.2.840.113549.1.5.4': 'pbeWithMD2AndRC2-CBC',
  '1.2.840.113549.1.5.6': 'pbeWithMD5AndRC2-CBC',
  '1.2.840.113549.1.5.10': 'pbeWithSHA1AndDES-CBC',
  '1.2.840.113549.1.5.11': 'pbeWithSHA1AndRC2-CBC',
  '1.2.840.113549.1.12.1.1': 'pbeWithSHAAnd128BitRC4',
  '1.2.840.113549.1.12.1.2': 'pbeWithSHAAnd40BitRC4',
  '1.2.840.113549.1.12.1.3': 'pbeWithSHAAnd3-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.4': 'pbeWithSHAAnd2-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.5': 'pbeWithSHAAnd128BitRC2-CBC',
  '1.2.840.113549.1.12.1.6': 'pbeWithSHAAnd40BitRC2-CBC',
  '1.3.14.3.2.7': 'DES-CBC',
  '1.2.840.113549.3.7': 'DES-EDE3-CBC',
  '1.2.840.113549.3.2': 'RC2-CBC',
  '2.16.840.1.101.3.4.1.2': 'AES-128-CBC',
  '2.16.840.1.101.3.4.1.22': 'AES-192-CBC',
  '2.16.840.1.101.3.4.1.42': 'AES-256-CBC',
  '2.16.840.1.101.3.4.1.6': 'AES-128-GCM',
  '2.16.840.1.101.3.4.1.46': 'AES-256-GCM',
  '2.16.840.1.101.3.4.1.1': 'AES-128-ECB',
  '2.16.840.1.101.3.4.1.21': 'AES-192-ECB',
  '2.16.840.1.101.3.4.1.41': 'AES-256-ECB',
  '1.3.6.1.4.1.3029.1.2': 'BF-CBC',
  '1.2.840.113533.7.66.10': 'CAST5-CBC',
  '1.2.840.113549.3.9': 'RC5-CBC',
  '1.2.410.200004.1.4': 'SEED-CBC',
};

export interface Derivation {
  /** The stretching rounds, or for scrypt N·r·p. */
  rounds: number;
  /** Run by iamcert on Node's hash rather than natively by OpenSSL (PKCS#12's own KDF). */
  hashedHere?: boolean;
  /** The longest run of rounds that must follow one another (PKCS#12 derives key and IV side by side). */
  chain?: number;
  /** Bytes of memory scrypt would need. */
  memory?: number;
}

/**
 * The derivation an AlgorithmIdentifier (PBES1, PBES2 with PBKDF2 or scrypt, PKCS#12 PBE) asks for, read in the clear.
 */
export function derivationOf(algorithm: Asn1Node | undefined): Derivation | undefined {
  const [oidNode, params] = children(algorithm);
  const oid = oidOf(oidNode);
  if (!oid) return undefined;
  if (PBES1_OR_PKCS12.test(oid)) {
    // PKCS#12 derives the key and the IV separately, each for the full count.
    const rounds = integerOf(children(params)[1]) ?? 1;
    return oid.includes('.12.1.') ? { rounds: rounds * 2, chain: rounds } : { rounds };
  }
  if (oid !== OID.pbes2) return undefined;
  const [kdf] = children(params);
  const [kdfOid, kdfParams] = children(kdf);
  const kdfName = oidOf(kdfOid);
  const fields = children(kdfParams);
  if (kdfName === OID.pbkdf2) return { rounds: integerOf(fields[1]) ?? 0 };
  if (kdfName === OID.scrypt) {
    const [n, r, p] = [integerOf(fields[1]) ?? 0, integerOf(fields[2]) ?? 0, integerOf(fields[3]) ?? 0];
    return { rounds: n * r * p, memory: 128 * r * (n + p + 2) };
  }
  return undefined;
}

/** The problem with derivations that together exceed the budget (or scrypt's memory cap), naming the count. */
export function derivationProblem(derivations: Derivation[], budget: number, what: string): Problem | undefined {
  const memory = Math.max(0, ...derivations.map((derivation) => derivation.memory ?? 0));
  if (memory > SCRYPT_MAX_MEMORY) {
    return {
      code: 'KEY_DERIVATION_TOO_COSTLY',
      message: `This ${what} asks scrypt for ${Math.ceil(memory / 1024 / 1024).toLocaleString('en-US')} MB of memory; OpenSSL and iamcert allow ${SCRYPT_MAX_MEMORY / 1024 / 1024} MB.`,
      fix: 'Export the key again with standard settings from the tool that made it (scrypt N=16384, r=8, p=1 is usual).',
    };
  }
  const total = derivations.reduce((sum, derivation) => sum + derivation.rounds, 0);
  const hashedHere = derivations.reduce((sum, derivation) => sum + (derivation.hashedHere ? derivation.rounds : 0), 0);
  if (hashedHere > MAX_PKCS12_KDF_ROUNDS) {
    return {
      code: 'KEY_DERIVATION_TOO_COSTLY',
      message: `This ${what} asks for ${hashedHere.toLocaleString('en-US')} rounds of PKCS#12's own key derivation; real tools write up to 1,800,000 (iamcert reads up to ${MAX_PKCS12_KDF_ROUNDS.toLocaleString('en-US')}).`,
      fix: 'The file may be damaged or hostile. If it is yours, export it again with standard settings (AES) from the tool that made it.',
    };
  }
  if (total > budget) {
    return {
      code: 'KEY_DERIVATION_TOO_COSTLY',
      message: `This ${what} asks for ${total.toLocaleString('en-US')} passphrase rounds; real tools write a few thousand to 600,000 (iamcert reads up to ${budget.toLocaleString('en-US')}).`,
      fix: 'The file may be damaged or hostile. If it is yours, export it again with standard settings from the tool that made it.',
    };
  }
  const chain = Math.max(
    0,
    ...derivations
      .filter((derivation) => derivation.hashedHere)
      .map((derivation) => derivation.chain ?? derivation.rounds),
  );
  if (chain > MAX_PKCS12_KDF_CHAIN) {
    return {
      code: 'KEY_DERIVATION_TOO_COSTLY',
      message: `This ${what} asks for one derivation of ${chain.toLocaleString('en-US')} rounds of PKCS#12's own key derivation, which cannot be split; real tools write up to 600,000 (iamcert reads up to ${MAX_PKCS12_KDF_CHAIN.toLocaleString('en-US')}).`,
      fix: 'The file may be damaged or hostile. If it is yours, export it again with standard settings (AES) from the tool that made it.',
    };
  }
  return undefined;
}

/** EncryptedPrivateKeyInfo: SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }. */
export function keyDerivationProblem(der: Buffer, budget: number, what: string): Problem | undefined {
  const derivation = derivationOf(children(parseDer(der)?.node)[0]);
  return derivation ? derivationProblem([derivation], budget, what) : undefined;
}

/** The cipher of an encrypted PKCS#8 key, by name, for messages. */
export function encryptionOf(der: Buffer): string | undefined {
  const [oidNode, params] = children(children(parseDer(der)?.node)[0]);
  const oid = oidOf(oidNode);
  if (oid !== OID.pbes2) return oid ? (CIPHER_NAMES[oid] ?? `OID ${oid}`) : undefined;
  const scheme = oidOf(children(children(params)[1])[0]);
  return scheme ? (CIPHER_NAMES[scheme] ?? `OID ${scheme}`) : undefined;
}

export function cipherName(oid: string): string {
  if (!oid) return 'a cipher it does not name';
  return CIPHER_NAMES[oid] ?? `OID ${oid}`;
}
