import { open } from 'node:fs/promises';
import { fail } from '../errors.js';
import { MAX_INPUT_BYTES } from '../formats/read.js';

/** Reads a user's file with a clear error for every way it can fail; never reads more than the size limit plus one byte. */
export async function readInputFile(path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') fail('FILE_NOT_FOUND', `${path} does not exist.`, 'Check the path; iamcert inspect accepts any certificate or key file.');
    if (code === 'EACCES') fail('FILE_NOT_READABLE', `${path} cannot be read (permission denied).`, 'Check the file\'s permissions, or run as its owner.');
    if (code === 'EISDIR') fail('FILE_IS_FOLDER', `${path} is a folder.`, 'Give a file inside it.');
    fail('FILE_NOT_READABLE', `${path} cannot be read (${code ?? 'unknown error'}).`, 'Check the path and permissions.');
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) fail('FILE_IS_FOLDER', `${path} is a folder.`, 'Give a file inside it.');
    if (info.size > MAX_INPUT_BYTES) {
      fail('FILE_TOO_LARGE', `${path} is ${(info.size / 1024 / 1024).toFixed(1)} MB; certificate files are at most ${MAX_INPUT_BYTES / 1024 / 1024} MB.`, 'Check that you picked a certificate, key or bundle, not some other file.');
    }
    const buffer = Buffer.alloc(Math.min(info.size, MAX_INPUT_BYTES) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    if ((error as { code?: string }).code === 'EISDIR') fail('FILE_IS_FOLDER', `${path} is a folder.`, 'Give a file inside it.');
    throw error;
  } finally {
    await handle.close();
  }
}
