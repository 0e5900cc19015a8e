import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConvert } from '../../src/commands/convert.js';
import { runCli } from '../helpers/cli.js';
import { opensslCertSha256, opensslSpkiSha256, opensslText } from '../helpers/openssl.js';
import { fixtures, KEY_PASSWORD, PASSPHRASE, STORE_PASSWORD } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const passFile = join(work, 'pass.txt');
writeFileSync(passFile, `${PASSPHRASE}\nsecond line is ignored\n`);
const mode = (path: string) => statSync(path).mode & 0o777;

describe('iamcert --version, --help and usage errors', () => {
  it('prints the version and help, with exit 0', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    for (const command of ['', 'inspect', 'convert', 'prepare', 'check', 'create']) {
      const result = await runCli(command ? [command, '--help'] : ['--help']);
      expect(result.code, command).toBe(0);
      expect(result.stdout).toMatch(/Usage: iamcert/);
    }
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['bogus'])).code).toBe(2);
    expect((await runCli(['inspect'])).code).toBe(2);
    expect((await runCli(['convert', fx.path('leaf.pem'), '--to', 'txt'])).code).toBe(2);
  });

  it('never takes a passphrase on the command line', async () => {
    const result = await runCli(['inspect', '--passphrase', 'hunter2', fx.path('enc-pbes2.key')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--passphrase-file/);
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });

  it('without a terminal, the TUI says so plainly and exits non-zero', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/needs a terminal/);
  });
});

describe('iamcert inspect', () => {
  it("prints one JSON entry per file, in order, with openssl's digests", async () => {
    const result = await runCli([
      'inspect',
      '--json',
      '--passphrase-file',
      passFile,
      fx.path('modern.p12'),
      fx.path('leaf.der'),
      fx.path('missing.pem'),
    ]);
    expect(result.code).toBe(1);
    const [pfx, der, missing] = JSON.parse(result.stdout);
    expect(pfx).toMatchObject({
      file: fx.path('modern.p12'),
      container: 'pkcs12',
      matches: [{ key: 0, certificate: 1 }],
      chain: [1, 2, 3],
    });
    expect(pfx.items[0]).toMatchObject({
      type: 'private-key',
      keyAlgorithm: 'rsa',
      keySize: 2048,
      encoding: 'pkcs8',
      spkiSha256: opensslSpkiSha256(fx.path('rsa2048.key'), 'key'),
    });
    expect(pfx.items[1]).toMatchObject({
      type: 'certificate',
      sha256: opensslCertSha256(fx.path('leaf.pem')),
      selfSigned: false,
      keyAlgorithm: 'rsa',
      keySize: 2048,
    });
    expect(pfx.items[1].notAfter).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(der).toMatchObject({ container: 'der', items: [{ type: 'certificate' }] });
    expect(missing).toMatchObject({ file: fx.path('missing.pem'), error: { code: 'FILE_NOT_FOUND' } });
  });

  it('reads an encrypted key without its passphrase (exit 0), and a PFX without its password is a coded error', async () => {
    const locked = await runCli(['inspect', '--json', fx.path('enc-scrypt.key')]);
    expect(locked.code).toBe(0);
    const [entry] = JSON.parse(locked.stdout);
    expect(entry.items[0]).toMatchObject({ type: 'private-key', encrypted: true, encoding: 'pkcs8' });
    expect(entry.items[0].spkiSha256).toBeUndefined();
    const pfx = await runCli(['inspect', '--json', fx.path('modern.p12')]);
    expect(pfx.code).toBe(1);
    expect(JSON.parse(pfx.stdout)[0].error.code).toBe('PASSPHRASE_REQUIRED');
  });

  it('takes the passphrase from IAMCERT_PASSPHRASE', async () => {
    const result = await runCli(['inspect', '--json', fx.path('enc-legacy-des3.key')], {
      env: { IAMCERT_PASSPHRASE: PASSPHRASE },
    });
    expect(JSON.parse(result.stdout)[0].items[0].spkiSha256).toBe(opensslSpkiSha256(fx.path('rsa2048.key'), 'key'));
  });

  it('says expiry in words for people', async () => {
    const result = await runCli(['inspect', fx.path('leaf.pem'), fx.path('expired.pem')]);
    expect(result.stdout).toMatch(/expires in (1 year|1[0-3] months)/);
    expect(result.stdout).toMatch(/EXPIRED \d+ years? ago/);
    expect(result.stdout).not.toMatch(/BEGIN/);
  });
});

