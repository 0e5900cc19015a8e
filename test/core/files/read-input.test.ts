import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFile } from '../../../src/core/files/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'iamcert-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the one reader', () => {
  it('reads a regular file whole', async () => {
    const path = join(dir, 'plain.pem');
    writeFileSync(path, 'hello');
    expect((await readInputFile(path)).toString()).toBe('hello');
  });

  it('refuses a FIFO at once, without waiting for a writer', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readInputFile(fifo)).rejects.toMatchObject({ code: 'NOT_A_REGULAR_FILE' });
  });

  it('refuses devices, however they are named', async () => {
    await expect(readInputFile('/dev/zero')).rejects.toMatchObject({ code: 'NOT_A_REGULAR_FILE' });
    const link = join(dir, 'innocent.pem');
    symlinkSync('/dev/zero', link);
    await expect(readInputFile(link)).rejects.toMatchObject({ code: 'NOT_A_REGULAR_FILE' });
  });

  it('refuses a socket', async () => {
    const path = join(dir, 'sock');
    const server = createServer().listen(path);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await expect(readInputFile(path)).rejects.toMatchObject({ code: 'NOT_A_REGULAR_FILE' });
    } finally {
      server.close();
    }
  });

  it('never reads past the cap', async () => {
    const path = join(dir, 'big');
    writeFileSync(path, Buffer.alloc(2048, 0x41));
    await expect(readInputFile(path, { maxBytes: 1024 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect((await readInputFile(path, { maxBytes: 2048 })).length).toBe(2048);
  });

  it('reads - and /dev/stdin from standard input on purpose, with the same cap', async () => {
    for (const name of ['-', '/dev/stdin']) {
      const stdin = new PassThrough();
      const reading = readInputFile(name, { stdin });
      stdin.end('piped');
      expect((await reading).toString()).toBe('piped');
    }
    const endless = new PassThrough();
    const reading = readInputFile('-', { stdin: endless, maxBytes: 10 });
    endless.write(Buffer.alloc(11));
    await expect(reading).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('stops when told to', async () => {
    const stdin = new PassThrough();
    const controller = new AbortController();
    const reading = readInputFile('-', { stdin, signal: controller.signal });
    controller.abort();
    await expect(reading).rejects.toThrow();
  });

  it('names a file whose name is not UTF-8 for what it is', async () => {
    await expect(readInputFile(join(dir, 'caf\uFFFD.pem'))).rejects.toMatchObject({ code: 'FILE_NAME_NOT_UTF8' });
    await expect(readInputFile(join(dir, 'missing.pem'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
