import type { Problem } from '../errors.js';
import { ASN1, children, integerOf, oidOf, parseDer } from '../formats/asn1.js';

/** Key types Node.js 20 does not know, by name, so a message never shows a bare OID where a name exists. */
const KEY_TYPE_NAMES: Record<string, string> = {
  '2.16.840.1.101.3.4.3.17': 'ML-DSA-44',
  '2.16.840.1.101.3.4.3.18': 'ML-DSA-65',
  '2.16.840.1.101.3.4.3.19': 'ML-DSA-87',
  '2.16.840.1.101.3.4.4.1': 'ML-KEM-512',
  '2.16.840.1.101.3.4.4.2': 'ML-KEM-768',
  '2.16.840.1.101.3.4.4.3': 'ML-KEM-1024',
  '1.2.156.10197.1.301': 'SM2',
  '1.2.643.7.1.1.1.1': 'GOST R 34.10-2012 (256)',
  '1.2.643.7.1.1.1.2': 'GOST R 34.10-2012 (512)',
};

export function keyTypeName(oid: string): string {
  return KEY_TYPE_NAMES[oid] ? `${KEY_TYPE_NAMES[oid]}, OID ${oid}` : `OID ${oid}`;
}

/**
 * A well-formed PKCS#8 or SubjectPublicKeyInfo whose algorithm Node cannot read: "unsupported key type", with the
 * OID, not "damaged". undefined when the structure itself is not one of these.
 */
export function unsupportedKeyType(der: Buffer, kind: 'pkcs8' | 'spki'): (Problem & { keyOid: string }) | undefined {
  const parsed = parseDer(der);
  if (!parsed) return undefined;
  const fields = children(parsed.node);
  // PrivateKeyInfo: INTEGER 0 or 1, AlgorithmIdentifier, OCTET STRING, …; SubjectPublicKeyInfo: exactly the
  // AlgorithmIdentifier and a BIT STRING. Nothing else of the same outline (a request, a certificate) passes.
  const shaped =
    kind === 'pkcs8'
      ? fields.length >= 3 &&
        fields[0]?.type === ASN1.INTEGER &&
        [0, 1].includes(integerOf(fields[0]) ?? -1) &&
        fields[2]?.type === ASN1.OCTETSTRING
      : fields.length === 2 && fields[1]?.type === ASN1.BITSTRING;
  const algorithm = kind === 'pkcs8' ? fields[1] : fields[0];
  const oid = oidOf(children(algorithm)[0]);
  if (!shaped || !oid || algorithm?.type !== ASN1.SEQUENCE) return undefined;
  return {
    code: 'KEY_TYPE_UNSUPPORTED',
    message: `The ${kind === 'pkcs8' ? 'private' : 'public'} key is of a type iamcert cannot read (${keyTypeName(oid)}).`,
    fix: 'AWS load balancers and CloudFront take RSA and EC keys: use one of those for a certificate meant for AWS.',
    keyOid: oid,
  };
}
