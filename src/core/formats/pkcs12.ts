import { createPrivateKey, type KeyObject } from 'node:crypto';
import { fail, IamcertError, toProblem, worded } from '../errors.js';
import { certificateItem } from '../crypto/certificate.js';
import { keyShape, spkiSha256 } from '../crypto/key-facts.js';
import { wrongPassphrase } from '../crypto/read-private-key.js';
import { bytesOf, children, integerOf, oidOf, parseDer, toDer, type Asn1Node } from './asn1.js';
import type { Item, PrivateKeyItem } from './items.js';
import { derivationOf, derivationProblem, MAX_PKCS12_ROUNDS, type Derivation } from './key-derivation-limits.js';
import { decryptWithPassword, macMatches, macRounds } from './pkcs12-crypto.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
} as const;

const WHAT = 'PKCS#12 (PFX) file';

interface Bag {
  type: string;
  value: Asn1Node | undefined;
}

/** ContentInfo { contentType, [0] EXPLICIT content }: the type and the content. */
function contentInfo(node: Asn1Node | undefined): { type: string | undefined; content: Asn1Node | undefined } {
  const [type, wrapped] = children(node);
  return { type: oidOf(type), content: children(wrapped)[0] };
}

/**
 * SafeContents: SEQUENCE OF SafeBag { bagId, [0] EXPLICIT bagValue, attributes }; nested SafeContents bags flattened.
 */
function bagsOf(safeContents: Asn1Node | undefined): Bag[] {
  return children(safeContents).flatMap((bag) => {
    const [id, wrapped] = children(bag);
    const type = oidOf(id) ?? '';
    const value = children(wrapped)[0];
    return type === OID.safeContentsBag ? bagsOf(value) : [{ type, value }];
  });
}

function parseInner(bytes: Buffer | undefined): Asn1Node | undefined {
  return bytes ? parseDer(bytes)?.node : undefined;
}

function damaged(): never {
  fail(
    'PKCS12_DAMAGED',
    'The PKCS#12 (PFX) file is damaged: its parts could not be read.',
    'Get a fresh copy of the file, or export it again.',
  );
}

/**
 * The parts of a PFX as far as they can be read without the password. Undefined when the bytes are not PKCS#12 at all.
 */
function parseEnvelope(der: Buffer) {
  const root = parseDer(der, { all: false })?.node;
  const [version, authSafeInfo, macData] = children(root);
  const isVersion3 = integerOf(version) === 3;
  const { type, content } = contentInfo(authSafeInfo);
  if (!isVersion3 || type !== OID.data) return undefined;
  const authSafe = bytesOf(content);
  const parts = parseInner(authSafe);
  if (!authSafe || !parts) damaged();
  return { authSafe, parts: children(parts).map(contentInfo), macData };
}

function zip<A, B>(keys: A[], values: B[]): Array<[A, B]> {
  return keys.map((key, index) => [key, values[index]!]);
}

function derivationsOfBags(bags: Bag[]): Derivation[] {
  return bags
    .filter((bag) => bag.type === OID.shroudedKeyBag)
    .flatMap((bag) => derivationOf(children(bag.value)[0]) ?? []);
}

/** The MAC and what can be seen of each part's encryption before opening anything. */
function visibleDerivations(envelope: NonNullable<ReturnType<typeof parseEnvelope>>): Derivation[] {
  const derivations: Derivation[] = [];
  const mac = macRounds(envelope.macData);
  if (mac > 0) derivations.push({ rounds: mac, hashedHere: true });
  for (const part of envelope.parts) {
    if (part.type === OID.data) derivations.push(...derivationsOfBags(bagsOf(parseInner(bytesOf(part.content)))));
    if (part.type === OID.encryptedData) {
      // EncryptedData { version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT encryptedContent } }
      const algorithm = children(children(part.content)[1])[1];
      const derivation = derivationOf(algorithm);
      if (derivation) derivations.push({ ...derivation, hashedHere: isPkcs12Pbe(algorithm) });
    }
  }
  return derivations;
}

/** PKCS#12's own PBE (1.2.840.113549.1.12.1.x), whose KDF iamcert runs itself. */
function isPkcs12Pbe(algorithm: Asn1Node | undefined): boolean {
  return (oidOf(children(algorithm)[0]) ?? '').startsWith('1.2.840.113549.1.12.1.');
}

function refuseIfTooCostly(derivations: Derivation[]): void {
  const problem = derivationProblem(derivations, MAX_PKCS12_ROUNDS, WHAT);
  if (problem) throw new IamcertError(problem);
}

/** The password that opens the file, trying OpenSSL's two spellings of "no password" when none was given. */
type Envelope = NonNullable<ReturnType<typeof parseEnvelope>>;

/**
 * The password that opens the file, trying OpenSSL's two spellings of "no password" when none was
 * given, and the encrypted parts decrypted with it: the parts' derivations run beside the MAC's
 * (each on its own worker), and are thrown away if the MAC says the password is wrong.
 */
