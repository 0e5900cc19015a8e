import { CONTEXT_SPECIFIC, children, integerOf, parseDer } from '../formats/asn1.js';
import type { CertificateItem } from '../formats/items.js';
import { loadX509 } from './peculiar.js';

/** ACM's names for key usages, in the order of the KeyUsage bit string. */
const KEY_USAGES = [
  'DIGITAL_SIGNATURE',
  'NON_REPUDIATION',
  'KEY_ENCIPHERMENT',
  'DATA_ENCIPHERMENT',
  'KEY_AGREEMENT',
  'CERTIFICATE_SIGNING',
  'CRL_SIGNING',
  'ENCIPHER_ONLY',
  'DECIPHER_ONLY',
] as const;

/** ACM's names for the extended key usages it knows; any other OID keeps its number. */
const EXTENDED_KEY_USAGES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'TLS_WEB_SERVER_AUTHENTICATION',
  '1.3.6.1.5.5.7.3.2': 'TLS_WEB_CLIENT_AUTHENTICATION',
  '1.3.6.1.5.5.7.3.3': 'CODE_SIGNING',
  '1.3.6.1.5.5.7.3.4': 'EMAIL_PROTECTION',
  '1.3.6.1.5.5.7.3.8': 'TIME_STAMPING',
  '1.3.6.1.5.5.7.3.9': 'OCSP_SIGNING',
  '1.3.6.1.5.5.7.3.5': 'IPSEC_END_SYSTEM',
  '1.3.6.1.5.5.7.3.6': 'IPSEC_TUNNEL',
  '1.3.6.1.5.5.7.3.7': 'IPSEC_USER',
  '2.5.29.37.0': 'ANY',
};

export interface CertificateUsages {
  /** 1, 2 or 3. */
  version: number;
  /** Undefined when the certificate has no KeyUsage extension. */
  keyUsages?: string[];
  /** Undefined when the certificate has no ExtendedKeyUsage extension. */
  extendedKeyUsages?: string[];
}

/** TBSCertificate's [0] EXPLICIT version: absent means v1; the value is the version less one. */
export function x509Version(der: Buffer): number {
  const first = children(children(parseDer(der, { all: false })?.node)[0])[0];
  if (first?.tagClass !== CONTEXT_SPECIFIC) return 1;
  return (integerOf(children(first)[0]) ?? 0) + 1;
}

/** The certificate's version and key usages, named as ACM names them. */
export async function certificateUsages(certificate: Pick<CertificateItem, 'der'>): Promise<CertificateUsages> {
  const x509 = await loadX509();
  const parsed = new x509.X509Certificate(new Uint8Array(certificate.der));
  const keyUsage = parsed.getExtension(x509.KeyUsagesExtension);
  const extended = parsed.getExtension(x509.ExtendedKeyUsageExtension);
  return {
    version: x509Version(certificate.der),
    ...(keyUsage ? { keyUsages: KEY_USAGES.filter((_, bit) => (keyUsage.usages & (1 << bit)) !== 0) } : {}),
    ...(extended
      ? { extendedKeyUsages: extended.usages.map((usage) => EXTENDED_KEY_USAGES[String(usage)] ?? String(usage)) }
      : {}),
  };
}
