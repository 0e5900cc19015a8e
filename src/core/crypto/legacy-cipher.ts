import { createDecipheriv } from 'node:crypto';
import forge from 'node-forge';
import { IamcertError } from '../errors.js';
import { cipherNotAvailable } from './read-private-key.js';

/**
 * The old ciphers of PFX files and encrypted keys (DES, 3DES, RC2), decrypted by node-forge in JavaScript: OpenSSL 3
 * keeps them in its legacy provider, which is on only when Node is started with a flag, so they would work or not
 * depending on how iamcert was started. The data is a few kilobytes; speed is no concern.
 */
type ForgeCipher = 'des' | 'rc2';

const FORGE: Record<string, { kind: ForgeCipher; keyLength?: number; bits?: number }> = {
  'des-cbc': { kind: 'des', keyLength: 8 },
  'des-ede3-cbc': { kind: 'des', keyLength: 24 },
  // Two-key triple DES: K1 K2 K1.
  'des-ede-cbc': { kind: 'des', keyLength: 16 },
  'rc2-cbc': { kind: 'rc2' },
  'rc2-40-cbc': { kind: 'rc2', bits: 40 },
  'rc2-64-cbc': { kind: 'rc2', bits: 64 },
};

const bytes = (buffer: Buffer) => forge.util.createBuffer(buffer.toString('binary'));

// node-forge's DES exists at run time (its PKCS#12 code uses it) but is missing from @types/node-forge.
const des = (
  forge as unknown as { des: { createDecryptionCipher(key: forge.util.ByteStringBuffer): forge.rc2.cipher } }
).des;

/** PKCS#7 padding, checked whole: forge accepts any last byte no larger than the data. */
function unpad(data: Buffer, block: number): Buffer | undefined {
  const count = data[data.length - 1] ?? 0;
  if (data.length === 0 || data.length % block !== 0 || count < 1 || count > block) return undefined;
  for (let index = data.length - count; index < data.length; index += 1) if (data[index] !== count) return undefined;
  return data.subarray(0, data.length - count);
}

/**
 * Decrypts CBC data with PKCS#7 padding; undefined when the padding is wrong (the wrong password). `bits` is RC2's
 * effective key length where the parameters name one. A cipher none of these implements (RC4, Blowfish) is
 * CIPHER_NOT_AVAILABLE, naming it.
 */
export function decipher(
  cipher: string,
  key: Buffer,
  iv: Buffer | null,
  data: Buffer,
  options: { name: string; what?: string; bits?: number },
): Buffer | undefined {
  const known = FORGE[cipher.toLowerCase()];
  if (!known) return nodeDecipher(cipher, key, iv, data, options);
  if (!iv || iv.length !== 8 || (known.keyLength !== undefined && key.length !== known.keyLength)) return undefined;
  const engine =
    known.kind === 'des'
      ? des.createDecryptionCipher(bytes(key.length === 16 ? Buffer.concat([key, key.subarray(0, 8)]) : key))
      : forge.rc2.createDecryptionCipher(bytes(key), options.bits ?? known.bits ?? key.length * 8);
  engine.start(bytes(iv), null as never);
  engine.update(bytes(data));
  // No unpadding in forge (it checks too little): done below, strictly.
  if (!engine.finish(() => true)) return undefined;
  return unpad(Buffer.from(engine.output.getBytes(), 'binary'), 8);
}

function nodeDecipher(
  cipher: string,
  key: Buffer,
  iv: Buffer | null,
  data: Buffer,
  options: { name: string; what?: string },
): Buffer | undefined {
  let engine;
  try {
    engine = createDecipheriv(cipher, key, iv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (
      code === 'ERR_OSSL_EVP_UNSUPPORTED' ||
      (error instanceof Error && /Unknown cipher|unsupported/i.test(error.message))
    )
      throw new IamcertError(cipherNotAvailable(options.name, options.what));
    throw error;
  }
  try {
    return Buffer.concat([engine.update(data), engine.final()]);
  } catch {
    return undefined; // bad padding: the wrong password
  }
}
