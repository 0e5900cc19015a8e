import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { lstat, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, worded } from '../errors.js';
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

/** The files of a set placed so far; cancelled once an interrupted run has removed them, so no later file follows. */
interface UnfinishedSet {
  written: Written[];
  cancelled: boolean;
}

/** Sets not yet complete, and the folders made for writes under way, so an interrupted run removes exactly those. */
const unfinishedSets = new Set<UnfinishedSet>();
const foldersBeingFilled = new Set<string[]>();

/** The temp file written beside `target`: `.NAME.<hex>.tmp`. */
export function isTempFileFor(target: string, candidate: string): boolean {
  const name = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.[0-9a-f]{12}\\.tmp$`).test(candidate);
}

/**
 * The 12 hex digits name the writing process (8) and a random part (4), so a later run can tell a stray from a live
 * write.
 */
function tempPathFor(target: string): string {
  const writer = process.pid.toString(16).padStart(8, '0');
  return join(dirname(target), `.${basename(target)}.${writer}${randomBytes(2).toString('hex')}.tmp`);
}

function writerIsGone(tempName: string): boolean {
  const pid = Number.parseInt(tempName.slice(-16, -8), 16);
  if (pid === process.pid) return false;
  // Not a process number at all: written by an older iamcert, whose name was all random.
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid > 0x3fffffff) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: a live process of another user's.
    return (error as { code?: string }).code === 'ESRCH';
  }
}

/**
 * Removes temp files of ours beside these targets whose writer has gone (killed mid-write: SIGKILL leaves
 * no chance to clean up). A temp file of a run still writing is left alone.
 */
export async function removeStrayTempFiles(targets: string[]): Promise<void> {
  for (const folder of new Set(targets.map((target) => dirname(resolve(target))))) {
    const names = await readdir(folder).catch(() => [] as string[]);
    const ours = targets.filter((target) => dirname(resolve(target)) === folder);
    const strays = names.filter((name) => ours.some((target) => isTempFileFor(target, name)) && writerIsGone(name));
    await Promise.all(strays.map((name) => rm(join(folder, name), { force: true })));
  }
}

/**
 * For an interrupted run (Ctrl-C, SIGTERM): no half of a set (a key without its certificate), no folder made for it.
 */
export function removeUnfinishedWrites(): void {
  for (const set of unfinishedSets) {
    set.cancelled = true;
    for (const file of set.written) removeIfStillOurs(file);
  }
  for (const folders of foldersBeingFilled) for (const folder of [...folders].reverse()) rmdirQuietly(folder);
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

function lstatSyncOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Refuses, before anything is written, what must not be overwritten. */
export async function checkWritable(path: string, options: WriteOptions & { secret?: boolean } = {}): Promise<void> {
  refuseToReplace(path, await lstatOrUndefined(path), options);
}

function refuseToReplace(path: string, info: Stats | undefined, options: WriteOptions & { secret?: boolean }): void {
  if (!info) return;
  if (info.isSymbolicLink()) {
    fail(
      'SYMLINK_REFUSED',
      `${path} is a symbolic link; iamcert will not write ${options.secret ? 'a key ' : ''}through it.`,
      'Remove the link or choose another path.',
    );
  }
  if (info.isDirectory()) fail('PATH_IS_FOLDER', `${path} is a folder.`, 'Choose a file name inside it.');
  if (!options.force) fileExists(path);
}

function fileExists(path: string): never {
  fail(
    'FILE_EXISTS',
    `${path} already exists.`,
    worded('Choose another path, or pass --force to replace it.', 'Choose another path, or move the file aside first.'),
  );
}

/** Names the cause of a failed write in words, with what to do; anything else is rethrown as it is. */
export function writeProblem(error: unknown, path: string, folder = dirname(path)): never {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    fail(
      'DISK_FULL',
      `There is no space left to write ${path}; nothing was written.`,
      'Free some space on that disk, or choose another folder.',
    );
  if (code === 'EROFS')
    fail(
      'READ_ONLY_FOLDER',
      `${folder} is on a read-only file system; nothing was written.`,
      'Choose a folder you can write to.',
    );
  if (code === 'EACCES' || code === 'EPERM')
    fail(
      'FOLDER_NOT_WRITABLE',
      `You may not write in ${folder}; nothing was written.`,
      "Choose a folder you can write to, or check the folder's permissions.",
    );
  if (code === 'ENAMETOOLONG')
    fail('PATH_TOO_LONG', `${path} is longer than the file system allows.`, 'Choose a shorter path.');
  // The folder was there a moment ago, or is one (as /proc and /sys are) that takes no new files or folders.
  if (code === 'ENOENT')
    fail(
      'FOLDER_NOT_WRITABLE',
      `${folder} takes no new files or folders here; nothing was written.`,
      'Choose a folder you can write to (one under your home, for one).',
    );
  throw error;
}

/**
 * Creates missing folders, outermost first, each pushed to `made` the moment it exists (the caller has
 * registered `made` for an interrupted run's cleanup); those made for secrets get 0700 whatever the umask.
 */
async function ensureFolder(folder: string, secret: boolean, made: string[]): Promise<void> {
  const missing: string[] = [];
  let current = resolve(folder);
  for (;;) {
    const info = await lstatOrUndefined(current);
    if (info?.isSymbolicLink()) {
      const target = await stat(current).catch(() => undefined);
      if (!target)
        fail(
          'DANGLING_LINK',
          `${current} is a symbolic link to a folder that does not exist.`,
          'Create the folder it points to, remove the link, or choose another folder.',
        );
      if (!target.isDirectory())
        fail('NOT_A_FOLDER', `${current} is not a folder.`, 'Choose an output folder that is not a file.');
      break;
    }
    if (info) {
      if (!info.isDirectory())
        fail('NOT_A_FOLDER', `${current} is not a folder.`, 'Choose an output folder that is not a file.');
      break;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const madeHere = made.length;
  try {
    for (const folderToMake of missing) {
      try {
        mkdirSync(folderToMake, { mode: secret ? 0o700 : 0o755 });
      } catch (error) {
        // Another run made it a moment ago: it is theirs, and it is there.
        if ((error as { code?: string }).code === 'EEXIST' && statSync(folderToMake).isDirectory()) continue;
        throw error;
      }
      made.push(folderToMake);
      if (secret) chmodSync(folderToMake, 0o700);
    }
  } catch (error) {
    const failedFolder = missing[made.length - madeHere] ?? folder;
    for (const madeFolder of made.splice(madeHere).reverse()) rmdirQuietly(madeFolder);
    writeProblem(error, failedFolder, dirname(failedFolder));
  }
}

/**
 * Writes one file atomically: a temp file beside it, fsync, then into place. Without force the
 * temp file is hard-linked to the name, which fails if the name exists, so a racing writer never
 * overwrites; with force it is renamed over it.
 */
export async function writeFileSafely(file: FileToWrite, options: WriteOptions = {}): Promise<Written> {
  return writeOne(file, options, { written: [], cancelled: false });
}

async function writeOne(file: FileToWrite, options: WriteOptions, set: UnfinishedSet): Promise<Written> {
  const target = resolve(file.path);
  await checkWritable(target, { ...options, secret: file.secret });
  await removeStrayTempFiles([target]);
  const madeFolders: string[] = [];
  foldersBeingFilled.add(madeFolders);
  try {
    await ensureFolder(dirname(target), file.secret ?? false, madeFolders);
    if (set.cancelled) fail('INTERRUPTED', `${target} was not written: the run was interrupted.`, 'Run it again.');
    return placeSynchronously(file, target, options, set);
  } catch (error) {
    for (const folder of [...madeFolders].reverse()) rmdirQuietly(folder);
    writeProblem(error, target);
  } finally {
    foldersBeingFilled.delete(madeFolders);
  }
}

/**
 * From creating the temp file to recording the file in place, nothing awaits: a signal's handler (or the
 * app's quit) runs only between turns of the event loop, so it never finds a temp file of ours on disk,
 * nor a file in place that it does not know of. The files are small (keys, certificates, records), so
 * the loop is held for the time of one fsync.
 */
function placeSynchronously(file: FileToWrite, target: string, options: WriteOptions, set: UnfinishedSet): Written {
  const mode = file.secret ? 0o600 : 0o644;
  const temp = tempPathFor(target);
  try {
    const descriptor = openSync(temp, 'wx', mode);
    try {
      writeFileSync(descriptor, file.data);
      fchmodSync(descriptor, mode);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    const info = statSync(temp);
    const existing = lstatSyncOrUndefined(target);
    refuseToReplace(target, existing, { ...options, secret: file.secret });
    const replaced = options.force === true && existing !== undefined;
    const { dev, ino } = placeTempFile(temp, target, options) ?? info;
    const written = { path: target, dev, ino };
    if (!replaced) set.written.push(written);
    return written;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Returns the identity of the file in place when it is a copy rather than the temp file itself. */
function placeTempFile(temp: string, target: string, options: WriteOptions): Stats | undefined {
  if (options.force) {
    renameSync(temp, target);
    return undefined;
  }
  try {
    linkSync(temp, target);
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') fileExists(target);
    // File systems without hard links (FAT, some network mounts): an exclusive copy is still no-clobber.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    try {
      copyFileSync(temp, target, constants.COPYFILE_EXCL);
      return lstatSync(target);
    } catch (copyError) {
      if ((copyError as { code?: string }).code === 'EEXIST') fileExists(target);
      throw copyError;
    }
  }
}

/**
 * Writes several files as one step: every target is checked first, so a conflict writes nothing;
 * a failure part-way, or an interrupted run, removes the files this call wrote, and only those.
 */
export async function writeFilesSafely(files: FileToWrite[], options: WriteOptions = {}): Promise<void> {
  for (const file of files) await checkWritable(resolve(file.path), { ...options, secret: file.secret });
  // A folder that will hold a secret is made 0700 first, whichever file is written first.
  const madeFolders: string[] = [];
  foldersBeingFilled.add(madeFolders);
  const set: UnfinishedSet = { written: [], cancelled: false };
  unfinishedSets.add(set);
  try {
    for (const file of files) if (file.secret) await ensureFolder(dirname(resolve(file.path)), true, madeFolders);
    for (const file of files) await writeOne(file, options, set);
  } catch (error) {
    for (const file of set.written) removeIfStillOurs(file);
    for (const folder of [...madeFolders].reverse()) rmdirQuietly(folder);
    throw error;
  } finally {
    unfinishedSets.delete(set);
    foldersBeingFilled.delete(madeFolders);
  }
}
