import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { fail, fixFields, IamcertError, worded } from '../errors.js';

/**
 * Certificate files are kilobytes; a PEM chain IAM accepts is at most 2 MB. Anything far larger is not ours to parse.
 */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export interface ReadInputOptions {
  /** The most bytes accepted; one more and the file is refused. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Standard input, for `-` and `/dev/stdin`; tests hand in their own stream. */
  stdin?: NodeJS.ReadableStream;
}

const CHUNK = 1024 * 1024;
/** O_NONBLOCK: opening a FIFO with no writer must not wait. O_NOCTTY: a terminal device never becomes ours. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;
const STDIN_NAMES = new Set(['-', '/dev/stdin']);

/**
 * The one way iamcert reads a file given from outside: regular files only (checked on the opened
 * descriptor, never by name), never more than the cap, interrupted by the signal. `-` and
 * `/dev/stdin` read standard input on purpose, with the same cap.
 */
export async function readInputFile(path: string, options: ReadInputOptions = {}): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  if (STDIN_NAMES.has(path)) return readStream(options.stdin ?? process.stdin, path, maxBytes, options.signal);
  const { handle, size } = await openRegularFile(path);
  try {
    return await readCapped(handle, path, maxBytes, size, options.signal);
  } finally {
    await handle.close();
  }
}

/**
 * The same read, with a missing file as undefined: for files a rerun may or may not find (a CSV, a half-written pair).
 */
export async function readInputFileIfPresent(
  path: string,
  options: ReadInputOptions = {},
): Promise<Buffer | undefined> {
  try {
    return await readInputFile(path, options);
  } catch (error) {
    if ((error as { code?: string }).code === 'FILE_NOT_FOUND') return undefined;
    throw error;
  }
}

async function openRegularFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    failToOpen(path, (error as { code?: string }).code);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) fail('FILE_IS_FOLDER', `${path} is a folder.`, 'Give a file inside it.');
    if (info.isFIFO()) {
      fail(
        'NOT_A_REGULAR_FILE',
        `${path} is a pipe, not a file.`,
        worded(
          'Pass piped data on standard input as - (… | iamcert inspect -), or save it to a file first.',
          'Save what it carries to a file first, and give that file.',
        ),
      );
    }
    if (!info.isFile())
      fail(
        'NOT_A_REGULAR_FILE',
        `${path} is a device or socket, not a file.`,
        'Give a certificate, key or bundle file.',
      );
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function failToOpen(path: string, code: string | undefined): never {
  if (code === 'ENOENT' && path.includes('\uFFFD')) {
    fail(
      'FILE_NAME_NOT_UTF8',
      `${path} does not exist: the file's name is not valid UTF-8, so it could not be passed on.`,
      worded(
        'Rename the file, or pass it on standard input: iamcert inspect - < FILE',
        'Rename the file, then open it.',
      ),
    );
  }
  if (code === 'ENOENT')
    fail(
      'FILE_NOT_FOUND',
      `${path} does not exist.`,
      worded(
        'Check the path; iamcert inspect accepts any certificate or key file.',
        'Check the path; Tab completes it from what is there.',
      ),
    );
  if (code === 'EACCES' || code === 'EPERM')
    fail(
      'FILE_NOT_READABLE',
      `${path} cannot be read (permission denied).`,
      "Check the file's permissions, or run as its owner.",
    );
  if (code === 'EISDIR') fail('FILE_IS_FOLDER', `${path} is a folder.`, 'Give a file inside it.');
  if (code === 'ENXIO')
    fail('NOT_A_REGULAR_FILE', `${path} is a socket, not a file.`, 'Give a certificate, key or bundle file.');
  if (code === 'ELOOP') fail('FILE_NOT_READABLE', `${path} is a loop of symbolic links.`, 'Give the real file.');
  if (code === 'ENOTDIR')
    fail('FILE_NOT_FOUND', `${path} does not exist (a part of the path is a file, not a folder).`, 'Check the path.');
  fail('FILE_NOT_READABLE', `${path} cannot be read (${code ?? 'unknown error'}).`, 'Check the path and permissions.');
}

function tooLargeProblem(path: string, maxBytes: number): IamcertError {
  return new IamcertError({
    code: 'FILE_TOO_LARGE',
    message: `${path} is larger than ${describeSize(maxBytes)}, more than any certificate file.`,
    fix: 'Check that you picked a certificate, key or bundle, not some other file.',
  });
}

function tooLarge(path: string, maxBytes: number): never {
  throw tooLargeProblem(path, maxBytes);
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Reads to the end, never past the cap: the size the file had when opened sizes the first read, and a file still
 * growing is read on.
 */
async function readCapped(
  handle: FileHandle,
  path: string,
  maxBytes: number,
  sizeWhenOpened: number,
  signal: AbortSignal | undefined,
): Promise<Buffer> {
  if (sizeWhenOpened > maxBytes) tooLarge(path, maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  let next = Math.min(sizeWhenOpened + 1, CHUNK);
  for (;;) {
    signal?.throwIfAborted();
    const chunk = Buffer.allocUnsafe(Math.min(next, maxBytes + 1 - total));
    next = CHUNK;
    // position null reads on from where the last read stopped, as a stream does.
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) tooLarge(path, maxBytes);
    chunks.push(chunk.subarray(0, bytesRead));
  }
  return Buffer.concat(chunks, total);
}

async function readStream(
  stream: NodeJS.ReadableStream,
  path: string,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<Buffer> {
  if ((stream as { isTTY?: boolean }).isTTY) {
    fail(
      'STDIN_IS_TERMINAL',
      `${path} means standard input, but nothing is piped into it.`,
      worded('Pipe the file in (iamcert inspect - < FILE), or give its path.', "Give the file's path."),
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  return new Promise<Buffer>((resolve, reject) => {
    const finish = (error?: unknown) => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
      stream.pause();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, total));
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total > maxBytes) finish(tooLargeProblem(path, maxBytes));
      else chunks.push(bytes);
    };
    const onEnd = () => finish();
    const onError = (error: Error) =>
      finish(
        new IamcertError({
          code: 'FILE_NOT_READABLE',
          message: `Standard input could not be read (${(error as { code?: string }).code ?? error.message}).`,
          ...fixFields(
            worded('Pipe the file in (iamcert inspect - < FILE), or give its path.', "Give the file's path."),
          ),
        }),
      );
    const onAbort = () => finish(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.resume();
  });
}
