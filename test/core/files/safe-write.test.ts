import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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
  it('an interrupt between the files of a set removes the half already written and writes no more', async () => {
    const key = join(dir, 'new', 'pk-a.pem');
    const certificate = join(dir, 'new', 'cert-a.pem');
    const writing = writeFilesSafely([
      { path: key, data: 'secret', secret: true },
      { path: certificate, data: 'certificate' },
    ]);
    let settled = false;
    const outcome = writing
      .then(
        () => 'finished',
        (error: { code?: string }) => error.code,
      )
      .finally(() => (settled = true));
    // Between event-loop turns, as a signal's handler runs: never a temp file, and the key either there or not.
    for (;;) {
      const names = existsSync(join(dir, 'new')) ? readdirSync(join(dir, 'new')) : [];
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
      if (names.includes('pk-a.pem') || settled) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(settled).toBe(false);
    removeUnfinishedWrites(); // what Ctrl-C and SIGTERM run before exiting
    expect(readdirSync(dir)).toEqual([]);
    expect(await outcome).toBe('INTERRUPTED');
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes temp files of ours whose writer is gone, and leaves a live writer's alone", async () => {
    const path = join(dir, 'pk.pem');
    const gone = `.pk.pem.${(0x3ffffff0).toString(16).padStart(8, '0')}abcd.tmp`;
    const older = '.pk.pem.0123456789ab.tmp';
    const live = `.pk.pem.${process.ppid.toString(16).padStart(8, '0')}abcd.tmp`;
    const someoneElses = '.pk.pem.notours.tmp';
    for (const name of [gone, older, live, someoneElses]) writeFileSync(join(dir, name), 'partial');
    await writeFileSafely({ path, data: 'secret', secret: true });
    expect(readdirSync(dir).sort()).toEqual([live, someoneElses, 'pk.pem'].sort());
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
    await expect(writeFileSafely({ path: link, data: 'secret', secret: true }, { force: true })).rejects.toMatchObject({
      code: 'SYMLINK_REFUSED',
    });
    expect(readFileSync(target, 'utf8')).toBe('untouched');
  });

  it('is atomic: a failed write leaves the old file whole and no temp file', async () => {
    const path = join(dir, 'cert.pem');
    writeFileSync(path, 'old');
    const failing = {
      toString: () => {
        throw new Error('disk full');
      },
    } as unknown as string;
    await expect(writeFileSafely({ path, data: failing }, { force: true })).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['cert.pem']);
  });

  it('writes several files only when none conflicts', async () => {
    writeFileSync(join(dir, 'b.pem'), 'existing');
    await expect(
      writeFilesSafely([
        { path: join(dir, 'a.pem'), data: 'a' },
        { path: join(dir, 'b.pem'), data: 'b' },
      ]),
    ).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(readdirSync(dir)).toEqual(['b.pem']);
  });

  it('makes a shared folder 0700 when any file written into it is a secret', async () => {
    const folder = join(dir, 'out');
    await writeFilesSafely([
      { path: join(folder, 'certificate.pem'), data: 'c' },
      { path: join(folder, 'private-key.pem'), data: 'k', secret: true },
    ]);
    expect(mode(folder)).toBe(0o700);
    expect(mode(join(folder, 'certificate.pem'))).toBe(0o644);
  });

  it('refuses to write into a path whose parent is a file', async () => {
    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    await expect(writeFileSafely({ path: join(file, 'pk.pem'), data: 'x', secret: true })).rejects.toMatchObject({
      code: 'NOT_A_FOLDER',
    });
    mkdirSync(join(dir, 'folder'));
    await expect(writeFileSafely({ path: join(dir, 'folder'), data: 'x' }, { force: true })).rejects.toMatchObject({
      code: 'PATH_IS_FOLDER',
    });
  });
});
