import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IamcertError } from '../../src/core/errors.js';
import type { Item } from '../../src/core/formats/items.js';
import { readItems } from '../../src/core/formats/read.js';

/** The real-world corpus beside the project (../shared/corpus/real-world); never copied into it. */
export const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/real-world');
export const corpusPresent = () => existsSync(join(CORPUS, 'manifest.tsv'));

export interface CorpusFile {
  file: string;
  passphrase?: string;
  opensslSays: string;
  note: string;
}

export function manifest(): CorpusFile[] {
  const [, ...rows] = readFileSync(join(CORPUS, 'manifest.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [file = '', , passphrase = '', , opensslSays = '', note = ''] = row.split('\t');
    const given = passphrase === '(none)' ? undefined : passphrase === '(empty)' ? '' : passphrase;
    return { file, ...(given !== undefined ? { passphrase: given } : {}), opensslSays, note };
  });
}

const KINDS = ['certificate', 'private-key', 'public-key', 'csr'] as const;
type Kind = (typeof KINDS)[number];
export type Counts = Record<Kind, number>;

/**
 * What OpenSSL 3 found, counted by kind, from the manifest's summary ("pem: certificate(rsa 2048) x3, private-key(…)").
 */
export function expectedCounts(opensslSays: string): Counts {
  const found = opensslSays.split(';')[0]!.replace(/^[a-z0-9]+: /, '');
  const counts: Counts = { certificate: 0, 'private-key': 0, 'public-key': 0, csr: 0 };
  for (const match of found.matchAll(/(certificate|private-key|public-key|csr)(\([^)]*\))?( x(\d+))?/g))
    counts[match[1] as Kind] += Number(match[4] ?? 1);
  return counts;
}

