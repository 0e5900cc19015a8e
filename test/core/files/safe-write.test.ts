import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeUnfinishedWrites, writeFileSafely, writeFilesSafely } from '../../../src/core/files/safe-write.js';

const root = mkdtempSync(join(tmpdir(), 'iamcert-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;
let previousUmask = 0;
let dir = '';

beforeEach(() => {
  previousUmask = process.umask(0o000);
  dir = mkdtempSync(join(root, 'case-'));
});
afterEach(() => {
  process.umask(previousUmask);
});

describe('safe writes', () => {
  it('an interrupt in the middle of a set removes the temp file and the half already written', async () => {
    const key = join(dir, 'pk-a.pem');
    const certificate = join(dir, 'cert-a.pem');
    // A large second file keeps the write busy long enough for the interrupt to land inside it.
    const writing = writeFilesSafely([
      { path: key, data: 'secret', secret: true },
      { path: certificate, data: Buffer.alloc(64 * 1024 * 1024, 0x41) },
    ]);
    let settled = false;
    const outcome = writing.then(
      () => 'finished',
      () => 'stopped',
    ).finally(() => (settled = true));
    while (!settled && !readdirSync(dir).some((name) => name.startsWith('.cert-a.pem.'))) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(settled).toBe(false);
    expect(readdirSync(dir)).toContain('pk-a.pem');
    removeUnfinishedWrites(); // what Ctrl-C and SIGTERM run before exiting
    expect(readdirSync(dir)).toEqual([]);
    expect(await outcome).toBe('stopped');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes keys 0600 inside new 0700 folders, even under a permissive umask', async () => {
    const path = join(dir, 'new', 'deeper', 'pk.pem');
    await writeFileSafely({ path, data: 'secret', secret: true });
    expect(readFileSync(path, 'utf8')).toBe('secret');
    expect(mode(path)).toBe(0o600);
    expect(mode(join(dir, 'new'))).toBe(0o700);
    expect(mode(join(dir, 'new', 'deeper'))).toBe(0o700);
  });

  it('writes public files 0644 and leaves no temp file behind', async () => {
    const path = join(dir, 'cert.pem');
    await writeFileSafely({ path, data: 'public' });
    expect(mode(path)).toBe(0o644);
    expect(readdirSync(dir)).toEqual(['cert.pem']);
  });

  it('refuses to overwrite without force, and replaces with it', async () => {
    const path = join(dir, 'cert.pem');
    writeFileSync(path, 'old');
    await expect(writeFileSafely({ path, data: 'new' })).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(readFileSync(path, 'utf8')).toBe('old');
    await writeFileSafely({ path, data: 'new' }, { force: true });
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('refuses to write through a symlink, even with force', async () => {
    const target = join(dir, 'elsewhere.pem');
    writeFileSync(target, 'untouched');
    const link = join(dir, 'pk.pem');
    symlinkSync(target, link);
    await expect(writeFileSafely({ path: link, data: 'secret', secret: true }, { force: true })).rejects.toMatchObject({ code: 'SYMLINK_REFUSED' });
    expect(readFileSync(target, 'utf8')).toBe('untouched');
  });

  it('is atomic: a failed write leaves the old file whole and no temp file', async () => {
    const path = join(dir, 'cert.pem');
    writeFileSync(path, 'old');
    const failing = { toString: () => { throw new Error('disk full'); } } as unknown as string;
    await expect(writeFileSafely({ path, data: failing }, { force: true })).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['cert.pem']);
  });

  it('writes several files only when none conflicts', async () => {
    writeFileSync(join(dir, 'b.pem'), 'existing');
    await expect(writeFilesSafely([{ path: join(dir, 'a.pem'), data: 'a' }, { path: join(dir, 'b.pem'), data: 'b' }])).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(readdirSync(dir)).toEqual(['b.pem']);
  });

  it('makes a shared folder 0700 when any file written into it is a secret', async () => {
    const folder = join(dir, 'out');
    await writeFilesSafely([{ path: join(folder, 'certificate.pem'), data: 'c' }, { path: join(folder, 'private-key.pem'), data: 'k', secret: true }]);
    expect(mode(folder)).toBe(0o700);
    expect(mode(join(folder, 'certificate.pem'))).toBe(0o644);
  });

  it('refuses to write into a path whose parent is a file', async () => {
    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    await expect(writeFileSafely({ path: join(file, 'pk.pem'), data: 'x', secret: true })).rejects.toMatchObject({ code: 'NOT_A_FOLDER' });
    mkdirSync(join(dir, 'folder'));
    await expect(writeFileSafely({ path: join(dir, 'folder'), data: 'x' }, { force: true })).rejects.toMatchObject({ code: 'PATH_IS_FOLDER' });
  });
});
