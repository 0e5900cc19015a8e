import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface FolderEntry {
  name: string;
  folder: boolean;
}

const CERTIFICATE_LIKE = /\.(pem|crt|cer|cert|der|key|p12|pfx|p7b|p7c|csr|req|pub)$/i;

export function expandHome(path: string): string {
  return path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

/**
 * A path as terminals and file managers paste it, as the shell would read it: surrounding quotes gone
 * ('/a b/c.pem', "/a b/c.pem"), backslash escapes undone (/a\ b/c.pem), a dropped file's file:// URL decoded.
 * Used only after the path as typed was not found, so a name that holds quotes or backslashes still opens.
 */
export function pastedPath(typed: string): string {
  let path = typed.trim();
  const quoted = /^(['"])(.*)\1$/s.exec(path);
  if (quoted) path = quoted[2]!;
  else path = path.replace(/\\(.)/g, '$1');
  if (path.startsWith('file://')) {
    try {
      path = decodeURIComponent(new URL(path).pathname);
    } catch {
      // Not a URL after all: left as it is.
    }
  }
  return expandHome(path);
}

/** The folder part and the name part of what was typed: "certs/ww" → ["certs/", "ww"]. */
export function splitTyped(typed: string): [folder: string, partial: string] {
  const slash = typed.lastIndexOf('/');
  return slash < 0 ? ['', typed] : [typed.slice(0, slash + 1), typed.slice(slash + 1)];
}

/**
 * Folders first, then files that look like certificates or keys, then the rest; hidden ones last; alphabetical within
 * each.
 */
export function sortEntries(entries: FolderEntry[]): FolderEntry[] {
  const rank = (entry: FolderEntry) =>
    entry.name.startsWith('.') ? 3 : entry.folder ? 0 : CERTIFICATE_LIKE.test(entry.name) ? 1 : 2;
  return [...entries].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export async function listFolder(typedFolder: string, cwd: string = process.cwd()): Promise<FolderEntry[]> {
  const folder = expandHome(typedFolder || '.');
  try {
    const dirents = await readdir(folder.startsWith('/') ? folder : join(cwd, folder), { withFileTypes: true });
    return sortEntries(dirents.map((dirent) => ({ name: dirent.name, folder: dirent.isDirectory() })));
  } catch {
    return [];
  }
}

function commonPrefix(names: string[]): string {
  if (names.length === 0) return '';
  let prefix = names[0]!;
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Tab completion: the longest unambiguous completion, with "/" after a lone folder, and the candidates. */
export function completeTyped(typed: string, entries: FolderEntry[]): { value: string; candidates: FolderEntry[] } {
  const [folder, partial] = splitTyped(typed);
  const candidates = entries.filter(
    (entry) => entry.name.startsWith(partial) && (partial.startsWith('.') || !entry.name.startsWith('.')),
  );
  if (candidates.length === 1) {
    const only = candidates[0]!;
    return { value: `${folder}${only.name}${only.folder ? '/' : ''}`, candidates };
  }
  return { value: `${folder}${commonPrefix(candidates.map((entry) => entry.name)) || partial}`, candidates };
}
