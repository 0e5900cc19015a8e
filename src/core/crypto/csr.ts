import { createPublicKey } from 'node:crypto';
import type { CsrItem } from '../formats/items.js';
import { keyShape, spkiSha256 } from './key-facts.js';
import { loadX509 } from './peculiar.js';

/** Reads a PKCS#10 request; undefined when the DER is not one. */
export async function csrItem(der: Buffer): Promise<CsrItem | undefined> {
  const x509 = await loadX509();
  let csr: InstanceType<typeof x509.Pkcs10CertificateRequest>;
  try {
    csr = new x509.Pkcs10CertificateRequest(new Uint8Array(der));
  } catch {
    return undefined;
  }
  const item: CsrItem = { type: 'csr', der, subject: csr.subject, signatureValid: await verifies(csr) };
  try {
    const publicKey = createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' });
    Object.assign(item, { spkiSha256: spkiSha256(publicKey) }, keyShape(publicKey));
  } catch {
    // A key type Node can't read: the request is still reported, without key facts.
  }
  return item;
}

async function verifies(csr: { verify(): Promise<boolean> }): Promise<boolean> {
  try {
    return await csr.verify();
  } catch {
    return false;
  }
}
