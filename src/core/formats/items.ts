import type { KeyObject, X509Certificate } from 'node:crypto';
import type { Problem } from '../errors.js';

export type Container = 'pem' | 'der' | 'pkcs7' | 'pkcs12' | 'jks' | 'jceks';
/** dsa: OpenSSL's traditional DSA PRIVATE KEY. */
export type KeyEncoding = 'pkcs1' | 'pkcs8' | 'sec1' | 'dsa';

/** Algorithm and size or curve of a public key; unknown fields stay undefined (an encrypted PKCS#8 key hides them). */
export interface KeyShape {
  keyAlgorithm?: string;
  keySize?: number;
  curve?: string;
  /** The key's algorithm OID when Node.js does not know the algorithm ("unknown"). */
  keyOid?: string;
}

export interface CertificateItem extends KeyShape {
  type: 'certificate';
  der: Buffer;
  x509: X509Certificate;
  sha256: string;
  spkiSha256: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  selfSigned: boolean;
  isCA: boolean;
  sans: string[];
  /** The keystore entry it came from (JKS, JCEKS). */
  alias?: string;
}

export interface PrivateKeyItem extends KeyShape {
  type: 'private-key';
  encoding: KeyEncoding;
  encrypted: boolean;
  /** Present whenever the key could be read (unencrypted, or decrypted with the passphrase). */
  key?: KeyObject;
  spkiSha256?: string;
  /** Why an encrypted key could not be opened. */
  problem?: Problem;
  /** The keystore entry it came from (JKS, JCEKS). */
  alias?: string;
}

export interface PublicKeyItem extends KeyShape {
  type: 'public-key';
  encoding: 'spki' | 'pkcs1';
  key: KeyObject;
  spkiSha256: string;
  /** Something odd about how the file holds it (a label that does not fit the encoding). */
  note?: string;
}

export interface CsrItem extends KeyShape {
  type: 'csr';
  der: Buffer;
  subject: string;
  /** The subjectAltName it asks for. */
  sans: string[];
  /** The signature scheme, when it is one iamcert cannot check (ML-DSA): not checked, rather than "invalid". */
  signatureUnchecked?: string;
  spkiSha256?: string;
  signatureValid: boolean;
}

/** A certificate revocation list: read and described, never part of an upload. */
export interface CrlItem {
  type: 'crl';
  der: Buffer;
  issuer: string;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** How many certificates it revokes. */
  revoked: number;
}

export type Item = CertificateItem | PrivateKeyItem | PublicKeyItem | CsrItem | CrlItem;

export interface ReadResult {
  container: Container;
  items: Item[];
  /** PEM blocks we recognised but do not handle (a CRL, say), by label. */
  skipped: string[];
  /** Blocks that could not be read, each with why; the items read beside them still count. */
  damaged?: Array<{ label: string; problem: Problem }>;
}

export interface ReadOptions {
  passphrase?: string;
  /** A keystore key entry's own password, where it is not the store's. */
  keyPassphrase?: string;
  /** Stops a long passphrase derivation (Ctrl-C, leaving a screen). */
  signal?: AbortSignal;
}
