import * as nodeCrypto from 'node:crypto';
import { createHash, createHmac, pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { fail } from '../errors.js';
import { decipher } from '../crypto/legacy-cipher.js';
import { bytesOf, children, integerOf, oidOf, type Asn1Node } from './asn1.js';
import { cipherName } from './key-derivation-limits.js';

/**
 * PKCS#12's password-based encryption and MAC on Node's native primitives: PBKDF2 and the ciphers
 * from OpenSSL, and PKCS#12's own older KDF (RFC 7292, appendix B) round by round on Node's
 * native hash, on worker threads. node-forge runs that KDF in JavaScript, twice as slow and in
 * one unbroken call on the main thread, where Ctrl-C would wait for it.
 */
const pbkdf2Async = promisify(pbkdf2);
/** crypto.hash (Node 20.12+) is a one-shot digest, twice as fast as createHash for this loop. */
const hash: (algorithm: string, data: Buffer, encoding: 'buffer') => Buffer =
  (nodeCrypto as { hash?: (algorithm: string, data: Buffer, encoding: 'buffer') => Buffer }).hash ??
  ((algorithm, data) => createHash(algorithm).update(data).digest());

const HASHES: Record<string, { name: string; size: number; block: number }> = {
  '1.3.14.3.2.26': { name: 'sha1', size: 20, block: 64 },
  '2.16.840.1.101.3.4.2.4': { name: 'sha224', size: 28, block: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', size: 32, block: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', size: 48, block: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', size: 64, block: 128 },
  '1.3.6.1.4.1.1722.12.2.1.16': { name: 'blake2b512', size: 64, block: 128 },
};

const HMAC_PRFS: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

/** PKCS#12 PBE: the cipher, its key length, and whether it takes an IV. */
const PKCS12_PBE: Record<string, { cipher: string; keyLength: number; iv: boolean }> = {
  '1.2.840.113549.1.12.1.1': { cipher: 'rc4', keyLength: 16, iv: false },
  '1.2.840.113549.1.12.1.2': { cipher: 'rc4-40', keyLength: 5, iv: false },
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24, iv: true },
  '1.2.840.113549.1.12.1.4': { cipher: 'des-ede-cbc', keyLength: 16, iv: true },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2-cbc', keyLength: 16, iv: true },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2-40-cbc', keyLength: 5, iv: true },
};

/** PKCS#5 v1.5 (PBES1): PBKDF1 over MD5 or SHA-1 gives the DES or RC2 (64-bit) key and the IV. */
const PBES1: Record<string, { hash: string; cipher: string; bits?: number }> = {
  '1.2.840.113549.1.5.3': { hash: 'md5', cipher: 'des-cbc' },
  '1.2.840.113549.1.5.6': { hash: 'md5', cipher: 'rc2-cbc', bits: 64 },
  '1.2.840.113549.1.5.10': { hash: 'sha1', cipher: 'des-cbc' },
  '1.2.840.113549.1.5.11': { hash: 'sha1', cipher: 'rc2-cbc', bits: 64 },
};

const RC2_CBC = '1.2.840.113549.3.2';
/** RC2-CBC-Parameter's version stands for the effective key bits (RFC 8018, B.2.3). */
const RC2_VERSIONS: Record<number, number> = { 160: 40, 120: 64, 58: 128 };

