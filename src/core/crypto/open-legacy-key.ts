import forge from 'node-forge';
import type { KeyEncoding, PrivateKeyItem } from '../formats/items.js';
import { bytesOf, children, parseDer } from '../formats/asn1.js';
import { decryptWithPassword } from '../formats/pkcs12-crypto.js';
import { decipher } from './legacy-cipher.js';
import { privateKeyItem, wrongPassphrase, type KeySource } from './read-private-key.js';

// OpenSSL's EVP_BytesToKey in node-forge, missing from @types/node-forge.
const { opensslDeriveBytes } = (
  forge.pki as unknown as {
    pbe: { opensslDeriveBytes(password: string, salt: string, length: number, md: forge.md.MessageDigest): string };
  }
).pbe;

/** Key lengths of the ciphers a legacy PEM's DEK-Info names (OpenSSL's spelling, any case). */
const PEM_KEY_LENGTHS: Record<string, number> = {
  'des-cbc': 8,
  'des-ede3-cbc': 24,
  'des-ede-cbc': 16,
  'rc2-cbc': 16,
  'rc2-64-cbc': 8,
  'rc2-40-cbc': 5,
  'aes-128-cbc': 16,
  'aes-192-cbc': 24,
  'aes-256-cbc': 32,
};

/**
 * An encrypted key whose cipher Node's OpenSSL keeps in its legacy provider (DES, RC2, MD5- and SHA-1-based PBE),
 * opened here instead, whatever flags Node was started with: PKCS#8 through the same password-based decryption as
 * PKCS#12, a legacy PEM through OpenSSL's EVP_BytesToKey (node-forge). undefined when this cannot open it either.
 */
export async function openWithLegacyCipher(
  source: KeySource,
  encoding: KeyEncoding,
  passphrase: string,
  signal?: AbortSignal,
): Promise<PrivateKeyItem | undefined> {
  const plain = encoding === 'pkcs8' ? await pkcs8Plain(source.der, passphrase, signal) : pemPlain(source, passphrase);
  if (plain === undefined) return undefined;
  const wrong: PrivateKeyItem = { type: 'private-key', encoding, encrypted: true, problem: wrongPassphrase() };
  if (plain === 'wrong') return wrong;
  try {
    return { ...privateKeyItem({ der: plain }, encoding, false), encrypted: true };
  } catch {
    // Padding that happened to look right, over bytes that are no key: the passphrase is wrong.
    return wrong;
  }
}

/** EncryptedPrivateKeyInfo: SEQUENCE { AlgorithmIdentifier, OCTET STRING }. */
async function pkcs8Plain(
  der: Buffer,
  passphrase: string,
  signal?: AbortSignal,
): Promise<Buffer | 'wrong' | undefined> {
  const [algorithm, data] = children(parseDer(der)?.node);
  try {
    const plain = await decryptWithPassword(algorithm, bytesOf(data) ?? Buffer.alloc(0), passphrase, signal, 'The key');
    return plain ?? 'wrong';
  } catch (error) {
    // A scheme this cannot open either: Node's answer (which names the cipher) stands.
    if ((error as { code?: string }).code === 'PKCS12_UNSUPPORTED') return undefined;
    throw error;
  }
}

function pemPlain(source: KeySource, passphrase: string): Buffer | 'wrong' | undefined {
  const [, cipher, ivHex] = /^DEK-Info:\s*([^,\s]+)\s*,\s*([0-9A-Fa-f]+)\s*$/im.exec(source.pem ?? '') ?? [];
  const keyLength = cipher ? PEM_KEY_LENGTHS[cipher.toLowerCase()] : undefined;
  if (!cipher || !ivHex || keyLength === undefined) return undefined;
  const iv = Buffer.from(ivHex, 'hex');
  const key = opensslDeriveBytes(
    Buffer.from(passphrase, 'utf8').toString('binary'),
    iv.subarray(0, 8).toString('binary'),
    keyLength,
    forge.md.md5.create(),
  );
  const plain = decipher(cipher.toLowerCase(), Buffer.from(key, 'binary'), iv, source.der, {
    name: cipher.toUpperCase(),
  });
  return plain ?? 'wrong';
}
