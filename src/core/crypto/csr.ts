import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { children, integerOf, oidOf, parseDer, toDer, type Asn1Node } from '../formats/asn1.js';
import type { CsrItem } from '../formats/items.js';
import { keyShape, spkiSha256 } from './key-facts.js';
import { loadX509 } from './peculiar.js';

/** Reads a PKCS#10 request; undefined when the DER is not one. */
export async function csrItem(der: Buffer): Promise<CsrItem | undefined> {
  if (!structureAsOpenSslReadsIt(der)) return undefined;
  const x509 = await loadX509();
  let csr: InstanceType<typeof x509.Pkcs10CertificateRequest>;
  try {
    csr = new x509.Pkcs10CertificateRequest(new Uint8Array(der));
  } catch {
    // Its extensions may be malformed where OpenSSL still reads the request: read what OpenSSL reads.
    return csrFromStructure(der);
  }
  const item: CsrItem = {
    type: 'csr',
    der,
    subject: csr.subject,
    sans: requestedNames(x509, () => csr.getExtension('2.5.29.17')),
    signatureValid: await verifies(csr),
  };
  // A signature scheme nothing here implements is not checked, and said so: never "does not verify".
  const scheme = oidOf(children(children(parseDer(der)?.node)[1])[0]) ?? '';
  if (!item.signatureValid && UNCHECKED_SIGNATURES[scheme]) item.signatureUnchecked = UNCHECKED_SIGNATURES[scheme];
  try {
    const publicKey = createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' });
    Object.assign(item, { spkiSha256: spkiSha256(publicKey) }, keyShape(publicKey));
  } catch {
    // A key type Node can't read: the request is still reported, without key facts.
  }
  return item;
}

/** Signature schemes of requests no library here verifies (post-quantum ML-DSA and SLH-DSA), by name. */
const UNCHECKED_SIGNATURES: Record<string, string> = {
  '2.16.840.1.101.3.4.3.17': 'ML-DSA-44',
  '2.16.840.1.101.3.4.3.18': 'ML-DSA-65',
  '2.16.840.1.101.3.4.3.19': 'ML-DSA-87',
};

/** As Node spells a certificate's names (DNS:…, IP Address:…, email:…, URI:…), so both read alike. */
const NAME_PREFIXES: Record<string, string> = { dns: 'DNS', ip: 'IP Address', email: 'email', url: 'URI' };

/** The subjectAltName a request asks for: the reason to inspect a CSR before a CA sees it. */
function requestedNames(
  x509: Awaited<ReturnType<typeof loadX509>>,
  extension: () => { rawData: ArrayBuffer } | null,
): string[] {
  try {
    const found = extension();
    if (!found) return [];
    const names = new x509.SubjectAlternativeNameExtension(found.rawData).names.items;
    return names.map((name) => `${NAME_PREFIXES[name.type] ?? name.type}:${name.value}`);
  } catch {
    // A malformed subjectAltName (OpenSSL reads the request without looking inside): the request is still read.
    return [];
  }
}

async function verifies(csr: { verify(): Promise<boolean> }): Promise<boolean> {
  try {
    return await csr.verify();
  } catch {
    return false;
  }
}

const SIGNATURE_HASHES: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/**
 * OpenSSL checks a request's lengths down to each attribute's values, and leaves what is inside
 * them alone. A length that does not add up shows as DER that does not re-encode to itself.
 */
function structureAsOpenSslReadsIt(der: Buffer): boolean {
  const root = parseDer(der)?.node;
  if (!root || !toDer(root).equals(der)) return false;
  return attributesWellFormed(children(children(root)[0])[3]);
}

/** Attributes: SET OF SEQUENCE { type OID, values SET }, as OpenSSL insists (it leaves the values' contents alone). */
function attributesWellFormed(attributes: Asn1Node | undefined): boolean {
  return children(attributes).every((attribute) => {
    const [type, values] = children(attribute);
    return attribute.type === 16 && oidOf(type) !== undefined && values?.type === 17 && values.constructed;
  });
}

/**
 * CertificationRequest { CertificationRequestInfo { version 0, subject, subjectPKInfo, [0] attributes }, algorithm,
 * signature }.
 */
function csrFromStructure(der: Buffer): CsrItem | undefined {
  const [info, algorithm, signature] = children(parseDer(der)?.node);
  const [version, subject, spki] = children(info);
  if (integerOf(version) !== 0 || !subject || !spki || !signature) return undefined;
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: toDer(spki), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
  const rdnAttributes = (
    forge.pki as unknown as {
      RDNAttributesAsArray(rdn: unknown): Array<{ shortName?: string; type: string; value: unknown }>;
    }
  ).RDNAttributesAsArray;
  const names = rdnAttributes(subject);
  const hashName = SIGNATURE_HASHES[oidOf(children(algorithm)[0]) ?? ''];
  const signatureBytes =
    typeof signature.value === 'string' ? Buffer.from(signature.value, 'binary').subarray(1) : Buffer.alloc(0);
  let signatureValid: boolean;
  try {
    signatureValid = hashName !== undefined && verify(hashName, toDer(info!), publicKey, signatureBytes);
  } catch {
    signatureValid = false;
  }
  return {
    type: 'csr',
    der,
    subject: names.map((name) => `${name.shortName ?? name.type}=${String(name.value)}`).join(', '),
    // Its extensions did not parse (why it is read this way): none are claimed.
    sans: [],
    signatureValid,
    spkiSha256: spkiSha256(publicKey),
    ...keyShape(publicKey),
  };
}
