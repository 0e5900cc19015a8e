import { X509Certificate } from 'node:crypto';
import { fail } from '../errors.js';
import type { CertificateItem } from '../formats/items.js';
import { keyShape, sha256Hex, spkiDer } from './key-facts.js';

/** Node prints names one attribute per line; we show them on one line, as OpenSSL does. */
export function oneLineName(name: string | undefined): string {
  return (name ?? '').split('\n').filter(Boolean).join(', ');
}

/** Facts of one DER certificate; a damaged one (its key included) is a clean CERT_DAMAGED. */
export function certificateItem(der: Buffer): CertificateItem {
  try {
    return readCertificate(der);
  } catch {
    fail('CERT_DAMAGED', 'A certificate in the file could not be read.', 'Get a fresh copy of the file; it is damaged or truncated.');
  }
}

function readCertificate(der: Buffer): CertificateItem {
  const x509 = new X509Certificate(der);
  const raw = Buffer.from(x509.raw);
  const publicKey = x509.publicKey;
  return {
    type: 'certificate',
    der: raw,
    x509,
    sha256: sha256Hex(raw),
    spkiSha256: sha256Hex(spkiDer(publicKey)),
    subject: oneLineName(x509.subject),
    issuer: oneLineName(x509.issuer),
    serial: x509.serialNumber,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    selfSigned: isSelfSigned(x509),
    isCA: x509.ca,
    sans: x509.subjectAltName ? x509.subjectAltName.split(', ') : [],
    ...keyShape(publicKey),
  };
}

/** Signed by its own key under its own name. checkIssued would also demand keyCertSign, which a self-signed leaf need not have. */
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

export function certificatePem(item: CertificateItem): string {
  return item.x509.toString();
}