describe('iamcert convert', () => {
  it('writes a decrypted key to --out with mode 0600, readable by openssl', async () => {
    const out = join(work, 'plain.key');
    const result = await runCli([
      'convert',
      fx.path('enc-sha1-3des.key'),
      '--to',
      'pem',
      '--passphrase-file',
      passFile,
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(mode(out)).toBe(0o600);
    expect(opensslText(['pkey', '-in', out, '-noout', '-text'])).toMatch(/Private-Key: \(2048 bit/);
    expect(
      (
        await runCli([
          'convert',
          fx.path('enc-sha1-3des.key'),
          '--to',
          'pem',
          '--passphrase-file',
          passFile,
          '--out',
          out,
        ])
      ).code,
    ).toBe(1);
  });

  it('pipes certificates to stdout, but never a key or DER to a terminal', async () => {
    const piped = await runCli(['convert', fx.path('leaf.der'), '--to', 'pem']);
    expect(piped.stdout).toBe(readFileSync(fx.path('leaf.pem'), 'utf8'));
    const written: Buffer[] = [];
    const targets = { stdoutIsTerminal: true, writeStdout: (data: Buffer) => written.push(data) };
    const output = { out: () => undefined, err: () => undefined };
    await expect(runConvert(fx.path('rsa2048.key'), { to: 'pem' }, output, targets)).rejects.toMatchObject({
      code: 'KEY_TO_TERMINAL',
    });
    await expect(runConvert(fx.path('leaf.pem'), { to: 'der' }, output, targets)).rejects.toMatchObject({
      code: 'BINARY_TO_TERMINAL',
    });
    expect(written).toEqual([]);
  });
});

describe('iamcert prepare', () => {
  it('writes certificate.pem, private-key.pem (0600) and chain.pem from a PFX, each pure PEM', async () => {
    const outDir = join(work, 'prepared');
    const result = await runCli(['prepare', fx.path('legacy.p12'), '--out-dir', outDir, '--passphrase-file', passFile]);
    expect(result.code, result.stderr).toBe(0);
    expect(mode(join(outDir, 'private-key.pem'))).toBe(0o600);
    expect(mode(outDir)).toBe(0o700);
    expect(opensslCertSha256(join(outDir, 'certificate.pem'))).toBe(opensslCertSha256(fx.path('leaf.pem')));
    for (const name of ['certificate.pem', 'private-key.pem', 'chain.pem']) {
      expect(readFileSync(join(outDir, name), 'utf8'), name).toMatch(
        /^-----BEGIN [A-Z ]+-----\n[\s\S]*-----END [A-Z ]+-----\n$/,
      );
    }
    const check = await runCli([
      'check',
      '--cert',
      join(outDir, 'certificate.pem'),
      '--key',
      join(outDir, 'private-key.pem'),
      '--chain',
      join(outDir, 'chain.pem'),
    ]);
    expect(check.code, check.stdout).toBe(0);
    expect(
      opensslText([
        'verify',
        '-CAfile',
        fx.path('root.pem'),
        '-untrusted',
        join(outDir, 'chain.pem'),
        join(outDir, 'certificate.pem'),
      ]),
    ).toMatch(/OK/);
    const again = await runCli(['prepare', fx.path('legacy.p12'), '--out-dir', outDir, '--passphrase-file', passFile]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/FILE_EXISTS/);
    expect(
      (await runCli(['prepare', fx.path('legacy.p12'), '--out-dir', outDir, '--passphrase-file', passFile, '--force']))
        .code,
    ).toBe(0);
  });

  it('writes nothing and exits 1 for an expired certificate or a missing chain', async () => {
    for (const inputs of [
      ['expired.pem', 'rsa2048.key'],
      ['leaf.pem', 'rsa2048.key'],
    ]) {
      const outDir = join(work, `nothing-${inputs[0]}`);
      const result = await runCli(['prepare', ...inputs.map((name) => fx.path(name)), '--out-dir', outDir]);
      expect(result.code).toBe(1);
      expect(existsSync(outDir)).toBe(false);
    }
  });
});

describe('iamcert check', () => {
  it('exits 1 with one line per problem: code, message and fix', async () => {
    const result = await runCli([
      'check',
      '--cert',
      fx.path('rsa2048.key'),
      '--key',
      fx.path('rsa2048.key'),
      '--name',
      'bad name',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ error CERT_IS_PRIVATE_KEY: .+ Fix: .+$/m);
    expect(result.stdout).toMatch(/^✗ error NAME_INVALID: .+ Fix: .+$/m);
  });

  it('gives JSON findings', async () => {
    const result = await runCli([
      'check',
      '--json',
      '--cert',
      fx.path('selfsigned.pem'),
      '--key',
      fx.path('rsa2048.key'),
      '--path',
      '/cloudfront/',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, certificate: { selfSigned: true } });
  });
});

describe('iamcert create', () => {
  it('follows the classic recipe by default: ~/.ec2, pk-amazon.pem (PKCS#8, 0600), cert-amazon.pem, export lines', async () => {
    const home = join(work, 'home');
    const result = await runCli(['create'], { env: { HOME: home } });
    expect(result.code, result.stderr).toBe(0);
    const keyPath = join(home, '.ec2', 'pk-amazon.pem');
    const certPath = join(home, '.ec2', 'cert-amazon.pem');
    expect(result.stdout).toBe(`export EC2_PRIVATE_KEY=${keyPath}\nexport EC2_CERT=${certPath}\n`);
    expect(mode(keyPath)).toBe(0o600);
    expect(mode(join(home, '.ec2'))).toBe(0o700);
    expect(readFileSync(keyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(opensslText(['x509', '-in', certPath, '-noout', '-enddate', '-subject'])).toMatch(/subject=\s*$/m);
    expect(opensslText(['verify', '-CAfile', certPath, certPath])).toMatch(/OK/);
    expect((await runCli(['create'], { env: { HOME: home } })).code).toBe(1);
  });

  it('writes a CSR with --csr', async () => {
    const outDir = join(work, 'csr');
    const result = await runCli([
      'create',
      '--csr',
      '--out-dir',
      outDir,
      '--name',
      'web',
      '--subject',
      '/CN=www.example.com',
      '--key-type',
      'ec256',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(opensslText(['req', '-in', join(outDir, 'csr-web.pem'), '-noout', '-verify', '-subject'])).toContain(
      'CN = www.example.com',
    );
    expect(existsSync(join(outDir, 'pk-web.pem'))).toBe(true);
  });

  it('under npm start, a relative path is where the user started (INIT_CWD), not the clone npm runs in', async () => {
    const clone = join(work, 'clone');
    const user = join(work, 'user-folder');
    for (const folder of [clone, user]) mkdirSync(folder, { recursive: true });
    const args = ['create', '--csr', '--out-dir', 'keys', '--name', 'web', '--subject', '/CN=a.example.com'];
    const started = await runCli(args, { cwd: clone, env: { npm_lifecycle_event: 'start', INIT_CWD: user } });
    expect(started.code, started.stderr).toBe(0);
    expect(existsSync(join(user, 'keys', 'csr-web.pem'))).toBe(true);
    expect(existsSync(join(clone, 'keys'))).toBe(false);
    // Any other script (npm test) hands INIT_CWD down to processes that chose their own folder: it is not followed.
    const tested = await runCli(args, { cwd: clone, env: { npm_lifecycle_event: 'test', INIT_CWD: user } });
    expect(tested.code, tested.stderr).toBe(0);
    expect(existsSync(join(clone, 'keys', 'csr-web.pem'))).toBe(true);
  });
});

describe.skipIf(!fx.keystores)('iamcert prepare from a Java keystore (made by keytool)', () => {
  it('store and key passwords from their files: three files that OpenSSL accepts as a matching pair and a chain', async () => {
    const storeFile = join(work, 'store-password');
    const keyFile = join(work, 'key-password');
    writeFileSync(storeFile, `${STORE_PASSWORD}\n`);
    writeFileSync(keyFile, `${KEY_PASSWORD}\n`);
    const outDir = join(work, 'from-jks');
    const source = fx.path('own-key-password.jks');
    const asked = await runCli(['prepare', source, '--out-dir', outDir, '--passphrase-file', storeFile]);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/KEY_PASSPHRASE_NEEDED: The key entry "tomcat" has a password of its own/);
    expect(existsSync(outDir)).toBe(false);
    const result = await runCli([
      'prepare',
      source,
      '--out-dir',
      outDir,
      '--passphrase-file',
      storeFile,
      '--key-passphrase-file',
      keyFile,
      '--alias',
      'tomcat',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const [certificate, key, chain] = ['certificate.pem', 'private-key.pem', 'chain.pem'].map((name) =>
      join(outDir, name),
    );
    expect(mode(key!)).toBe(0o600);
    expect(opensslCertSha256(certificate!)).toBe(opensslCertSha256(fx.path('leaf.pem')));
    expect(opensslSpkiSha256(key!, 'key')).toBe(opensslSpkiSha256(certificate!, 'cert'));
    expect(opensslText(['verify', '-CAfile', chain!, certificate!])).toMatch(/: OK/);
    const inspected = await runCli(['inspect', source, '--passphrase-file', storeFile]);
    expect(inspected.stdout).toMatch(/Java keystore \(JKS\), 5 items/);
    expect(inspected.stdout).toMatch(/alias {7}rootca/);
  });
});
