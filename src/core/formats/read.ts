import { fail, firstLine, IamcertError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../files/read-input.js';
import { certificateItem } from '../crypto/certificate.js';
import { crlItem } from '../crypto/crl.js';
import { csrItem } from '../crypto/csr.js';
import { openWithLegacyCipher } from '../crypto/open-legacy-key.js';
import { privateKeyFromDer, privateKeyItem, type KeySource } from '../crypto/read-private-key.js';
import { publicKeyItem } from '../crypto/public-key.js';
import { unsupportedKeyType } from '../crypto/key-types.js';
import type { Item, KeyEncoding, PrivateKeyItem, ReadOptions, ReadResult } from './items.js';
import { looksLikePem, scanPemBlocks, type PemBlock } from './pem.js';
import { describeLabels } from './describe.js';
import { keystoreKind } from './keystore-kind.js';
import { readPkcs12 } from './pkcs12.js';
import { readPkcs7 } from './pkcs7.js';

export { MAX_INPUT_BYTES };

const DAMAGED_FIX = 'Get a fresh copy of the file; it is damaged or truncated.';

/** Says what a file holds from its bytes alone, never from its name. Every failure is a clean IamcertError. */
export async function readItems(bytes: Buffer, options: ReadOptions = {}): Promise<ReadResult> {
  try {
    return await readAny(bytes, options);
  } catch (error) {
    if (error instanceof IamcertError) throw error;
    // A parser deep inside a library failed in a way nobody named: still one clean line.
    throw new IamcertError({
      code: 'UNREADABLE',
      message: `The file could not be read (${firstLine(error instanceof Error ? error.message : String(error))}).`,
      fix: DAMAGED_FIX,
    });
  }
}

async function readAny(bytes: Buffer, options: ReadOptions): Promise<ReadResult> {
  if (bytes.length === 0)
    fail('EMPTY_FILE', 'The file is empty.', 'Check that you picked the right file and that it was copied completely.');
  if (bytes.length > MAX_INPUT_BYTES) {
    fail(
      'FILE_TOO_LARGE',
      `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; certificate files are at most ${MAX_INPUT_BYTES / 1024 / 1024} MB.`,
      'Check that you picked a certificate, key or bundle, not some other file.',
    );
  }
  const text = bytes.toString('latin1');
  if (looksLikePem(text)) return readPem(bytes.toString('utf8'), options);
  return readDer(bytes, options);
}

async function readPem(text: string, options: ReadOptions): Promise<ReadResult> {
  const blocks = scanPemBlocks(text);
  // "-----BEGIN " is there, yet no block: its BEGIN line is malformed (four dashes, a lower-case label).
  if (blocks.length === 0)
    fail(
      'PEM_DAMAGED',
      'The file looks like PEM, but no block in it has a well-formed BEGIN and END line.',
      'Get a fresh copy of the file; PEM text must not be edited by hand.',
    );
  const items: Item[] = [];
  const skipped: string[] = [];
  const damaged: NonNullable<ReadResult['damaged']> = [];
  let onlyPkcs7 = blocks.length > 0;
  for (const block of blocks) {
    onlyPkcs7 &&= block.label === 'PKCS7' || block.label === 'CMS';
    if ('damaged' in block) {
      damaged.push({ label: block.label, problem: block.damaged });
      continue;
    }
    try {
      const found = await readPemBlock(block, options);
      if (found === undefined) skipped.push(block.label);
      else items.push(...found);
    } catch (error) {
      if (!(error instanceof IamcertError)) throw error;
      damaged.push({ label: block.label, problem: error.toProblem() });
    }
  }
  if (items.length === 0 && damaged[0]) {
    const [first] = damaged;
    const others = damaged.length > 1 ? ` (${damaged.length} blocks could not be read)` : '';
    throw new IamcertError({ ...first.problem, message: `${first.problem.message}${others}` });
  }
  if (items.length === 0 && skipped.length > 0) {
    fail(
      'NOTHING_USABLE',
      `The file holds only ${describeLabels(skipped)} blocks, and no certificate or key.`,
      'Pick the file with the certificate or the private key.',
    );
  }
  return {
    container: onlyPkcs7 ? 'pkcs7' : 'pem',
    items,
    skipped: skipped.filter((label) => label !== 'EC PARAMETERS'),
    ...(damaged.length > 0 ? { damaged } : {}),
  };
}

async function readPemBlock(block: PemBlock, options: ReadOptions): Promise<Item[] | undefined> {
  const source = { der: block.der, pem: block.pem, cipher: block.legacyCipher };
  switch (block.label) {
    case 'CERTIFICATE':
    case 'X509 CERTIFICATE':
    case 'TRUSTED CERTIFICATE':
      return [certificateItem(block.der)];
    case 'PRIVATE KEY':
      return [privateKeyItem(source, 'pkcs8', false)];
    case 'ENCRYPTED PRIVATE KEY':
      return [await keyItem(source, 'pkcs8', true, options)];
    case 'RSA PRIVATE KEY':
      return [await keyItem(source, 'pkcs1', block.encryptedLegacy, options)];
    case 'EC PRIVATE KEY':
      return [await keyItem(source, 'sec1', block.encryptedLegacy, options)];
    case 'DSA PRIVATE KEY':
      return [await keyItem(source, 'dsa', block.encryptedLegacy, options)];
    case 'PUBLIC KEY':
    case 'RSA PUBLIC KEY': {
      const labelled = block.label === 'PUBLIC KEY' ? 'spki' : 'pkcs1';
      const other = labelled === 'spki' ? 'pkcs1' : 'spki';
      const item = publicKeyItem(block.der, labelled);
      if (item) return [item];
      // The other encoding under this label, as OpenSSL reads it too: read, and the label named.
      const relabelled = publicKeyItem(block.der, other);
      const unsupported = relabelled ? undefined : unsupportedKeyType(block.der, 'spki');
      if (unsupported) fail(unsupported.code, unsupported.message, unsupported.fix);
      if (!relabelled) fail('KEY_DAMAGED', 'A public key in the file could not be read.', DAMAGED_FIX);
      return [
        {
          ...relabelled,
          note: `labelled "${block.label}" but encoded as ${other === 'spki' ? 'SubjectPublicKeyInfo ("PUBLIC KEY")' : 'PKCS#1 ("RSA PUBLIC KEY")'}`,
        },
      ];
    }
    case 'X509 CRL':
    case 'CRL': {
      const item = await crlItem(block.der);
      if (!item) fail('CRL_DAMAGED', 'A certificate revocation list in the file could not be read.', DAMAGED_FIX);
      return [item];
    }
    case 'CERTIFICATE REQUEST':
    case 'NEW CERTIFICATE REQUEST': {
      const item = await csrItem(block.der);
      if (!item) fail('CSR_DAMAGED', 'A certificate request in the file could not be read.', DAMAGED_FIX);
      return [item];
    }
    case 'PKCS7':
    case 'CMS': {
      const certificates = await readPkcs7(block.der);
      if (!certificates) fail('PKCS7_DAMAGED', 'The PKCS#7 block could not be read.', DAMAGED_FIX);
      return certificates;
    }
    case 'OPENSSH PRIVATE KEY':
      fail(
        'OPENSSH_KEY',
        'This is an OpenSSH private key, which certificates cannot use.',
        'Convert a copy with: ssh-keygen -p -m PKCS8 -f COPY_OF_KEY',
      );
    // fail() throws: nothing falls through
    default:
      return undefined;
  }
}

/**
 * An encrypted key: Node's OpenSSL opens what its default provider can; the old ciphers it keeps in its legacy provider
 * (DES, RC2, MD5-based PBE) are opened here, whatever flags Node was started with.
 */
async function keyItem(
  source: KeySource,
  encoding: KeyEncoding,
  encrypted: boolean,
  options: ReadOptions,
): Promise<PrivateKeyItem> {
  return withLegacyCipher(privateKeyItem(source, encoding, encrypted, options.passphrase), source, options);
}

async function withLegacyCipher(
  item: PrivateKeyItem,
  source: KeySource,
  options: ReadOptions,
): Promise<PrivateKeyItem> {
  if (!item.encrypted || options.passphrase === undefined || item.problem?.code !== 'CIPHER_NOT_AVAILABLE') return item;
  const opened = await openWithLegacyCipher(source, item.encoding, options.passphrase, options.signal);
  if (!opened) return item;
  // The wrong passphrase, proven by a cipher that opens this key: said with what was known of the key before.
  return opened.problem ? { ...item, problem: opened.problem } : opened;
}

async function readDer(der: Buffer, options: ReadOptions): Promise<ReadResult> {
  const keystore = keystoreKind(der);
  if (keystore) {
    const { readKeystore } = await import('./keystore.js');
    return { container: keystore, items: await readKeystore(der, keystore, options), skipped: [] };
  }
  const single = await readSingleDer(der, options);
  if (single) return { container: 'der', items: [single], skipped: [] };
  const pfxItems = await readPkcs12(der, options.passphrase, options.signal);
  if (pfxItems?.length === 0)
    fail(
      'PKCS12_DAMAGED',
      'This PKCS#12 (PFX) file holds no certificate or key: it is empty, or its structure is damaged.',
      'Export it again from the tool that made it; if it came by email or chat, it may have been damaged on the way.',
    );
  if (pfxItems) return { container: 'pkcs12', items: pfxItems, skipped: [] };
  const csr = await csrItem(der);
  if (csr) return { container: 'der', items: [csr], skipped: [] };
  const p7Items = await readPkcs7(der);
  if (p7Items) return { container: 'pkcs7', items: p7Items, skipped: [] };
  const crl = await crlItem(der);
  if (crl) return { container: 'der', items: [crl], skipped: [] };
  const unsupported = unsupportedKeyType(der, 'spki');
  if (unsupported) fail(unsupported.code, unsupported.message, unsupported.fix);
  fail(
    'UNRECOGNISED',
    'This is not a certificate, key, CSR, CRL, PKCS#7, PKCS#12 or Java keystore file (in PEM or DER).',
    'Check that you picked the right file; if it came by email or chat, it may have been damaged on the way.',
  );
}

async function readSingleDer(der: Buffer, options: ReadOptions): Promise<Item | undefined> {
  try {
    return certificateItem(der);
  } catch {
    // not a certificate; try the next shape
  }
  const key = privateKeyFromDer(der, options.passphrase);
  if (key) return withLegacyCipher(key, { der }, options);
  return publicKeyItem(der, 'spki') ?? publicKeyItem(der, 'pkcs1');
}
