import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pastedPath } from '../../../src/core/files/path-completion.js';
import { realServices } from '../../../src/app/real-services.js';

const work = mkdtempSync(join(tmpdir(), 'iamcert-pasted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a pasted path, read as the shell would read it (#18)', () => {
  it.each([
    ["'/a b/c.pem'", '/a b/c.pem'],
    ['"/a b/c.pem"', '/a b/c.pem'],
    ['/a\\ b/c\\ \\(1\\).pem', '/a b/c (1).pem'],
    ['  /plain.pem \n', '/plain.pem'],
    ['file:///a%20b/c.pem', '/a b/c.pem'],
    ["'~/x.pem'", join(homedir(), 'x.pem')],
  ])('%j is %j', (typed, path) => {
    expect(pastedPath(typed)).toBe(path);
  });

  it('the app opens a quoted or escaped path, and a name that really holds quotes still opens as typed', async () => {
    const services = realServices({ endpointUrl: 'http://127.0.0.1:9', maxAttempts: 1 });
    const spaced = join(work, 'my cert.pem');
    writeFileSync(spaced, 'spaced');
    expect((await services.readFile(`'${spaced}'`)).toString()).toBe('spaced');
    expect((await services.readFile(spaced.replace(/ /g, '\\ '))).toString()).toBe('spaced');
    const quotedName = join(work, "'odd'.pem");
    writeFileSync(quotedName, 'odd');
    expect((await services.readFile(quotedName)).toString()).toBe('odd');
    await expect(services.readFile(`'${join(work, 'nothing.pem')}'`)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect((await services.listFolder(`'${work}/'`)).map((entry) => entry.name)).toContain('my cert.pem');
  });
});
