import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = motoEnvironment();

/** One line on stderr: its code, what happened, and the fix; never UNEXPECTED, never a stack. */
function expectCodedLine(result: CliResult, code: string): string {
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error ${code}: .+ Fix: .+`));
  expect(result.code).toBe(1);
  return lines[0]!;
}

describe('create refuses what it cannot make, before writing anything', () => {
  it.each([
    [['--days', 'abc'], 'DAYS_INVALID'],
    [['--subject', '/FOO=bar'], 'SUBJECT_INVALID'],
    [['--subject', '/CN=x/C=USA'], 'SUBJECT_INVALID'],
    [['--san', ''], 'SAN_INVALID'],
    [['--san', 'www.example.com', 'a b'], 'SAN_INVALID'],
  ])('%j is %s', async (args, code) => {
    const outDir = join(work, `create-${code}-${args.join('').replace(/\W/g, '')}`);
    expectCodedLine(await runCli(['create', '--out-dir', outDir, ...args]), code);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('connection and onboarding requests', () => {
  it('an endpoint that is not a URL', async () => {
    expectCodedLine(await runCli(['list', '--endpoint-url', 'not a url'], { env }), 'ENDPOINT_INVALID');
  });

  it('a user name IAM would refuse is named before any call', async () => {
    const line = expectCodedLine(
      await runCli(['onboard', '--user', 'bad user', '--group', 'g', '--endpoint-url', motoEndpoint()], { env }),
      'USER_NAME_INVALID',
    );
    expect(line).toContain('"bad user"');
  });

  it('a file in the way of the access-key CSV is named, with a fix onboard accepts', async () => {
    const csv = join(work, 'not-a-csv.txt');
    writeFileSync(csv, 'my notes');
    const result = await runCli(
      [
        'onboard',
        '--user',
        uniqueName('csv'),
        '--group',
        uniqueName('g'),
        '--access-key-file',
        csv,
        '--signing-cert',
        'none',
        '--endpoint-url',
        motoEndpoint(),
      ],
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ACCESS_KEY_FILE_EXISTS: .* Fix: Move it aside, or give another --access-key-file/);
    expect(result.stderr).not.toContain('--force');
  });

  it('a CSV whose key the user no longer has is called stale, with a fix onboard accepts', async () => {
    const csv = join(work, 'stale.csv');
    writeFileSync(csv, 'Access key ID,Secret access key\nAKIAGONEGONEGONE1234,secret\n');
    const result = await runCli(
      [
        'onboard',
        '--user',
        uniqueName('stale'),
        '--group',
        uniqueName('g'),
        '--access-key-file',
        csv,
        '--signing-cert',
        'none',
        '--endpoint-url',
        motoEndpoint(),
      ],
      { env },
    );
    expect(result.stderr).toMatch(/ACCESS_KEY_FILE_STALE: .*AKIAGONEGONEGONE1234.* Fix: Move .* aside/);
    expect(result.stderr).not.toContain('--force');
  });
});

describe('check and upload agree on IAM rules', () => {
  it('--cloudfront without --path is refused: "/" is never seen by CloudFront', async () => {
    const result = await runCli([
      'check',
      '--cert',
      fx.path('selfsigned.pem'),
      '--key',
      fx.path('rsa2048.key'),
      '--cloudfront',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/PATH_CLOUDFRONT/);
  });

  it('a CA-issued certificate without its chain: refused, saying why, unless --no-chain', async () => {
    const refused = await runCli(['check', '--cert', fx.path('leaf.pem'), '--key', fx.path('rsa2048.key')]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /CHAIN_MISSING: .*IAM would take it, but browsers and CloudFront would not trust it.* --no-chain/,
    );
    const knowingly = await runCli([
      'check',
      '--cert',
      fx.path('leaf.pem'),
      '--key',
      fx.path('rsa2048.key'),
      '--no-chain',
    ]);
    expect(knowingly.code).toBe(0);
    expect(knowingly.stdout).toMatch(/! warning CHAIN_MISSING/);
    const name = uniqueName('no-chain');
    const uploaded = await runCli(
      [
        'upload',
        '--name',
        name,
        '--cert',
        fx.path('leaf.pem'),
        '--key',
        fx.path('rsa2048.key'),
        '--no-chain',
        '--endpoint-url',
        motoEndpoint(),
      ],
      { env },
    );
    expect(uploaded.code, uploaded.stderr).toBe(0);
  });

  it('text outside the PEM blocks is a note for check, as upload strips it', async () => {
    const result = await runCli([
      'check',
      '--cert',
      fx.path('text-dump.pem'),
      '--key',
      fx.path('rsa2048.key'),
      '--chain',
      fx.path('chain.pem'),
    ]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/· note CERT_EXTRA_TEXT/);
  });
});

describe('a reader that goes away', () => {
  it('iamcert … | head ends quietly: no stack trace, whatever was left to print', async () => {
    // More output than a pipe holds, so the pipe is closed while iamcert still writes.
    const files = Array.from({ length: 400 }, () => fx.path('chain.pem'));
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('../helpers/cli.js');
    const run = spawnSync('sh', ['-c', `"$0" inspect "$@" | head -c 20`, CLI, ...files], { env, encoding: 'utf8' });
    expect(run.stdout).toHaveLength(20);
    expect(run.stderr).toBe('');
  });
});

describe('a certificate name IAM could never hold is refused before AWS is asked', () => {
  const long = 'a'.repeat(300);
  it.each([
    ['get, 300 characters', ['get', long]],
    ['delete, 300 characters', ['delete', long, '--yes']],
    ['usage, 300 characters', ['usage', long, '--regions', 'us-east-1']],
    ['rotate, 300 characters', ['rotate', long, '--to', 'www-next']],
    ['rotate --to with a space', ['rotate', 'www', '--to', 'www next']],
    ['rename --new-name, 300 characters', ['rename', 'www', '--new-name', long]],
  ])('%s: NAME_INVALID, the name shortened, not FILE_NOT_READABLE', async (_what, args) => {
    const line = expectCodedLine(await runCli([...args, '--endpoint-url', motoEndpoint()], { env }), 'NAME_INVALID');
    expect(line.length).toBeLessThan(220);
  });
});
