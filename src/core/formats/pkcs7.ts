import { certificateItem } from '../crypto/certificate.js';
import { children, CONTEXT_SPECIFIC, integerOf, oidOf, parseDer, toDer, type Asn1Node } from './asn1.js';
import type { CertificateItem } from './items.js';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const DATA = '1.2.840.113549.1.7.1';
/**
 * The PKCS#7 content types OpenSSL decodes as structures; any other type (a Windows trust list, say) is carried as it
 * is.
 */
const STRUCTURED = new Set([
  '1.2.840.113549.1.7.2',
  '1.2.840.113549.1.7.3',
  '1.2.840.113549.1.7.4',
  '1.2.840.113549.1.7.5',
  '1.2.840.113549.1.7.6',
]);

const SEQUENCE = 16;
const SET = 17;
const INTEGER = 2;
const OCTET_STRING = 4;

const isUniversal = (node: Asn1Node | undefined, type: number) =>
  node !== undefined && node.tagClass === 0 && node.type === type;
const isContext = (node: Asn1Node | undefined, tag: number) =>
  node !== undefined && node.tagClass === CONTEXT_SPECIFIC && node.type === tag;

/** ContentInfo inside SignedData: data holds an OCTET STRING, the PKCS#7 types a structure (as OpenSSL insists). */
function contentIsWellFormed(contentInfo: Asn1Node | undefined): boolean {
  const [typeNode, wrapped] = children(contentInfo);
  const type = oidOf(typeNode);
  if (!type || !isUniversal(contentInfo, SEQUENCE)) return false;
  const content = children(wrapped)[0];
  if (!content) return true;
  if (type === DATA)
    return (
      isUniversal(content, OCTET_STRING) ||
      (content.constructed && children(content).every((part) => isUniversal(part, OCTET_STRING)))
    );
  return !STRUCTURED.has(type) || isUniversal(content, SEQUENCE);
}

/**
 * SignerInfo: version, then who signed: issuerAndSerialNumber { Name, serial } (PKCS#7, CMS version 1), or CMS's
 * subjectKeyIdentifier, [0] IMPLICIT OCTET STRING (version 3, RFC 5652), which `openssl cms` reads.
 */
function signerIsWellFormed(signer: Asn1Node): boolean {
  const [version, sid] = children(signer);
  if (!isUniversal(version, INTEGER)) return false;
  if (isContext(sid, 0) && !sid!.constructed) return integerOf(version) === 3;
  const [issuer, serial] = children(sid);
  return isUniversal(sid, SEQUENCE) && isUniversal(issuer, SEQUENCE) && isUniversal(serial, INTEGER);
}

/** The certificates of a PKCS#7 (P7B) SignedData; undefined when the DER is not PKCS#7 as OpenSSL reads it. */
export async function readPkcs7(der: Buffer): Promise<CertificateItem[] | undefined> {
  const root = parseDer(der, { all: false, strict: true })?.node;
  const [typeNode, wrapped] = children(root);
  if (oidOf(typeNode) !== SIGNED_DATA) return undefined;
  const signedData = children(wrapped)[0];
  const fields = children(signedData);
  const [version, digestAlgorithms, contentInfo] = fields;
  if (!isUniversal(version, INTEGER) || !isUniversal(digestAlgorithms, SET) || !contentIsWellFormed(contentInfo))
    return undefined;
  const signerInfos = fields.at(-1);
  if (!isUniversal(signerInfos, SET) || !children(signerInfos).every(signerIsWellFormed)) return undefined;
  const certificates = fields.slice(3, -1).find((node) => isContext(node, 0));
  return children(certificates)
    .filter((node) => isUniversal(node, SEQUENCE))
    .map((node) => certificateItem(toDer(node)));
}
