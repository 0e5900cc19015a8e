import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { motoEnvironment } from '../helpers/moto.js';
import { startPane } from '../helpers/tmux.js';
import { fixtures, PASSPHRASE } from '../helpers/use-fixtures.js';

/**
 * iamcert as someone installs it: the project packed as npm would publish it, the tarball installed into an empty
 * prefix, and the installed command run through its #! line, with `node …/cli.js` and no flags, and in tmux.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-package-'));
const prefix = join(work, 'prefix');
const bin = join(prefix, 'bin', 'iamcert');
const installed = join(prefix, 'lib', 'node_modules', 'iamcert', 'dist', 'cli.js');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
// Node itself, as PATH finds it: the #! line is `env node`.
const env = { ...motoEnvironment(), HOME: work, TERM: 'xterm-256color' };
const hasBusybox = spawnSync('busybox', ['--help']).status === 0;

beforeAll(() => {
  // dist is built by the test command; packing must not rebuild it under the other tests' feet.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, stdio: 'ignore' });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--offline', join(work, tarball)],
    { cwd: work, stdio: 'ignore', env },
  );
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the package, installed', () => {
  it('the built file starts with a #! line every env understands: #!/usr/bin/env node', () => {
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(readFileSync(installed, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('the installed iamcert answers --version through its #! line', () => {
    expect(execFileSync(bin, ['--version'], { env }).toString().trim()).toBe(version);
  });

  it('started as node …/cli.js with no flags, it opens an RC2-40 PFX (openssl pkcs12 -export -legacy)', () => {
    const passFile = join(work, 'passphrase');
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    const out = execFileSync(
      process.execPath,
      [installed, 'inspect', fx.path('legacy.p12'), '--passphrase-file', passFile],
      { env: { ...env, NODE_OPTIONS: '' } },
    ).toString();
    expect(out).toMatch(/private key RSA 2048, PKCS#8, encrypted \(opened with the passphrase\)/);
    expect(out).toMatch(/certificate/);
  });

  it.skipIf(!hasBusybox)("starts through BusyBox's env, as on Alpine", () => {
    // The kernel runs the #! interpreter with everything after it as one argument: BusyBox's env gets exactly that.
    const [, argument] = /^#!\S+\s+(.*)$/.exec(readFileSync(bin, 'utf8').split('\n')[0]!)!;
    const out = execFileSync('busybox', ['env', argument!, bin, '--version'], { env }).toString();
    expect(out.trim()).toBe(version);
  });

  it('opens the app to its first frame in a terminal, and q leaves it', async () => {
    const pane = startPane({ env: { ...env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' }, cwd: work });
    try {
      await pane.waitFor('e2e$');
      await pane.send(`${bin}; echo "exit code $?"`, { literal: true });
      await pane.send('Enter');
      await pane.waitFor('Create key & certificate');
      await pane.send('q');
      await pane.waitFor('exit code 0');
    } finally {
      pane.kill();
    }
  });
});

if (!hasBusybox)
  console.warn('SKIPPED: busybox is not installed (apt-get install busybox): the #! line was not tried with its env.');
