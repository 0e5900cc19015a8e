import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliResult } from '../helpers/cli.js';
import { motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import { fixtures, PASSPHRASE } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-security-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = motoEnvironment();
const passFile = join(work, 'pass.txt');
writeFileSync(passFile, PASSPHRASE);

/** Every 32-character run of a PEM body: enough to spot any piece of a key that leaked. */
function secretFragments(pem: string): string[] {
  const body = pem
    .split('\n')
    .filter((line) => !line.startsWith('-----') && !line.includes(':') && line.trim())
    .join('');
  const fragments: string[] = [];
  for (let start = 0; start + 32 <= body.length; start += 32) fragments.push(body.slice(start, start + 32));
  return fragments;
}

function expectNoLeak(result: CliResult, secrets: string[], label: string): void {
  const everything = result.stdout + result.stderr;
  for (const secret of secrets) expect(everything.includes(secret), `${label} leaked a secret`).toBe(false);
}

describe('secrets never reach output unless asked for', () => {
  it('no command prints key material or the passphrase', async () => {
    const keySecrets = [
      ...secretFragments(fx.text('rsa2048.key')),
      ...secretFragments(fx.text('rsa2048-pkcs1.key')),
      PASSPHRASE,
    ];
    const runs: Array<[string, string[]]> = [
      ['inspect key', ['inspect', fx.path('rsa2048.key')]],
      [
        'inspect --json pfx',
        ['inspect', '--json', '--passphrase-file', passFile, fx.path('modern.p12'), fx.path('enc-pbes2.key')],
      ],
      [
        'check',
        [
          'check',
          '--json',
          '--cert',
          fx.path('leaf.pem'),
          '--key',
          fx.path('rsa2048.key'),
          '--chain',
          fx.path('chain.pem'),
        ],
      ],
      ['check with key as cert', ['check', '--cert', fx.path('rsa2048.key'), '--key', fx.path('rsa2048.key')]],
      [
        'prepare',
        ['prepare', fx.path('modern.p12'), '--out-dir', join(work, 'prepared'), '--passphrase-file', passFile],
      ],
      [
        'convert to file',
        [
          'convert',
          fx.path('enc-pbes2.key'),
          '--to',
          'pem',
          '--out',
          join(work, 'plain.key'),
          '--passphrase-file',
          passFile,
        ],
      ],
      [
        'upload',
        [
          'upload',
          '--name',
          uniqueName('sec'),
          '--cert',
          fx.path('selfsigned.pem'),
          '--key',
          fx.path('rsa2048.key'),
          '--endpoint-url',
          motoEndpoint(),
        ],
      ],
      [
        'bad upload',
        [
          'upload',
          '--name',
          'x',
          '--cert',
          fx.path('rsa2048.key'),
          '--key',
          fx.path('rsa2048.key'),
          '--endpoint-url',
          motoEndpoint(),
        ],
      ],
    ];
    for (const [label, args] of runs) expectNoLeak(await runCli(args, { env }), keySecrets, label);
  });

  it('create and onboard keep the new key and the access-key secret out of stdout, stderr and JSON', async () => {
    const outDir = join(work, 'created');
    const created = await runCli(['create', '--out-dir', outDir, '--name', 'sec'], { env });
    expectNoLeak(created, secretFragments(readFileSync(join(outDir, 'pk-sec.pem'), 'utf8')), 'create');

    const user = uniqueName('sec-user');
    const onboardDir = join(work, user);
    const onboard = await runCli(
      [
        'onboard',
        '--user',
        user,
        '--group',
        uniqueName('sec-group'),
        '--out-dir',
        onboardDir,
        '--json',
        '--endpoint-url',
        motoEndpoint(),
      ],
      { env },
    );
    expect(onboard.code, onboard.stderr).toBe(0);
    const secret = readFileSync(join(onboardDir, `${user}_accessKeys.csv`), 'utf8')
      .trim()
      .split('\n')[1]!
      .split(',')[1]!;
    expectNoLeak(
      onboard,
      [secret, ...secretFragments(readFileSync(join(onboardDir, `pk-${user}.pem`), 'utf8'))],
      'onboard',
    );
  });

  it('a passphrase is refused on argv, in every spelling', async () => {
    for (const flag of ['--passphrase', '--password=x', '--passin', '--pass']) {
      const result = await runCli(['inspect', flag, 'hunter2', fx.path('enc-pbes2.key')]);
      expect(result.code, flag).toBe(2);
      expectNoLeak(result, ['hunter2'], flag);
    }
  });
});

describe('files on disk', () => {
  it('keys are 0600 and new folders 0700 even under umask 000', () => {
    const outDir = join(work, 'umask', 'nested');
    const run = spawnSync(
      'sh',
      [
        '-c',
        `umask 000 && "${CLI}" create --out-dir "${outDir}" --name open && "${CLI}" prepare "${fx.path('legacy.p12')}" --out-dir "${outDir}/prep" --passphrase-file "${passFile}"`,
      ],
      { env },
    );
    expect(run.status, run.stderr.toString()).toBe(0);
    expect(statSync(join(outDir, 'pk-open.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(outDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(work, 'umask')).mode & 0o777).toBe(0o700);
    expect(statSync(join(outDir, 'prep', 'private-key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(join(outDir, 'prep')).mode & 0o777).toBe(0o700);
  });

  it('nothing is overwritten without --force, and no key is written through a symlink', async () => {
    const outDir = join(work, 'guard');
    expect((await runCli(['create', '--out-dir', outDir])).code).toBe(0);
    const before = readFileSync(join(outDir, 'pk-amazon.pem'), 'utf8');
    expect((await runCli(['create', '--out-dir', outDir])).code).toBe(1);
    expect(readFileSync(join(outDir, 'pk-amazon.pem'), 'utf8')).toBe(before);
    const target = join(work, 'elsewhere.pem');
    writeFileSync(target, 'untouched');
    execFileSync('ln', ['-s', target, join(outDir, 'pk-linked.pem')]);
    const linked = await runCli(['create', '--out-dir', outDir, '--name', 'linked', '--force']);
    expect(linked.code).toBe(1);
    expect(linked.stderr).toMatch(/SYMLINK_REFUSED/);
    expect(readFileSync(target, 'utf8')).toBe('untouched');
  });

  it('a write that fails half-way leaves no temp file and removes the half already written', async () => {
    // Every target passes the checks, the key is written, then the certificate's folder cannot be made
    // (a file stands where it should be): the failure happens inside the write, not before it.
    const outDir = join(work, 'failing');
    const { writeFilesSafely } = await import('../../src/core/files/safe-write.js');
    execFileSync('mkdir', ['-p', outDir]);
    writeFileSync(join(outDir, 'blocker'), 'a file, not a folder');
    const writing = writeFilesSafely([
      { path: join(outDir, 'pk-b.pem'), data: 'key', secret: true },
      { path: join(outDir, 'blocker', 'cert-b.pem'), data: 'certificate' },
    ]);
    await expect(writing).rejects.toMatchObject({ code: 'NOT_A_FOLDER' });
    expect(readdirSync(outDir)).toEqual(['blocker']);
  });

  it('Ctrl-C at any moment of create leaves both files whole, or neither, and no temp file', async () => {
    const outcomes = new Set<string>();
    for (let run = 0; run < 8; run += 1) {
      const outDir = join(work, `interrupted-${run}`);
      const child = spawn(CLI, ['create', '--out-dir', outDir, '--name', 'x'], { stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise((resolve) => setTimeout(resolve, 40 + run * 50));
      child.kill('SIGINT');
      const code = await exited;
      const names = (() => {
        try {
          return readdirSync(outDir).sort();
        } catch {
          return [];
        }
      })();
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect([[], ['cert-x.pem', 'pk-x.pem']]).toContainEqual(names);
      if (names.length > 0) {
        execFileSync('openssl', ['pkey', '-in', join(outDir, 'pk-x.pem'), '-noout']);
        execFileSync('openssl', ['x509', '-in', join(outDir, 'cert-x.pem'), '-noout']);
      }
      outcomes.add(code === 0 ? 'finished' : 'interrupted');
    }
    expect(outcomes).toContain('interrupted');
  });
});
