import { describe, expect, it } from 'vitest';
import { writeProblem } from '../../../src/core/files/safe-write.js';

describe('a failed write, in words', () => {
  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['EROFS', 'READ_ONLY_FOLDER'],
    ['EACCES', 'FOLDER_NOT_WRITABLE'],
    ['ENAMETOOLONG', 'PATH_TOO_LONG'],
    ['ENOENT', 'FOLDER_NOT_WRITABLE'],
  ])('%s is %s, with a fix', (errno, code) => {
    const error = Object.assign(new Error(errno), { code: errno });
    expect(() => writeProblem(error, '/out/pk.pem')).toThrow(
      expect.objectContaining({ code, fix: expect.stringMatching(/\w/) }),
    );
  });

  it('anything else is passed on as it is', () => {
    const error = Object.assign(new Error('odd'), { code: 'EIO' });
    expect(() => writeProblem(error, '/out/pk.pem')).toThrow(error);
  });

  it('a folder under /proc is refused in words, not a raw ENOENT with "report it"', async () => {
    const { writeFileSafely } = await import('../../../src/core/files/safe-write.js');
    await expect(writeFileSafely({ path: '/proc/iamcert-test/pk.pem', data: 'x', secret: true })).rejects.toMatchObject(
      {
        code: expect.stringMatching(/FOLDER_NOT_WRITABLE|READ_ONLY_FOLDER/),
        message: expect.stringContaining('/proc'),
      },
    );
  });
});
