import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, lstat, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from '../errors.js';

export interface FileToWrite {
  path: string;
  data: string | Buffer;
  /** A private key or secret: mode 0600, folders created for it 0700. */
  secret?: boolean;
}

export interface WriteOptions {
  force?: boolean;
}

/** Temp files being written right now, and files of a set not yet complete, so an interrupted run can remove them. */
const inFlight = new Set<string>();
const unfinishedSets = new Set<string[]>();

/** For an interrupted run (Ctrl-C, SIGTERM): no half-written temp file, and no half of a set (a key without its certificate). */
export function removeUnfinishedWrites(): void {
  for (const path of [...inFlight, ...[...unfinishedSets].flat()]) rmSync(path, { force: true });
  inFlight.clear();
  unfinishedSets.clear();
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Refuses, before anything is written, what must not be overwritten. */
export async function checkWritable(path: string, options: WriteOptions & { secret?: boolean } = {}): Promise<void> {
  let info;
  try {
    info = await lstat(path);
  } catch {
    return;
  }
  if (info.isSymbolicLink()) {
    fail('SYMLINK_REFUSED', `${path} is a symbolic link; iamcert will not write ${options.secret ? 'a key ' : ''}through it.`, 'Remove the link or choose another path.');
  }
  if (info.isDirectory()) fail('PATH_IS_FOLDER', `${path} is a folder.`, 'Choose a file name inside it.');
  if (!options.force) fail('FILE_EXISTS', `${path} already exists.`, 'Choose another path, or pass --force to replace it.');
}

/** Creates missing folders; those made for secrets get 0700 whatever the umask. */
export async function ensureFolder(folder: string, secret: boolean): Promise<void> {
  const missing: string[] = [];
  let current = resolve(folder);
  while (!(await exists(current))) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const info = await stat(current);
  if (!info.isDirectory()) fail('NOT_A_FOLDER', `${current} is not a folder.`, 'Choose an output folder that is not a file.');
  for (const folderToMake of missing) {
    await mkdir(folderToMake, { mode: secret ? 0o700 : 0o755 });
    if (secret) await chmod(folderToMake, 0o700);
  }
}

/** Writes one file atomically: a temp file beside it, fsync, then rename. */
export async function writeFileSafely(file: FileToWrite, options: WriteOptions = {}): Promise<void> {
  const target = resolve(file.path);
  await checkWritable(target, { ...options, secret: file.secret });
  await ensureFolder(dirname(target), file.secret ?? false);
  const mode = file.secret ? 0o600 : 0o644;
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  inFlight.add(temp);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(file.data);
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await checkWritable(target, { ...options, secret: file.secret });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    inFlight.delete(temp);
  }
}

/**
 * Writes several files as one step: every target is checked first, so a
 * conflict writes nothing; a failure part-way removes the files this call created.
 */
export async function writeFilesSafely(files: FileToWrite[], options: WriteOptions = {}): Promise<void> {
  for (const file of files) await checkWritable(resolve(file.path), { ...options, secret: file.secret });
  // A folder that will hold a secret is made 0700 first, whichever file is written first.
  for (const file of files) if (file.secret) await ensureFolder(dirname(resolve(file.path)), true);
  const created: string[] = [];
  unfinishedSets.add(created);
  try {
    for (const file of files) {
      const existed = await exists(file.path);
      await writeFileSafely(file, options);
      if (!existed) created.push(resolve(file.path));
    }
  } catch (error) {
    await Promise.all(created.map((path) => rm(path, { force: true })));
    throw error;
  } finally {
    unfinishedSets.delete(created);
  }
}
