import type { CrlItem } from '../formats/items.js';
import { children, parseDer } from '../formats/asn1.js';
import { loadX509 } from './peculiar.js';

/**
 * A certificate revocation list: who issued it, when it was made and when the next is due, how many certificates it
 * revokes. undefined when the DER is not a CertificateList (a certificate shares its outline: it is tried first).
 */
export async function crlItem(der: Buffer): Promise<CrlItem | undefined> {
  // CertificateList: SEQUENCE { TBSCertList SEQUENCE, AlgorithmIdentifier, BIT STRING }.
  if (children(parseDer(der)?.node).length !== 3) return undefined;
  const x509 = await loadX509();
  try {
    const crl = new x509.X509Crl(new Uint8Array(der));
    return {
      type: 'crl',
      der,
      issuer: crl.issuer,
      thisUpdate: crl.thisUpdate,
      ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate } : {}),
      revoked: crl.entries.length,
    };
  } catch {
    return undefined;
  }
}
