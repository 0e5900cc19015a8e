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
  /** Certificates (item indexes) that are not on the leaf's chain. */
  strangers: number[];
}

/**
 * Signature checks are the costly part of chain building. Candidates are found by name first, and
 * a file of a thousand certificates with one name (damaged or hostile) stops here instead of
 * checking every pair.
 */
const MAX_SIGNATURE_CHECKS = 10_000;

/** For each certificate, the certificate in the set that issued it (verified by signature), if any. */
export function issuerLinks(certificates: CertificateItem[]): Map<CertificateItem, CertificateItem> {
  const bySubject = new Map<string, CertificateItem[]>();
  for (const certificate of certificates) {
    const named = bySubject.get(certificate.x509.subject);
    if (named) named.push(certificate);
    else bySubject.set(certificate.x509.subject, [certificate]);
  }
  const links = new Map<CertificateItem, CertificateItem>();
  let checks = 0;
  for (const certificate of certificates) {
    if (certificate.selfSigned) continue;
    for (const candidate of bySubject.get(certificate.x509.issuer) ?? []) {
      if (candidate.sha256 === certificate.sha256) continue;
      if ((checks += 1) > MAX_SIGNATURE_CHECKS) return links;
      if (issuedBy(certificate.x509, candidate.x509)) {
        links.set(certificate, candidate);
        break;
      }
    }
  }
  return links;
}

function pathFrom(leaf: CertificateItem, links: Map<CertificateItem, CertificateItem>): CertificateItem[] {
  const path: CertificateItem[] = [];
  const seen = new Set<string>([leaf.sha256]);
  for (let issuer = links.get(leaf); issuer && !seen.has(issuer.sha256); issuer = links.get(issuer)) {
    seen.add(issuer.sha256);
    path.push(issuer);
  }
  return path;
}

/**
 * The issuers of `leaf` found in `pool`, nearest first, each verified by signature. Unrelated certificates are left
 * out.
 */
export function issuersOf(leaf: CertificateItem, pool: CertificateItem[]): CertificateItem[] {
  const all = pool.some((candidate) => candidate === leaf) ? pool : [leaf, ...pool];
  return pathFrom(leaf, issuerLinks(all));
}

export function certificateMatchingKey(
  key: PrivateKeyItem,
  certificates: CertificateItem[],
): CertificateItem | undefined {
  if (!key.spkiSha256) return undefined;
  return certificates.find((certificate) => certificate.spkiSha256 === key.spkiSha256);
}

/**
 * The leaf: a certificate some private key matches; else, of the certificates that issued none of
 * the others, the one with the longest chain (a stranger placed first in a bundle is not the leaf).
 */
export function pickLeaf(
  certificates: CertificateItem[],
  keys: PrivateKeyItem[],
  links = issuerLinks(certificates),
): CertificateItem | undefined {
  for (const key of keys) {
    const matched = certificateMatchingKey(key, certificates);
    if (matched) return matched;
  }
  const issuers = new Set(links.values());
  let best: CertificateItem | undefined;
  let bestLength = -1;
  for (const certificate of certificates) {
    if (issuers.has(certificate)) continue;
    const length = pathFrom(certificate, links).length;
    if (length > bestLength) [best, bestLength] = [certificate, length];
  }
  return best;
}

export function findRelations(items: Item[]): Relations {
  const certificates = items.filter((item): item is CertificateItem => item.type === 'certificate');
  const keys = items.filter((item): item is PrivateKeyItem => item.type === 'private-key');
  const indexOf = new Map<Item, number>(items.map((item, index) => [item, index]));
  const matches: KeyMatch[] = [];
  for (const key of keys) {
    for (const certificate of certificates) {
      if (key.spkiSha256 && key.spkiSha256 === certificate.spkiSha256)
        matches.push({ key: indexOf.get(key)!, certificate: indexOf.get(certificate)! });
    }
  }
  const links = issuerLinks(certificates);
  const leaf = pickLeaf(certificates, keys, links);
  const chain = leaf ? [leaf, ...pathFrom(leaf, links)].map((certificate) => indexOf.get(certificate)!) : [];
  const onChain = new Set(chain);
  const strangers = certificates.map((certificate) => indexOf.get(certificate)!).filter((index) => !onChain.has(index));
  return { matches, chain, strangers };
}
