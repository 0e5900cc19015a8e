import { webcrypto } from 'node:crypto';
import { certificateItem } from '../../src/core/crypto/certificate.js';
import { loadX509 } from '../../src/core/crypto/peculiar.js';
import type { CertificateItem } from '../../src/core/formats/items.js';

export type KeyKind = 'P-256' | 'P-384' | 'P-521' | 'RSA-2048';

export interface Made {
  notAfter?: Date;
  names?: string[];
  keyUsage?: number;
  extendedKeyUsage?: string[];
}

export const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const keyCache = new Map<KeyKind, Promise<CryptoKeyPair>>();

function keysFor(kind: KeyKind): Promise<CryptoKeyPair> {
  if (!keyCache.has(kind)) {
    const algorithm =
      kind === 'RSA-2048'
        ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }
        : { name: 'ECDSA', namedCurve: kind };
    keyCache.set(kind, webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']));
  }
  return keyCache.get(kind)!;
}

/** A certificate made in memory (no OpenSSL, no files) with the key, names and usages asked for. */
export async function made(kind: KeyKind, options: Made = {}): Promise<CertificateItem> {
  const x509 = await loadX509();
  const keys = await keysFor(kind);
  const names = options.names ?? ['www.example.com'];
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${names[0]}`,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: options.notAfter ?? new Date(Date.now() + 90 * 86_400_000),
    signingAlgorithm:
      kind === 'RSA-2048' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', hash: 'SHA-256' },
    keys,
    extensions: [
      new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: 'dns' as const, value }))),
      ...(options.keyUsage !== undefined ? [new x509.KeyUsagesExtension(options.keyUsage, true)] : []),
      ...(options.extendedKeyUsage ? [new x509.ExtendedKeyUsageExtension(options.extendedKeyUsage)] : []),
    ],
  });
  return certificateItem(Buffer.from(certificate.rawData));
}
