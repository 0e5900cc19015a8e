import forge from 'node-forge';

/**
 * OpenSSL writes 2,048 MAC iterations; Windows and Java stay well under a
 * million. forge derives the MAC key in JavaScript, so a damaged or hostile
 * file asking for billions would hang the reader: such files are refused.
 */
export const MAX_PKCS12_MAC_ITERATIONS = 1_000_000;

/** The MacData iteration count of a parsed PFX envelope, when it has one. */
export function macIterations(envelope: forge.asn1.Asn1): number | undefined {
  const macData = Array.isArray(envelope.value) ? envelope.value[2] : undefined;
  const iterations = macData && Array.isArray(macData.value) ? macData.value[2] : undefined;
  if (!iterations || iterations.type !== forge.asn1.Type.INTEGER || typeof iterations.value !== 'string') return undefined;
  return forge.util.createBuffer(iterations.value).getInt(iterations.value.length * 8);
}
