import { certificateItem } from '../crypto/certificate.js';
import { loadX509 } from '../crypto/peculiar.js';
import type { CertificateItem } from './items.js';

/** The certificates of a PKCS#7 (P7B) SignedData; undefined when the DER is not PKCS#7. */
export async function readPkcs7(der: Buffer): Promise<CertificateItem[] | undefined> {
  const x509 = await loadX509();
  let certificates: InstanceType<typeof x509.X509Certificates>;
  try {
    certificates = new x509.X509Certificates(new Uint8Array(der));
  } catch {
    return undefined;
  }
  return certificates.map((certificate) => certificateItem(Buffer.from(certificate.rawData)));
}
