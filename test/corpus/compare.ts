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
  for (const item of items) counts[item.type] += 1;
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

export async function compare(entry: CorpusFile): Promise<Comparison> {
  const path = join(CORPUS, entry.file);
  const expected = expectedCounts(entry.opensslSays);
  const locked = /locked \(password not known\)/.test(entry.opensslSays);
  const lenient = entry.note.startsWith('openssl-lenient');
  let items: Item[] = [];
  let error: IamcertError | undefined;
  try {
    items = (await readItems(readFileSync(path), { passphrase: entry.passphrase })).items;
  } catch (thrown) {
    if (!(thrown instanceof IamcertError)) return { file: entry.file, verdict: 'crash', detail: String(thrown) };
    error = thrown;
  }
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
      item.type !== 'certificate' && item.type !== 'csr' && item.spkiSha256 ? [item.spkiSha256] : [],
    );
    if (digests.keys.length === keys.length && sorted(digests.keys) !== sorted(keys)) {
      return { file: entry.file, verdict: 'wrong', detail: 'key SPKI digests differ from openssl storeutl' };
    }
  }
  return { file: entry.file, verdict: 'agree', detail: '' };
}
