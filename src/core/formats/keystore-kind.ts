/**
 * Java keystores, told apart by their first four bytes (a modern .jks is often PKCS#12, and read as such): JKS
 * (FEEDFEED) and JCEKS (CECECECE). Apart from keystore.ts, so that jks-js loads only for a keystore.
 */
const JKS_MAGIC = 0xfeedfeed;
const JCEKS_MAGIC = 0xcececece;

export function keystoreKind(der: Buffer): 'jks' | 'jceks' | undefined {
  if (der.length < 4) return undefined;
  const magic = der.readUInt32BE(0);
  return magic === JKS_MAGIC ? 'jks' : magic === JCEKS_MAGIC ? 'jceks' : undefined;
}
