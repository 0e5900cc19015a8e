import forge from 'node-forge';

/**
 * The few questions iamcert asks of raw DER, answered by node-forge's ASN.1 parser (no DER is
 * decoded by hand here): how long the first element is, and an element's exact bytes.
 */
const { asn1 } = forge;
export type Asn1Node = forge.asn1.Asn1;

/** `strict` checks every length against its contents, as OpenSSL does for PKCS#7 and requests. */
export function parseDer(
  der: Buffer,
  options: { all?: boolean; strict?: boolean } = {},
): { node: Asn1Node; length: number } | undefined {
  try {
    const buffer = forge.util.createBuffer(der.toString('binary'));
    const fromDer = asn1.fromDer as unknown as (
      bytes: forge.util.ByteStringBuffer,
      options: { parseAllBytes: boolean; decodeBitStrings: boolean; strict: boolean },
    ) => Asn1Node;
    const node = fromDer(buffer, {
      parseAllBytes: options.all ?? true,
      decodeBitStrings: false,
      strict: options.strict ?? false,
    });
    return { node, length: der.length - buffer.length() };
  } catch {
    return undefined;
  }
}

/** How many bytes the first DER element takes, so what follows it (trust settings, junk) can be left aside. */
export function firstElementLength(der: Buffer): number | undefined {
  return parseDer(der, { all: false })?.length;
}

export function children(node: Asn1Node | undefined): Asn1Node[] {
  return node && Array.isArray(node.value) ? node.value : [];
}

export function oidOf(node: Asn1Node | undefined): string | undefined {
  if (!node || node.type !== asn1.Type.OID || typeof node.value !== 'string') return undefined;
  try {
    return asn1.derToOid(node.value);
  } catch {
    return undefined;
  }
}

export function bytesOf(node: Asn1Node | undefined): Buffer | undefined {
  if (!node) return undefined;
  if (typeof node.value === 'string') return Buffer.from(node.value, 'binary');
  // A constructed (BER) OCTET STRING: its parts in order.
  const parts = children(node).map(bytesOf);
  return parts.every((part): part is Buffer => part !== undefined) ? Buffer.concat(parts) : undefined;
}

export function integerOf(node: Asn1Node | undefined): number | undefined {
  if (!node || node.type !== asn1.Type.INTEGER || typeof node.value !== 'string' || node.value.length === 0)
    return undefined;
  return Number(BigInt(`0x${forge.util.bytesToHex(node.value)}`));
}

export function toDer(node: Asn1Node): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

export const ASN1 = asn1.Type;
export const CONTEXT_SPECIFIC = asn1.Class.CONTEXT_SPECIFIC;
