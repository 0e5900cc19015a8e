import { randomBytes } from 'node:crypto';
import { lstatSync, rmdirSync, rmSync } from 'node:fs';
import { chmod, copyFile, link, lstat, mkdir, open, rename, rm, rmdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from '../errors.js';
import { onCleanup } from '../lifecycle.js';

export interface FileToWrite {
  path: string;
  data: string | Buffer;
  /** A private key or secret: mode 0600, folders created for it 0700. */
  secret?: boolean;
}

export interface WriteOptions {
  force?: boolean;
}

/** A file this process wrote, known by its inode: rollback removes it only while that inode is still there. */
interface Written {
  path: string;
  dev: number;
  ino: number;
}

/** Temp files being written right now, files of a set not yet complete, and folders made for them, so an interrupted run can remove exactly those. */
const inFlight = new Set<string>();
const unfinishedSets = new Set<Written[]>();
const foldersBeingFilled = new Set<string[]>();

/** The temp file written beside `target`: `.NAME.<hex>.tmp`. */
export function isTempFileFor(target: string, candidate: string): boolean {
  const name = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.[0-9a-f]{12}\\.tmp$`).test(candidate);
}

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** For an interrupted run (Ctrl-C, SIGTERM): no half-written temp file, and no half of a set (a key without its certificate). */
export function removeUnfinishedWrites(): void {
  for (const path of inFlight) rmSync(path, { force: true });
  for (const set of unfinishedSets) for (const file of set) removeIfStillOurs(file);
  for (const folders of foldersBeingFilled) for (const folder of [...folders].reverse()) rmdirQuietly(folder);
  inFlight.clear();
  unfinishedSets.clear();
  foldersBeingFilled.clear();
}

// However the run ends (Ctrl-C, SIGTERM, SIGHUP, the app's quit), whatever is half-written goes first.
onCleanup(removeUnfinishedWrites);

function removeIfStillOurs(file: Written): void {
  try {
    const info = lstatSync(file.path);
    if (info.dev === file.dev && info.ino === file.ino) rmSync(file.path, { force: true });
  } catch {
    // already gone
  }
}

function rmdirQuietly(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // not empty (someone else's file is in it) or already gone: leave it
  }
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch {
    return undefined;
  }
}

/** Refuses, before anything is written, what must not be overwritten. */
export async function checkWritable(path: string, options: WriteOptions & { secret?: boolean } = {}): Promise<void> {
  const info = await lstatOrUndefined(path);
  if (!info) return;
  if (info.isSymbolicLink()) {
    fail('SYMLINK_REFUSED', `${path} is a symbolic link; iamcert will not write ${options.secret ? 'a key ' : ''}through it.`, 'Remove the link or choose another path.');
  }
  if (info.isDirectory()) fail('PATH_IS_FOLDER', `${path} is a folder.`, 'Choose a file name inside it.');
  if (!options.force) fileExists(path);
}

function fileExists(path: string): never {
  fail('FILE_EXISTS', `${path} already exists.`, 'Choose another path, or pass --force to replace it.');
}

/** Names the cause of a failed write in words, with what to do; anything else is rethrown as it is. */
export function writeProblem(error: unknown, path: string, folder = dirname(path)): never {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') fail('DISK_FULL', `There is no space left to write ${path}; nothing was written.`, 'Free some space on that disk, or choose another folder.');
  if (code === 'EROFS') fail('READ_ONLY_FOLDER', `${folder} is on a read-only file system; nothing was written.`, 'Choose a folder you can write to.');
  if (code === 'EACCES' || code === 'EPERM') fail('FOLDER_NOT_WRITABLE', `You may not write in ${folder}; nothing was written.`, "Choose a folder you can write to, or check the folder's permissions.");
  if (code === 'ENAMETOOLONG') fail('PATH_TOO_LONG', `${path} is longer than the file system allows.`, 'Choose a shorter path.');
  throw error;
}

/** Creates missing folders (returned, outermost first); those made for secrets get 0700 whatever the umask. */
export async function ensureFolder(folder: string, secret: boolean): Promise<string[]> {
  const missing: string[] = [];
  let current = resolve(folder);
  for (;;) {
    const info = await lstatOrUndefined(current);
    if (info?.isSymbolicLink()) {
      const target = await stat(current).catch(() => undefined);
      if (!target) fail('DANGLING_LINK', `${current} is a symbolic link to a folder that does not exist.`, 'Create the folder it points to, remove the link, or choose another folder.');
      if (!target.isDirectory()) fail('NOT_A_FOLDER', `${current} is not a folder.`, 'Choose an output folder that is not a file.');
      break;
    }
    if (info) {
      if (!info.isDirectory()) fail('NOT_A_FOLDER', `${current} is not a folder.`, 'Choose an output folder that is not a file.');
      break;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const made: string[] = [];
  try {
    for (const folderToMake of missing) {
      try {
        await mkdir(folderToMake, { mode: secret ? 0o700 : 0o755 });
      } catch (error) {
        // Another run made it a moment ago: it is theirs, and it is there.
        if ((error as { code?: string }).code === 'EEXIST' && (await stat(folderToMake)).isDirectory()) continue;
        throw error;
      }
      made.push(folderToMake);
      if (secret) await chmod(folderToMake, 0o700);
    }
  } catch (error) {
    for (const madeFolder of made.reverse()) await rmdir(madeFolder).catch(() => undefined);
    const failedFolder = missing[made.length] ?? folder;
    writeProblem(error, failedFolder, dirname(failedFolder));
  }
  return made;
}

/**
 * Writes one file atomically: a temp file beside it, fsync, then into place. Without force the
 * temp file is hard-linked to the name, which fails if the name exists, so a racing writer never
 * overwrites; with force it is renamed over it.
 */
export async function writeFileSafely(file: FileToWrite, options: WriteOptions = {}): Promise<Written> {
  return writeOne(file, options, () => undefined);
}

/** `placed` is told of the file the moment it is in place, before anything else can run. */
async function writeOne(file: FileToWrite, options: WriteOptions, placed: (file: Written) => void): Promise<Written> {
  const target = resolve(file.path);
  await checkWritable(target, { ...options, secret: file.secret });
  const madeFolders = await ensureFolder(dirname(target), file.secret ?? false);
  foldersBeingFilled.add(madeFolders);
  const mode = file.secret ? 0o600 : 0o644;
  const temp = tempPathFor(target);
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
    const info = await stat(temp);
    const existed = options.force ? await lstatOrUndefined(target) : undefined;
    const copied = await placeTempFile(temp, target, options, file.secret);
    const { dev, ino } = copied ?? info;
    const written = { path: target, dev, ino };
    if (!existed) placed(written);
    return written;
  } catch (error) {
    await rm(temp, { force: true });
    for (const folder of [...madeFolders].reverse()) await rmdir(folder).catch(() => undefined);
    writeProblem(error, target);
  } finally {
    inFlight.delete(temp);
    await rm(temp, { force: true });
    foldersBeingFilled.delete(madeFolders);
  }
}

/** Returns the identity of the file in place when it is a copy rather than the temp file itself. */
async function placeTempFile(temp: string, target: string, options: WriteOptions, secret: boolean | undefined): Promise<{ dev: number; ino: number } | undefined> {
  await checkWritable(target, { ...options, secret });
  if (options.force) {
    await rename(temp, target);
    return undefined;
  }
  try {
    await link(temp, target);
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') fileExists(target);
    // File systems without hard links (FAT, some network mounts): an exclusive copy is still no-clobber.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    try {
      await copyFile(temp, target, constants.COPYFILE_EXCL);
      return await lstat(target);
    } catch (copyError) {
      if ((copyError as { code?: string }).code === 'EEXIST') fileExists(target);
      throw copyError;
    }
  }
}

/**
 * Writes several files as one step: every target is checked first, so a conflict writes nothing;
 * a failure part-way removes the files this call wrote, and only those.
 */
export async function writeFilesSafely(files: FileToWrite[], options: WriteOptions = {}): Promise<void> {
  for (const file of files) await checkWritable(resolve(file.path), { ...options, secret: file.secret });
  // A folder that will hold a secret is made 0700 first, whichever file is written first.
  const madeFolders: string[] = [];
  for (const file of files) if (file.secret) madeFolders.push(...(await ensureFolder(dirname(resolve(file.path)), true)));
  foldersBeingFilled.add(madeFolders);
  const written: Written[] = [];
  unfinishedSets.add(written);
  try {
    for (const file of files) await writeOne(file, options, (placed) => written.push(placed));
  } catch (error) {
    for (const file of written) removeIfStillOurs(file);
    for (const folder of [...madeFolders].reverse()) await rmdir(folder).catch(() => undefined);
    throw error;
  } finally {
    unfinishedSets.delete(written);
    foldersBeingFilled.delete(madeFolders);
  }
}
