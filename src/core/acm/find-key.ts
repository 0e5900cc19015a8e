import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrivateKeyItem } from '../formats/items.js';
import { readItems } from '../formats/read.js';
import { readInputFile } from '../files/read-input.js';

export interface KeySearch {
  folders: string[];
  passphrase?: string;
  keyPassphrase?: string;
  signal?: AbortSignal;
  /** How deep below each folder to look (default 3) and how many files at most (default 5,000). */
  maxDepth?: number;
  maxFiles?: number;
}

export interface KeySearchResult {
  found?: { path: string; key: PrivateKeyItem };
  /** Files read. */
  looked: number;
  /** Encrypted keys and stores that could not be opened with the passphrase given (or none): they may hold it. */
  locked: string[];
  /** The search stopped at maxFiles. */
  cut: boolean;
}

/** Key material is never this big: larger files are skipped unread. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

async function* files(folder: string, depth: number, signal?: AbortSignal): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    signal?.throwIfAborted();
    const path = join(folder, entry.name);
    // Links are not followed: a search stays inside the folders named.
    if (entry.isFile()) yield path;
    else if (entry.isDirectory() && depth > 0 && !SKIPPED_FOLDERS.has(entry.name))
      yield* files(path, depth - 1, signal);
  }
}

/**
 * The private key whose public half is `spkiSha256`, among the files in the folders named: PEM and DER keys, PKCS#12
 * and Java keystores, encrypted ones opened with the passphrase given. IAM never returns a key; this is how a
 * certificate in IAM gets its key back for ACM.
 */
export async function findMatchingKey(spkiSha256: string, search: KeySearch): Promise<KeySearchResult> {
  const maxFiles = search.maxFiles ?? 5_000;
  const result: KeySearchResult = { looked: 0, locked: [], cut: false };
  for (const folder of search.folders) {
    for await (const path of files(folder, search.maxDepth ?? 3, search.signal)) {
      if (result.looked >= maxFiles) {
        result.cut = true;
        return result;
      }
      result.looked += 1;
      let items;
      try {
        const bytes = await readInputFile(path, { maxBytes: MAX_KEY_FILE_BYTES, signal: search.signal });
        items = (await readItems(bytes, { passphrase: search.passphrase, keyPassphrase: search.keyPassphrase })).items;
      } catch (error) {
        search.signal?.throwIfAborted();
        const code = (error as { code?: string }).code ?? '';
        if (/PASSPHRASE|PASSWORD/.test(code)) result.locked.push(path);
        continue;
      }
      for (const item of items) {
        if (item.type !== 'private-key') continue;
        if (item.spkiSha256 === spkiSha256 && item.key) {
          result.found = { path, key: item };
          return result;
        }
        if (item.encrypted && !item.key) result.locked.push(path);
      }
    }
  }
  return result;
}