export function ourCounts(items: Item[]): Counts {
  const counts: Counts = { certificate: 0, 'private-key': 0, 'public-key': 0, csr: 0 };
  // OpenSSL's store loader counts CRLs apart; the manifest's summary leaves them out.
  for (const item of items) if (item.type !== 'crl') counts[item.type] += 1;
  return counts;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What OpenSSL's store loader finds: each certificate's SHA-256, and each key's SPKI SHA-256. */
export function opensslDigests(
  path: string,
  passphrase: string | undefined,
): { certificates: string[]; keys: string[] } | undefined {
  let pem: string;
  try {
    pem = execFileSync(
      'openssl',
      ['storeutl', '-provider', 'legacy', '-provider', 'default', '-passin', `pass:${passphrase ?? ''}`, path],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    ).toString();
  } catch {
    return undefined;
  }
  const blocks = (label: string) =>
    [...pem.matchAll(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`, 'g'))].map(
      (match) => match[0],
    );
  return {
    certificates: blocks('CERTIFICATE').map((block) =>
      sha256(Buffer.from(block.replace(/-----[^-]+-----|\s/g, ''), 'base64')),
    ),
    keys: [
      ...blocks('PRIVATE KEY').map((block) => createPublicKey(block)),
      ...blocks('PUBLIC KEY').map((block) => createPublicKey(block)),
    ].map((key) => sha256(key.export({ type: 'spki', format: 'der' }))),
  };
}

const sorted = (values: string[]) => [...values].sort().join();

export type Verdict = 'agree' | 'wrong' | 'missing' | 'crash';

export interface Comparison {
  file: string;
  verdict: Verdict;
  detail: string;
}

function sameCounts(a: Counts, b: Counts): boolean {
  return KINDS.every((kind) => a[kind] === b[kind]);
}

/**
 * What keytool lists of a Java keystore (OpenSSL reads none): each certificate's SHA-256, key entries' chains
 * included. The store password is given where known, else keytool lists without checking the store's integrity.
 * undefined where Java is not installed or keytool refuses the store.
 */
export function keytoolCertificates(path: string, type: 'JKS' | 'JCEKS', password?: string): string[] | undefined {
  let listing: string;
  try {
    listing = execFileSync('keytool', ['-list', '-rfc', '-keystore', path, '-storetype', type], {
      input: `${password ?? ''}\n`,
      stdio: ['pipe', 'pipe', 'ignore'],
    }).toString();
  } catch {
    return undefined;
  }
  return [...listing.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((match) =>
    sha256(Buffer.from(match[1]!.replace(/\s/g, ''), 'base64')),
  );
}

/**
 * PKCS#8 v2 (RFC 5958) carries its public key in [1]; OpenSSL 3.0 reads none. That public key, as an Ed25519 or
 * Ed448 SPKI, is the referee: iamcert must derive the same from the private key.
 */
function carriedSpkiSha256(der: Buffer): string | undefined {
  const oid = der.subarray(5, 12);
  const raw = der.subarray(der.length - 32);
  const ed25519 = Buffer.from('300506032b6570', 'hex');
  if (!oid.equals(ed25519) || der[der.length - 35] !== 0x81 || der[der.length - 34] !== 0x21) return undefined;
  return sha256(Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]));
}

/** Another referee where OpenSSL 3.0 reads nothing: keytool for keystores, the carried public key for PKCS#8 v2. */
function otherReferee(entry: CorpusFile, items: Item[], container: string | undefined): Comparison | undefined {
  const path = join(CORPUS, entry.file);
  const certificates = items.flatMap((item) => (item.type === 'certificate' ? [item.sha256] : []));
  if (container === 'jks' || container === 'jceks') {
    const listed = keytoolCertificates(path, container === 'jks' ? 'JKS' : 'JCEKS', entry.passphrase);
    if (!listed) return { file: entry.file, verdict: 'missing', detail: 'keytool (Java) is needed as referee' };
    return {
      file: entry.file,
      verdict: sorted(listed) === sorted(certificates) ? 'agree' : 'wrong',
      detail: `keytool lists ${listed.length} certificates, iamcert ${certificates.length}`,
    };
  }
  const key = items.length === 1 && items[0]!.type === 'private-key' ? items[0] : undefined;
  if (!key?.spkiSha256) return undefined;
  const bytes = readFileSync(path);
  const der = bytes.includes('-----BEGIN')
    ? Buffer.from(bytes.toString().replace(/-----[^-]+-----|\s/g, ''), 'base64')
    : bytes;
  const carried = carriedSpkiSha256(der);
  if (!carried) return undefined;
  return {
    file: entry.file,
    verdict: carried === key.spkiSha256 ? 'agree' : 'wrong',
    detail: 'PKCS#8 v2: the public key it carries',
  };
}

export async function compare(entry: CorpusFile): Promise<Comparison> {
  const path = join(CORPUS, entry.file);
  const expected = expectedCounts(entry.opensslSays);
  const locked = /locked \(password not known\)/.test(entry.opensslSays);
  const lenient = entry.note.startsWith('openssl-lenient');
  let items: Item[] = [];
  let container: string | undefined;
  let error: IamcertError | undefined;
  try {
    const result = await readItems(readFileSync(path), { passphrase: entry.passphrase });
    items = result.items;
    container = result.container;
  } catch (thrown) {
    if (!(thrown instanceof IamcertError)) return { file: entry.file, verdict: 'crash', detail: String(thrown) };
    error = thrown;
  }
  const refereed = otherReferee(entry, items, container);
  if (refereed) return refereed;
  // A key of a type iamcert cannot read (bign256, ML-DSA) is named, not read: as a refusal, it counts as nothing.
  items = items.filter((item) => !(item.type === 'private-key' && item.problem?.code === 'KEY_TYPE_UNSUPPORTED'));
  const ours = ourCounts(items);
  // "private-key(encrypted)" without its type: OpenSSL could not open it either, so neither need iamcert.
  const opensslOpened = !/private-key\(encrypted\)/.test(entry.opensslSays);
  const opened =
    !opensslOpened ||
    items.every((item) => item.type !== 'private-key' || item.key || !item.encrypted || entry.passphrase === undefined);
  if (locked)
    return {
      file: entry.file,
      verdict:
        error?.code === 'WRONG_PASSPHRASE' || error?.code === 'PASSPHRASE_REQUIRED' || items.length > 0
          ? 'agree'
          : 'missing',
      detail: error?.code ?? 'read',
    };
  if (lenient && items.length === 0)
    return {
      file: entry.file,
      verdict: 'agree',
      detail: `OpenSSL reads it only leniently; iamcert: ${error?.code ?? 'nothing'}`,
    };
  if (KINDS.some((kind) => ours[kind] > expected[kind]))
    return {
      file: entry.file,
      verdict: 'wrong',
      detail: `OpenSSL ${JSON.stringify(expected)}, iamcert ${JSON.stringify(ours)}`,
    };
  if (!sameCounts(ours, expected) || !opened) {
    const why = error
      ? `${error.code}: ${error.message}`
      : items
          .map((item) => (item.type === 'private-key' && item.problem ? `${item.problem.code}` : item.type))
          .join(', ');
    return { file: entry.file, verdict: 'missing', detail: `OpenSSL ${JSON.stringify(expected)}; iamcert ${why}` };
  }
  const digests = items.length > 0 ? opensslDigests(path, entry.passphrase) : undefined;
  if (digests) {
    const certificates = items.flatMap((item) => (item.type === 'certificate' ? [item.sha256] : []));
    if (digests.certificates.length === certificates.length && sorted(digests.certificates) !== sorted(certificates)) {
      return { file: entry.file, verdict: 'wrong', detail: 'certificate digests differ from openssl storeutl' };
    }
    const keys = items.flatMap((item) =>
      (item.type === 'private-key' || item.type === 'public-key') && item.spkiSha256 ? [item.spkiSha256] : [],
    );
    if (digests.keys.length === keys.length && sorted(digests.keys) !== sorted(keys)) {
      return { file: entry.file, verdict: 'wrong', detail: 'key SPKI digests differ from openssl storeutl' };
    }
  }
  return { file: entry.file, verdict: 'agree', detail: '' };
}
