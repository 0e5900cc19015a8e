import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixInApp, toProblem, type Problem } from '../../src/core/errors.js';
import { checkWritable } from '../../src/core/files/safe-write.js';
import { wrongPassphrase } from '../../src/core/crypto/read-private-key.js';
import { preflightServerCertificate } from '../../src/core/preflight/server-certificate.js';
import { made } from '../helpers/made-certificates.js';
import { fixtures } from '../helpers/use-fixtures.js';

/**
 * A fix names what to do in the words of the front end that shows it: flags headless, keys and screens in the app.
 * These are the hints a new user met inside the app, worded for the command line.
 */
const fx = fixtures();
const folder = mkdtempSync(join(tmpdir(), 'iamcert-wording-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const FLAG_OR_COMMAND = /--[a-z]|\biamcert (convert|create|prepare|inspect|usage|rotate|signing|list|get|rename)\b/;

function wordedForBoth(problem: Pick<Problem, 'fix' | 'appFix'>, cli: RegExp): void {
  expect(problem.fix).toMatch(cli);
  expect(fixInApp(problem)).not.toMatch(FLAG_OR_COMMAND);
}

async function finding(input: Parameters<typeof preflightServerCertificate>[0], code: string) {
  const report = await preflightServerCertificate(input);
  const found = report.findings.find((each) => each.code === code);
  expect(found, `${code} in ${report.findings.map((each) => each.code).join(', ')}`).toBeDefined();
  return found!;
}

describe('fixes in the words of each front end', () => {
  it('a file that exists: --force headless, never in the app', async () => {
    const existing = join(folder, 'there.pem');
    writeFileSync(existing, 'x');
    const problem = toProblem(await checkWritable(existing).catch((error: unknown) => error));
    expect(problem.code).toBe('FILE_EXISTS');
    wordedForBoth(problem, /--force/);
  });

  it('a passphrase that does not open the key: --passphrase-file headless, type it again in the app', () => {
    wordedForBoth(wrongPassphrase(), /--passphrase-file/);
    expect(fixInApp(wrongPassphrase())).toMatch(/type it again/);
  });

  it('an encrypted key for an upload: iamcert convert headless, Inspect and Prepare in the app', async () => {
    const encrypted = await finding(
      { certificate: fx.read('leaf.pem'), privateKey: fx.read('enc-pbes2.key'), chain: fx.read('chain.pem') },
      'KEY_ENCRYPTED',
    );
    wordedForBoth(encrypted, /iamcert convert/);
    expect(fixInApp(encrypted)).toMatch(/Inspect/);
  });

  it('a missing chain: --no-chain headless; the app, which cannot upload without one, names Prepare', async () => {
    const missing = await finding(
      { certificate: fx.read('leaf.pem'), privateKey: fx.read('rsa2048.key') },
      'CHAIN_MISSING',
    );
    wordedForBoth(missing, /--no-chain/);
  });

  it('an expired certificate: iamcert create headless, the Create screen in the app', async () => {
    const expired = await made('RSA-2048', { notAfter: new Date(Date.now() - 86_400_000) });
    const found = await finding(
      { certificate: expired.x509.toString(), privateKey: fx.read('rsa2048.key') },
      'CERT_EXPIRED',
    );
    wordedForBoth(found, /iamcert create/);
    expect(fixInApp(found)).toMatch(/Create/);
  });

  it('a fix carried into another problem keeps both wordings', async () => {
    const { IamcertError, fixOf } = await import('../../src/core/errors.js');
    const carried = new IamcertError({ code: 'X', message: 'y', ...fixOf(wrongPassphrase()) }).toProblem();
    expect(carried.appFix).toBe(wrongPassphrase().appFix);
  });
});