const PBES2_CIPHERS: Record<string, { cipher: string; keyLength: number }> = {
  '1.3.14.3.2.7': { cipher: 'des-cbc', keyLength: 8 },
  '1.2.840.113549.3.7': { cipher: 'des-ede3-cbc', keyLength: 24 },
  [RC2_CBC]: { cipher: 'rc2-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.2': { cipher: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { cipher: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { cipher: 'aes-256-cbc', keyLength: 32 },
};

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PBMAC1 = '1.2.840.113549.1.5.14';

/**
 * The password as PKCS#12's KDF takes it: UTF-16BE with a terminating zero; `null` is OpenSSL's "no password" (zero
 * bytes).
 */
export function bmpPassword(password: string | null): Buffer {
  if (password === null) return Buffer.alloc(0);
  const utf16 = Buffer.from(`${password}\u0000`, 'utf16le');
  return utf16.swap16();
}

function repeatToBlocks(data: Buffer, block: number): Buffer {
  if (data.length === 0) return data;
  const length = block * Math.ceil(data.length / block);
  const out = Buffer.alloc(length);
  for (let offset = 0; offset < length; offset += 1) out[offset] = data[offset % data.length]!;
  return out;
}

/**
 * The long part of PKCS#12's KDF, A = H^c(D‖I), on a worker thread: the MAC and each part's key and
 * IV are derived side by side on both cores, and the main thread stays free for Ctrl-C. The source
 * is plain CommonJS so it runs the same from the bundle and from the tests.
 */
const ITERATE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const digest = crypto.hash ? (data) => crypto.hash(workerData.name, data, 'buffer') : (data) => crypto.createHash(workerData.name).update(data).digest();
let value = digest(Buffer.from(workerData.first));
for (let round = 1; round < workerData.iterations; round += 1) value = digest(value);
parentPort.postMessage(value);
`;
/** Below this, a worker costs more than it saves. */
const WORKER_FROM = 20_000;

async function iterateHash(name: string, first: Buffer, iterations: number, signal?: AbortSignal): Promise<Buffer> {
  if (iterations < WORKER_FROM) {
    let value = hash(name, first, 'buffer');
    for (let round = 1; round < iterations; round += 1) value = hash(name, value, 'buffer');
    return value;
  }
  signal?.throwIfAborted();
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(ITERATE_SOURCE, { eval: true, workerData: { name, first, iterations } });
  const stop = () => void worker.terminate();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      worker.once('message', (value: Uint8Array) => resolve(Buffer.from(value)));
      worker.once('error', reject);
      worker.once('exit', () => reject(signal?.reason ?? new Error('the key derivation stopped')));
    });
  } finally {
    signal?.removeEventListener('abort', stop);
    void worker.terminate();
  }
}

/** RFC 7292, appendix B.2. */
export async function pkcs12Kdf(
  hashOid: string,
  password: Buffer,
  salt: Buffer,
  id: number,
  iterations: number,
  length: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  const digest = HASHES[hashOid];
  if (!digest) unsupported(`a MAC or key derivation with hash ${hashOid}`);
  const { name, size: u, block: v } = digest;
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([repeatToBlocks(salt, v), repeatToBlocks(password, v)]);
  const out: Buffer[] = [];
  for (let produced = 0; produced < length; produced += u) {
    const A = await iterateHash(name, Buffer.concat([D, I]), iterations, signal);
    out.push(A);
    const B = repeatToBlocks(A, v);
    for (let offset = 0; offset < I.length; offset += v) {
      // I_j = (I_j + B + 1) mod 2^(8v), big-endian.
      let carry = 1;
      for (let index = v - 1; index >= 0; index -= 1) {
        const sum = I[offset + index]! + B[index]! + carry;
        I[offset + index] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, length);
}

function unsupported(what: string): never {
  fail(
    'PKCS12_UNSUPPORTED',
    `This PKCS#12 (PFX) file uses ${what}, which iamcert cannot open.`,
    'Export it again from the tool that made it, with its default (AES) settings.',
  );
}

/** PBKDF1 (RFC 8018, 5.1): the hash of password and salt, hashed again rounds − 1 times; bounded by the budget. */
function pbkdf1(hashName: string, password: Buffer, salt: Buffer, rounds: number, signal?: AbortSignal): Buffer {
  let digest = hash(hashName, Buffer.concat([password, salt]), 'buffer');
  for (let round = 1; round < rounds; round += 1) {
    digest = hash(hashName, digest, 'buffer');
    if (round % 100_000 === 0) signal?.throwIfAborted();
  }
  return digest;
}

/**
 * Decrypts data under a password-based AlgorithmIdentifier (PKCS#12 PBE or PBES2 with PBKDF2);
 * undefined when the padding shows the password is wrong.
 */
export async function decryptWithPassword(
  algorithm: Asn1Node | undefined,
  data: Buffer,
  password: string | null,
  signal?: AbortSignal,
  what = 'This PKCS#12 (PFX) file',
): Promise<Buffer | undefined> {
  const [oidNode, params] = children(algorithm);
  const oid = oidOf(oidNode) ?? '';
  const name = (cipherOid: string) => ({ name: cipherName(cipherOid), what });
  const v15 = PBES1[oid];
  if (v15) {
    const [saltNode, roundsNode] = children(params);
    const derived = pbkdf1(
      v15.hash,
      Buffer.from(password ?? '', 'utf8'),
      bytesOf(saltNode) ?? Buffer.alloc(0),
      integerOf(roundsNode) ?? 1,
      signal,
    );
    return decipher(v15.cipher, derived.subarray(0, 8), derived.subarray(8, 16), data, {
      ...name(oid),
      bits: v15.bits,
    });
  }
  const legacy = PKCS12_PBE[oid];
  if (legacy) {
    const [saltNode, roundsNode] = children(params);
    const salt = bytesOf(saltNode) ?? Buffer.alloc(0);
    const rounds = integerOf(roundsNode) ?? 1;
    const bmp = bmpPassword(password);
    const SHA1 = '1.3.14.3.2.26';
    const key = await pkcs12Kdf(SHA1, bmp, salt, 1, rounds, legacy.keyLength, signal);
    const iv = legacy.iv ? await pkcs12Kdf(SHA1, bmp, salt, 2, rounds, 8, signal) : null;
    return decipher(legacy.cipher, key, iv, data, name(oid));
  }
  if (oid !== PBES2) unsupported(cipherName(oid));
  const [kdf, scheme] = children(params);
  const [kdfOid, kdfParams] = children(kdf);
  if (oidOf(kdfOid) !== PBKDF2) unsupported(`key derivation ${oidOf(kdfOid) ?? 'unknown'}`);
  const fields = children(kdfParams);
  const salt = bytesOf(fields[0]) ?? Buffer.alloc(0);
  const rounds = integerOf(fields[1]) ?? 1;
  // keyLength, where given (RC2's varies), comes before the PRF.
  const givenKeyLength = fields[2] && children(fields[2]).length === 0 ? integerOf(fields[2]) : undefined;
  const prfNode = fields.find((field, index) => index >= 2 && children(field).length > 0);
  const prf = prfNode ? HMAC_PRFS[oidOf(children(prfNode)[0]) ?? ''] : 'sha1';
  if (!prf) unsupported('an unknown PBKDF2 hash');
  const [schemeOid, schemeParams] = children(scheme);
  const schemeName = oidOf(schemeOid) ?? '';
  const target = PBES2_CIPHERS[schemeName];
  if (!target) unsupported(cipherName(schemeName));
  // RC2 names its IV inside a SEQUENCE with a version that gives the effective key bits; the rest give the IV alone.
  const rc2 = schemeName === RC2_CBC ? children(schemeParams) : undefined;
  const rc2Version = rc2 && rc2.length > 1 ? integerOf(rc2[0]) : undefined;
  const ivNode = rc2 ? rc2[rc2.length - 1] : schemeParams;
  const keyLength = givenKeyLength ?? target.keyLength;
  const key = await pbkdf2Async(Buffer.from(password ?? '', 'utf8'), salt, rounds, keyLength, prf);
  signal?.throwIfAborted();
  const bits = rc2 ? (rc2Version === undefined ? 32 : (RC2_VERSIONS[rc2Version] ?? rc2Version)) : undefined;
  return decipher(target.cipher, key, bytesOf(ivNode) ?? null, data, { ...name(schemeName), bits });
}

/** MacData: SEQUENCE { mac DigestInfo { AlgorithmIdentifier, digest }, macSalt, iterations DEFAULT 1 }. */
export function macRounds(macData: Asn1Node | undefined): number {
  return macData ? (integerOf(children(macData)[2]) ?? 1) : 0;
}

/** True when the password's MAC matches the file's. */
export async function macMatches(
  macData: Asn1Node,
  authSafe: Buffer,
  password: string | null,
  signal?: AbortSignal,
): Promise<boolean> {
  const [digestInfo, saltNode, roundsNode] = children(macData);
  const [algorithm, digestNode] = children(digestInfo);
  const hashOid = oidOf(children(algorithm)[0]) ?? '';
  if (hashOid === PBMAC1) unsupported('a PBMAC1 integrity check (PKCS#12 from OpenSSL 3.4 or later)');
  const digest = HASHES[hashOid];
  if (!digest) unsupported(`a MAC with hash ${hashOid}`);
  const expected = bytesOf(digestNode) ?? Buffer.alloc(0);
  const key = await pkcs12Kdf(
    hashOid,
    bmpPassword(password),
    bytesOf(saltNode) ?? Buffer.alloc(0),
    3,
    integerOf(roundsNode) ?? 1,
    digest.size,
    signal,
  );
  const actual = createHmac(digest.name, key).update(authSafe).digest();
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
