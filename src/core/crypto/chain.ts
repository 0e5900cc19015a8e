import type { CertificateItem, Item, PrivateKeyItem } from '../formats/items.js';
import { issuedBy } from './certificate.js';

export interface KeyMatch {
  key: number;
  certificate: number;
}

export interface Relations {
  /** Which private key (by item index) belongs to which certificate. */
  matches: KeyMatch[];
  /** Item indexes of certificates from leaf to root, following issuer links. */
  chain: number[];
}

/** The issuers of `leaf` found in `pool`, nearest first, each verified by signature. Unrelated certificates are left out. */
export function issuersOf(leaf: CertificateItem, pool: CertificateItem[]): CertificateItem[] {
  const chain: CertificateItem[] = [];
  let current = leaf;
  const remaining = pool.filter((candidate) => candidate.sha256 !== leaf.sha256);
  while (!current.selfSigned) {
    const index = remaining.findIndex((candidate) => issuedBy(current.x509, candidate.x509));
    if (index < 0) break;
    const [issuer] = remaining.splice(index, 1);
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

export function certificateMatchingKey(key: PrivateKeyItem, certificates: CertificateItem[]): CertificateItem | undefined {
  if (!key.spkiSha256) return undefined;
  return certificates.find((certificate) => certificate.spkiSha256 === key.spkiSha256);
}

/**
 * The leaf: a certificate some private key matches, or else the one
 * certificate that issued none of the others.
 */
export function pickLeaf(certificates: CertificateItem[], keys: PrivateKeyItem[]): CertificateItem | undefined {
  for (const key of keys) {
    const matched = certificateMatchingKey(key, certificates);
    if (matched) return matched;
  }
  return certificates.find((candidate) => !certificates.some((other) => other !== candidate && issuedBy(other.x509, candidate.x509)));
}

export function findRelations(items: Item[]): Relations {
  const certificates = items.filter((item): item is CertificateItem => item.type === 'certificate');
  const keys = items.filter((item): item is PrivateKeyItem => item.type === 'private-key');
  const matches: KeyMatch[] = [];
  for (const key of keys) {
    for (const certificate of certificates) {
      if (key.spkiSha256 && key.spkiSha256 === certificate.spkiSha256) {
        matches.push({ key: items.indexOf(key), certificate: items.indexOf(certificate) });
      }
    }
  }
  const leaf = pickLeaf(certificates, keys);
  const chain = leaf ? [leaf, ...issuersOf(leaf, certificates)].map((certificate) => items.indexOf(certificate)) : [];
  return { matches, chain };
}
