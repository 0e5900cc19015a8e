import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { KeyShape } from '../formats/items.js';

const CURVE_NAMES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

export function sha256Hex(data: Buffer | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function spkiDer(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'der' });
}

export function spkiSha256(key: KeyObject): string {
  return sha256Hex(spkiDer(key));
}

export function keyShape(key: KeyObject): KeyShape {
  const details = key.asymmetricKeyDetails ?? {};
  const shape: KeyShape = { keyAlgorithm: key.asymmetricKeyType ?? 'unknown' };
  if (details.modulusLength !== undefined) shape.keySize = details.modulusLength;
  if (details.namedCurve !== undefined) shape.curve = CURVE_NAMES[details.namedCurve] ?? details.namedCurve;
  return shape;
}

/** "RSA 2048", "EC P-256", "ED25519". */
export function describeKeyShape(shape: KeyShape): string {
  const algorithm = (shape.keyAlgorithm ?? 'unknown').toUpperCase();
  if (shape.keySize !== undefined) return `${algorithm} ${shape.keySize}`;
  if (shape.curve !== undefined) return `${algorithm} ${shape.curve}`;
  if (shape.keyOid !== undefined) return `${algorithm} (OID ${shape.keyOid})`;
  return algorithm;
}

/** "an RSA 2048", "an EC P-256": key names are read letter by letter, so RSA, EC and ED take "an". */
export function withArticle(shape: string): string {
  return `${/^(RSA|EC|ED|[AEIOU])/i.test(shape) ? 'an' : 'a'} ${shape}`;
}
