import { X509Certificate } from 'node:crypto';
import { fail } from '../errors.js';
import {
  children,
  CONTEXT_SPECIFIC,
  firstElementLength,
  oidOf,
  parseDer,
  toDer,
  type Asn1Node,
} from '../formats/asn1.js';
import type { CertificateItem, KeyShape } from '../formats/items.js';
import { derToPem } from '../formats/pem.js';
import { keyShape, sha256Hex, spkiDer } from './key-facts.js';

/** Node prints names one attribute per line; we show them on one line, as OpenSSL does. */
export function oneLineName(name: string | undefined): string {
  return (name ?? '').split('\n').filter(Boolean).join(', ');
}

/** Facts of one DER certificate; a damaged one is a clean CERT_DAMAGED. */
export function certificateItem(der: Buffer): CertificateItem {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    fail(
      'CERT_DAMAGED',
      'A certificate in the file could not be read.',
      'Get a fresh copy of the file; it is damaged or truncated.',
    );
  }
  return readCertificate(exactBytes(der, x509), x509);
}

/**
 * The certificate's own bytes, as they are in the file: never OpenSSL's re-encoding. When more
 * follows the certificate (OpenSSL's trust settings in a TRUSTED CERTIFICATE block), only the
 * certificate's element is kept.
 */
function exactBytes(der: Buffer, x509: X509Certificate): Buffer {
  if (x509.raw.equals(der)) return der;
  const length = firstElementLength(der);
  return length !== undefined && length < der.length ? der.subarray(0, length) : der;
}

function readCertificate(der: Buffer, x509: X509Certificate): CertificateItem {
  const key = publicKeyFacts(der, x509);
  return {
    type: 'certificate',
    der,
    x509,
    sha256: sha256Hex(der),
    spkiSha256: key.spkiSha256,
    subject: oneLineName(x509.subject),
    issuer: oneLineName(x509.issuer),
    serial: x509.serialNumber,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    selfSigned: isSelfSigned(x509),
    isCA: x509.ca,
    sans: x509.subjectAltName ? x509.subjectAltName.split(', ') : [],
    ...key.shape,
  };
}

/**
 * A key type this Node.js cannot load (ML-DSA, an unknown OID) leaves the certificate intact:
 * its key is reported as "unknown" with the OID, and its SPKI digest from the certificate's bytes.
 */
function publicKeyFacts(der: Buffer, x509: X509Certificate): { spkiSha256: string; shape: KeyShape } {
  try {
    const publicKey = x509.publicKey;
    return { spkiSha256: sha256Hex(spkiDer(publicKey)), shape: keyShape(publicKey) };
  } catch {
    const spki = subjectPublicKeyInfo(der);
    const oid = oidOf(children(children(spki)[0])[0]);
    return {
      spkiSha256: spki ? sha256Hex(toDer(spki)) : '',
      shape: { keyAlgorithm: 'unknown', ...(oid ? { keyOid: oid } : {}) },
    };
  }
}

/**
 * TBSCertificate: [0] version (v2 and v3 only), serial, signature, issuer, validity, subject, subjectPublicKeyInfo, …
 */
function subjectPublicKeyInfo(der: Buffer): Asn1Node | undefined {
  const fields = children(children(parseDer(der, { all: false })?.node)[0]);
  const hasVersion = fields[0]?.tagClass === CONTEXT_SPECIFIC;
  return fields[(hasVersion ? 1 : 0) + 5];
}

/**
 * Signed by its own key under its own name. checkIssued would also demand keyCertSign, which a self-signed leaf need
 * not have.
 */
export function isSelfSigned(x509: X509Certificate): boolean {
  return x509.issuer === x509.subject && safeVerify(x509, x509);
}

/** True when `issuer` issued `subject`: the names chain and the signature verifies. */
export function issuedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  return subject.checkIssued(issuer) && safeVerify(subject, issuer);
}

function safeVerify(subject: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** The certificate's own bytes as PEM (never a re-encoding). */
export function certificatePem(item: CertificateItem): string {
  return derToPem('CERTIFICATE', item.der);
}
