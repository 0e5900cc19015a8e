import { createPublicKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { fail } from '../errors.js';
import {
  ASN1,
  bytesOf,
  children,
  CONTEXT_SPECIFIC,
  integerOf,
  oidOf,
  parseDer,
  toDer,
  type Asn1Node,
} from '../formats/asn1.js';

/**
 * PKCS#8 v2 (RFC 5958's OneAsymmetricKey): version 1 and the public key in [1], as rustls, BoringSSL and Go write
 * Ed25519 and Ed448 keys. OpenSSL 3.0 (and so Node 20) reads only version 0: the same key without [1] is handed to it,
 * and the public key it derives must be the one the file carries.
 */
const isPublicKeyField = (field: Asn1Node) => field.tagClass === CONTEXT_SPECIFIC && field.type === 1;

export function asVersion1(der: Buffer): { der: Buffer; publicKey: Buffer } | undefined {
  const fields = children(parseDer(der)?.node);
  if (integerOf(fields[0]) !== 1) return undefined;
  const publicKey = bytesOf(fields.find(isPublicKeyField));
  if (!publicKey || publicKey.length < 2) return undefined;
  const kept = fields.slice(1).filter((field) => !isPublicKeyField(field));
  const version0 = forge.asn1.create(forge.asn1.Class.UNIVERSAL, ASN1.INTEGER, false, '\u0000');
  const rebuilt = forge.asn1.create(forge.asn1.Class.UNIVERSAL, ASN1.SEQUENCE, true, [version0, ...kept]);
  // The BIT STRING's first byte counts unused bits (0 for a key).
  return { der: toDer(rebuilt), publicKey: publicKey.subarray(1) };
}

/** The key's own public key must be the one the file carries beside it; anything else is a damaged or forged file. */
export function checkCarriedPublicKey(key: KeyObject, carried: Buffer): void {
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const [algorithmId, bits] = children(parseDer(spki)?.node);
  const derived = bytesOf(bits)?.subarray(1);
  if (!derived || !derived.equals(carried)) {
    const algorithm = oidOf(children(algorithmId)[0]);
    fail(
      'KEY_DAMAGED',
      `The private key carries a public key that is not its own (${algorithm ? `OID ${algorithm}` : 'unknown type'}).`,
      'Get a fresh copy of the key file; it is damaged, or was put together from two keys.',
    );
  }
}
