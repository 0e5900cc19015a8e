import { createPublicKey } from 'node:crypto';
import type { PublicKeyItem } from '../formats/items.js';
import { keyShape, spkiSha256 } from './key-facts.js';

export function publicKeyItem(der: Buffer, encoding: 'spki' | 'pkcs1'): PublicKeyItem | undefined {
  try {
    const key = createPublicKey({ key: der, format: 'der', type: encoding });
    return { type: 'public-key', encoding, key, spkiSha256: spkiSha256(key), ...keyShape(key) };
  } catch {
    return undefined;
  }
}
