import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliResult } from '../helpers/cli.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-edges-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A run that must end by itself; a hang fails the test instead of blocking the suite. */
function runBounded(args: string[], options: { shell?: string } = {}): Promise<CliResult & { hung: boolean }> {
  return new Promise((resolve) => {
    const child = options.shell
      ? spawn('bash', ['-c', options.shell], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(CLI, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let hung = false;
    const guard = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code: code ?? 1, stdout, stderr, hung });
    });
  });
}

describe('what is not a regular file is refused, never waited on', () => {
  it('inspect on a FIFO ends with a coded error', async () => {
    const fifo = join(work, 'cert.pem');
    execFileSync('mkfifo', [fifo]);
    const result = await runBounded(['inspect', fifo]);
    expect(result.hung).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/NOT_A_REGULAR_FILE/);
  });

  it('a passphrase file that is a FIFO or a device is refused', async () => {
    const fifo = join(work, 'pass-fifo');
    execFileSync('mkfifo', [fifo]);
    for (const passFile of [fifo, '/dev/zero']) {
      const result = await runBounded(['inspect', '--passphrase-file', passFile, fx.path('enc-pbes2.key')]);
      expect(result.hung, passFile).toBe(false);
      expect(result.stderr, passFile).toMatch(/^error PASSPHRASE_FILE_UNREADABLE: .*(pipe|device).* Fix: /);
    }
  });

  it('onboard --signing-cert /dev/zero is refused before any AWS call', async () => {
    const result = await runBounded([
      'onboard',
      '--user',
      'zero',
      '--group',
      'g',
      '--signing-cert',
      '/dev/zero',
      '--endpoint-url',
      'http://127.0.0.1:9',
    ]);
    expect(result.hung).toBe(false);
    expect(result.stderr).toMatch(/^error NOT_A_REGULAR_FILE: /);
  });

  it('/dev/stdin and - read what is piped in; a process substitution is named as a pipe', async () => {
    const cert = fx.path('selfsigned.pem');
    for (const name of ['-', '/dev/stdin']) {
      const piped = await runBounded([], { shell: `"${CLI}" inspect --json ${name} < "${cert}"` });
      expect(piped.code, name + piped.stderr).toBe(0);
      expect(JSON.parse(piped.stdout)[0].items[0].type).toBe('certificate');
    }
    const substituted = await runBounded([], { shell: `"${CLI}" inspect <(cat "${cert}")` });
    expect(substituted.hung).toBe(false);
    expect(substituted.stdout + substituted.stderr).toMatch(
      /NOT_A_REGULAR_FILE: .*pipe[\s\S]*Fix: Pass piped data on standard input as -/,
    );
  });
});

describe('no-clobber writes under a race', () => {
  it('two creates into one folder: one wins whole, the other refuses, nothing is mixed or lost', async () => {
    for (let round = 0; round < 15; round += 1) {
      const outDir = join(work, `race-${round}`);
      const [first, second] = await Promise.all([
        runCli(['create', '--out-dir', outDir, '--name', 'r']),
        runCli(['create', '--out-dir', outDir, '--name', 'r']),
      ]);
      const codes = [first.code, second.code].sort();
      expect(codes, `${first.stderr}${second.stderr}`).toEqual([0, 1]);
      expect((first.code === 1 ? first : second).stderr).toMatch(/FILE_EXISTS/);
      expect(readdirSync(outDir).sort()).toEqual(['cert-r.pem', 'pk-r.pem']);
      const keySpki = execFileSync('openssl', ['pkey', '-in', join(outDir, 'pk-r.pem'), '-pubout']).toString();
      const certSpki = execFileSync('openssl', [
        'x509',
        '-in',
        join(outDir, 'cert-r.pem'),
        '-noout',
        '-pubkey',
      ]).toString();
      expect(certSpki).toBe(keySpki);
    }
  });
});

describe('folders that cannot be written', () => {
  it('a dangling symlink as --out-dir is named, and nothing is made', async () => {
    const link = join(work, 'dangling');
    symlinkSync(join(work, 'nowhere', 'deeper'), link);
    const result = await runCli(['create', '--out-dir', link]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error DANGLING_LINK: .* Fix: /);
    expect(readdirSync(work)).not.toContain('nowhere');
  });

  it('a folder that may not be written is named with its fix', async () => {
    // sysfs refuses new entries even to root.
    const result = await runCli(['create', '--out-dir', '/sys/iamcert-test']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error (READ_ONLY_FOLDER|FOLDER_NOT_WRITABLE): .* Fix: Choose a folder you can write to/,
    );
  });

  it('a write that fails inside new folders leaves none of them behind', async () => {
    const outDir = join(work, 'fresh', 'n'.repeat(300));
    const result = await runCli(['create', '--out-dir', outDir]);
    expect(result.stderr).toMatch(/^error PATH_TOO_LONG: .* Fix: /);
    expect(readdirSync(work)).not.toContain('fresh');
  });
});

describe('flags', () => {
  it('a near-miss flag never echoes its value', async () => {
    for (const flag of ['--pw=hunter2', '--pass-phrase=hunter2', '--key-password=hunter2', '--token=hunter2']) {
      const result = await runCli(['inspect', flag, fx.path('selfsigned.pem')]);
      expect(result.code, flag).toBe(2);
      expect(result.stderr + result.stdout, flag).not.toContain('hunter2');
      expect(result.stderr, flag).toMatch(/unknown option/);
    }
  });
});

describe('text from outside never drives the terminal', () => {
  const hostileName = 'x\u001b]52;c;aGVsbG8=\u0007\u001b[2J\nforged: ok\u202e.pem';
  // eslint-disable-next-line no-control-regex -- the test looks for control characters in the output
  const ACTS_ON_TERMINAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('inspect shows a hostile file name escaped, on its own line, and JSON keeps it exact', async () => {
    const dir = join(work, 'hostile');
    mkdirSync(dir);
    const path = join(dir, hostileName);
    execFileSync('cp', [fx.path('selfsigned.pem'), path]);
    const text = await runCli(['inspect', path]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(ACTS_ON_TERMINAL);
    expect(text.stdout.split('\n').filter((line) => line.startsWith('forged'))).toEqual([]);
    const json = await runCli(['inspect', '--json', path]);
    expect(json.stdout).not.toMatch(ACTS_ON_TERMINAL);
    expect(JSON.parse(json.stdout)[0].file).toBe(path);
    const missing = await runCli(['check', '--cert', join(dir, 'nope\u001b[2J'), '--key', path]);
    expect(missing.stderr).toMatch(/^error FILE_NOT_FOUND: .*nope\\e\[2J/);
    expect(missing.stderr).not.toMatch(ACTS_ON_TERMINAL);
  });
});

describe('Ctrl-C and SIGTERM end a command while it is busy', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during a long passphrase derivation ends the run (exit %i), not after it', async (signal, code) => {
    const passFile = join(work, 'pass.txt');
    execFileSync('sh', ['-c', `printf '%s\\n' 'correct horse battery staple' > "${passFile}"`]);
    const child = spawn(CLI, ['inspect', '--passphrase-file', passFile, fx.path('firefox-like.p12')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(stdout).not.toContain('private key');
  });
});