async function openWithPassword(
  envelope: Envelope,
  passphrase: string | undefined,
  signal?: AbortSignal,
): Promise<{ password: string | null; opened: Map<Envelope['parts'][number], Bag[]> }> {
  const candidates: Array<string | null> = passphrase === undefined || passphrase === '' ? ['', null] : [passphrase];
  const encrypted = envelope.parts.filter((part) => part.type === OID.encryptedData);
  const decryptAll = (candidate: string | null, partsSignal?: AbortSignal) =>
    Promise.all(encrypted.map((part) => decryptPart(part.content, candidate, partsSignal)));
  if (!envelope.macData)
    return { password: candidates[0]!, opened: new Map(zip(encrypted, await decryptAll(candidates[0]!, signal))) };
  const macData = envelope.macData;
  for (const candidate of candidates) {
    const speculative = new AbortController();
    const stop = () => speculative.abort(signal?.reason);
    signal?.addEventListener('abort', stop, { once: true });
    const decrypting = decryptAll(candidate, speculative.signal);
    // A wrong password makes the parts fail too; that failure waits for the MAC's verdict.
    decrypting.catch(() => undefined);
    try {
      if (await macMatches(macData, envelope.authSafe, candidate, signal))
        return { password: candidate, opened: new Map(zip(encrypted, await decrypting)) };
      speculative.abort();
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }
  if (passphrase === undefined)
    fail(
      'PASSPHRASE_REQUIRED',
      'This PKCS#12 (PFX) file is protected by a password.',
      worded('Give it with --passphrase-file FILE or the IAMCERT_PASSPHRASE variable.', 'Type its password.'),
    );
  const problem = wrongPassphrase();
  fail(problem.code, 'The password does not open this PKCS#12 (PFX) file.', problem);
}

async function decryptPart(
  content: Asn1Node | undefined,
  password: string | null,
  signal?: AbortSignal,
): Promise<Bag[]> {
  const [, algorithm, encrypted] = children(children(content)[1]);
  const plain = await decryptWithPassword(algorithm, bytesOf(encrypted) ?? Buffer.alloc(0), password, signal);
  if (!plain) {
    const problem = wrongPassphrase();
    fail(problem.code, 'The password does not open this PKCS#12 (PFX) file.', problem);
  }
  return bagsOf(parseInner(plain));
}

async function privateKeyOf(
  bag: Bag,
  password: string | null,
  derivations: Derivation[],
  signal?: AbortSignal,
): Promise<PrivateKeyItem> {
  const der = bag.value ? toDer(bag.value) : Buffer.alloc(0);
  const encrypted = bag.type === OID.shroudedKeyBag;
  let key: KeyObject;
  if (!encrypted) key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  else {
    try {
      key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase: password ?? '' });
    } catch (error) {
      // OpenSSL takes "no password" only as an empty one, and without its legacy provider no DES or RC2: both are
      // decrypted here (legacy-cipher.ts), and counted as such.
      const oldCipher = (error as { code?: string }).code === 'ERR_OSSL_EVP_UNSUPPORTED';
      const [algorithm, data] = children(bag.value);
      if (password !== null && !oldCipher)
        return { type: 'private-key', encoding: 'pkcs8', encrypted, problem: wrongPassphrase() };
      const derivation = derivationOf(algorithm);
      if (derivation) derivations.push({ ...derivation, hashedHere: isPkcs12Pbe(algorithm) });
      refuseIfTooCostly(derivations);
      let plain: Buffer | undefined;
      try {
        plain = await decryptWithPassword(algorithm, bytesOf(data) ?? Buffer.alloc(0), password, signal, 'The key');
      } catch (failure) {
        if ((failure as { code?: string }).code !== 'CIPHER_NOT_AVAILABLE') throw failure;
        return { type: 'private-key', encoding: 'pkcs8', encrypted, problem: toProblem(failure) };
      }
      if (!plain) return { type: 'private-key', encoding: 'pkcs8', encrypted, problem: wrongPassphrase() };
      key = createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' });
    }
  }
  return { type: 'private-key', encoding: 'pkcs8', encrypted, key, spkiSha256: spkiSha256(key), ...keyShape(key) };
}

/**
 * Keys first, then certificates, in the order the file holds them; each certificate exactly as
 * the file holds it. Undefined when the bytes are not PKCS#12.
 */
export async function readPkcs12(der: Buffer, passphrase?: string, signal?: AbortSignal): Promise<Item[] | undefined> {
  const envelope = parseEnvelope(der);
  if (!envelope) return undefined;
  const derivations = visibleDerivations(envelope);
  refuseIfTooCostly(derivations);
  const { password, opened } = await openWithPassword(envelope, passphrase, signal);
  const bags: Bag[] = [];
  for (const part of envelope.parts) {
    if (part.type === OID.data) bags.push(...bagsOf(parseInner(bytesOf(part.content))));
    else if (part.type === OID.encryptedData) {
      const inside = opened.get(part) ?? [];
      // Key bags hidden inside an encrypted part are counted before any of them is opened.
      derivations.push(...derivationsOfBags(inside));
      refuseIfTooCostly(derivations);
      bags.push(...inside);
    } else
      fail(
        'PKCS12_UNSUPPORTED',
        'This PKCS#12 (PFX) file uses public-key privacy, which iamcert cannot open.',
        'Export it again with a password.',
      );
  }
  const keys: PrivateKeyItem[] = [];
  const certificates: Item[] = [];
  for (const bag of bags) {
    if (bag.type === OID.certBag) {
      const [certType, wrapped] = children(bag.value);
      const certificate = oidOf(certType) === OID.x509Certificate ? bytesOf(children(wrapped)[0]) : undefined;
      if (certificate) certificates.push(certificateItem(certificate));
    } else if (bag.type === OID.keyBag || bag.type === OID.shroudedKeyBag) {
      keys.push(await privateKeyOf(bag, password, derivations, signal));
    }
  }
  return [...keys, ...certificates];
}
