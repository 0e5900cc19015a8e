import type { CertificateItem } from '../formats/items.js';

/** What the map needs from a certificate's body: its digest (duplicates) and the names it covers. */
export interface BodyFacts {
  sha256?: string;
  /** DNS names from the SANs, lower case; the subject's CN only when there are none. */
  names: string[];
}

/**
 * A host is covered by its exact name or by a wildcard for exactly one label (*.example.com covers www.example.com, not
 * example.com or a.b.example.com).
 */
export function covers(names: string[], host: string): boolean {
  const wanted = host.toLowerCase();
  return names.some(
    (name) =>
      name === wanted ||
      (name.startsWith('*.') && wanted.split('.').length === name.split('.').length && wanted.endsWith(name.slice(1))),
  );
}

/** The names a certificate answers to: its DNS SANs, lower case, or its subject's CN when it has none. */
export function certificateNames(certificate: Pick<CertificateItem, 'sans' | 'subject'> | undefined): string[] {
  const dns = (certificate?.sans ?? [])
    .filter((name) => name.startsWith('DNS:'))
    .map((name) => name.slice(4).toLowerCase());
  if (dns.length > 0) return dns;
  const commonName = /(?:^|,\s*)CN=([^,]+)/.exec(certificate?.subject ?? '')?.[1]?.toLowerCase();
  return commonName ? [commonName] : [];
}
