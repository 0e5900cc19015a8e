import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-iam-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = motoEnvironment();
const iamcert = (...args: string[]) => runCli([...args, '--endpoint-url', motoEndpoint()], { env });
const aws = (...args: string[]) =>
  JSON.parse(execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json'], { env }).toString());

describe('headless IAM commands against moto', () => {
  it('whoami names the account', async () => {
    const result = await iamcert('whoami', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ account: '123456789012', endpoint: motoEndpoint() });
  });

  it('upload, list --json, get --out-dir and delete, checked with the AWS CLI', async () => {
    const name = uniqueName('web');
    const prefix = `/${uniqueName('p')}/`;
    const upload = await iamcert(
      'upload',
      '--name',
      name,
      '--cert',
      fx.path('text-dump.pem'),
      '--key',
      fx.path('rsa2048.key'),
      '--chain',
      fx.path('chain.pem'),
      '--path',
      prefix,
    );
    expect(upload.code, upload.stderr).toBe(0);
    expect(
      aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate.CertificateBody.trim(),
    ).toBe(fx.text('leaf.pem').trim());

    const list = await iamcert('list', '--json', '--path-prefix', prefix);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining(['name', 'path', 'id', 'arn', 'uploadDate', 'expiration', 'expiryState']),
    );
    expect(rows[0]).toMatchObject({ name, path: prefix });

    const outDir = join(work, 'exported');
    const get = await iamcert('get', name, '--out-dir', outDir);
    expect(get.code).toBe(0);
    expect(get.stdout).toContain('CN=www.example.com');
    expect(get.stdout + get.stderr).toMatch(/never returns the private key/);
    expect(readFileSync(join(outDir, `${name}.pem`), 'utf8').trim()).toBe(fx.text('leaf.pem').trim());

    const refused = await iamcert('delete', name);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/123456789012/);
    expect(refused.stderr).toMatch(/Nothing serves it now/);
    const deleted = await iamcert('delete', name, '--yes');
    expect(deleted.code).toBe(0);
    expect(
      aws('iam', 'list-server-certificates').ServerCertificateMetadataList.map(
        (row: { ServerCertificateName: string }) => row.ServerCertificateName,
      ),
    ).not.toContain(name);
  });

  it('refuses a bad upload before any call, with the preflight code', async () => {
    const result = await iamcert(
      'upload',
      '--name',
      'bad name',
      '--cert',
      fx.path('selfsigned.pem'),
      '--key',
      fx.path('rsa2048.key'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error PREFLIGHT_NAME_INVALID: .+ Fix: .+$/m);
    expect(result.stderr).not.toMatch(/ {4}at /);
  });

  it('an unreachable endpoint is one line naming --endpoint-url', async () => {
    const result = await runCli(['list', '--endpoint-url', 'http://127.0.0.1:9'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').pop()).toMatch(
      /^error UNREACHABLE: Could not reach IAM at http:\/\/127\.0\.0\.1:9.*Fix: .*--endpoint-url/,
    );
  });

  it('signing upload/list/deactivate/delete for a user', async () => {
    const user = uniqueName('signer');
    aws('iam', 'create-user', '--user-name', user);
    const created = await runCli(['create', '--out-dir', join(work, user), '--name', user], { env });
    expect(created.code).toBe(0);
    const certPath = join(work, user, `cert-${user}.pem`);
    expect(
      (await iamcert('signing', 'upload', '--user', user, '--cert', join(work, user, `pk-${user}.pem`))).stderr,
    ).toMatch(/PRIVATE KEY/);
    const uploaded = JSON.parse(
      (await iamcert('signing', 'upload', '--user', user, '--cert', certPath, '--json')).stdout,
    );
    expect(uploaded).not.toHaveProperty('body');
    const list = JSON.parse((await iamcert('signing', 'list', '--user', user, '--json')).stdout);
    expect(list).toMatchObject([{ id: uploaded.id, status: 'Active' }]);
    const unconfirmed = await iamcert('signing', 'deactivate', '--user', user, '--id', uploaded.id);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/would deactivate signing certificate .* in account 123456789012.*\n.*--yes/);
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates[0].Status).toBe('Active');
    expect((await iamcert('signing', 'deactivate', '--user', user, '--id', uploaded.id, '--yes')).code).toBe(0);
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates[0].Status).toBe('Inactive');
    expect((await iamcert('signing', 'delete', '--user', user, '--id', uploaded.id)).code).toBe(2);
    expect((await iamcert('signing', 'delete', '--user', user, '--id', uploaded.id, '--yes')).code).toBe(0);
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates).toEqual([]);
  });

  it('signing create: a pair on disk, only the certificate in IAM, the EC2 exports; a second pair dated; no third', async () => {
    const user = uniqueName('signer');
    aws('iam', 'create-user', '--user-name', user);
    const outDir = join(work, `${user}-ec2`);
    const first = await iamcert('signing', 'create', '--user', user, '--out-dir', outDir);
    expect(first.code).toBe(0);
    const keyPath = join(outDir, `pk-${user}.pem`);
    const certPath = join(outDir, `cert-${user}.pem`);
    expect(first.stdout).toContain(`export EC2_PRIVATE_KEY=${keyPath}`);
    expect(first.stdout).toContain(`export EC2_CERT=${certPath}`);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    // OpenSSL as referee: the key and the certificate are a pair, the certificate good for 3650 days.
    const modulus = (args: string[]) => execFileSync('openssl', args).toString();
    expect(modulus(['rsa', '-in', keyPath, '-noout', '-modulus'])).toBe(
      modulus(['x509', '-in', certPath, '-noout', '-modulus']),
    );
    const held = aws('iam', 'list-signing-certificates', '--user-name', user).Certificates;
    expect(held).toHaveLength(1);
    expect(held[0].CertificateBody.trim()).toBe(readFileSync(certPath, 'utf8').trim());

    const second = JSON.parse(
      (await iamcert('signing', 'create', '--user', user, '--out-dir', outDir, '--json')).stdout,
    );
    expect(second.keyPath).toMatch(new RegExp(`pk-${user}-\\d{8}\\.pem$`));
    expect(second).not.toHaveProperty('body');
    expect(readFileSync(keyPath, 'utf8')).toMatch(/PRIVATE KEY/);

    const third = await iamcert('signing', 'create', '--user', user, '--out-dir', outDir);
    expect(third.code).not.toBe(0);
    expect(third.stderr).toMatch(/SIGNING_CERTIFICATE_LIMIT.*--yes/s);
    expect(readdirSync(outDir)).toHaveLength(4);
  });

  it('onboard creates everything, keeps the secret out of every output, and resumes', async () => {
    const user = uniqueName('newhire');
    const group = uniqueName('team');
    const outDir = join(work, user);
    const args = [
      'onboard',
      '--user',
      user,
      '--group',
      group,
      '--policy',
      'AmazonEC2ReadOnlyAccess',
      '--out-dir',
      outDir,
    ];
    const first = await iamcert(...args);
    expect(first.code, first.stderr).toBe(0);
    const csvPath = join(outDir, `${user}_accessKeys.csv`);
    const [, row] = readFileSync(csvPath, 'utf8').trim().split('\n');
    const [keyId, secret] = row!.split(',');
    expect(statSync(csvPath).mode & 0o777).toBe(0o600);
    expect(first.stdout).toBe(
      `export EC2_PRIVATE_KEY=${join(outDir, `pk-${user}.pem`)}\nexport EC2_CERT=${join(outDir, `cert-${user}.pem`)}\n`,
    );
    const privateKey = readFileSync(join(outDir, `pk-${user}.pem`), 'utf8');
    const keyBody = privateKey.split('\n')[1]!;
    for (const output of [first.stdout, first.stderr]) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(keyBody);
    }
    expect(first.stderr).toContain(keyId);

    const json = await iamcert(...args, '--json');
    expect(json.code).toBe(0);
    expect(json.stdout).not.toContain(secret);
    expect(
      JSON.parse(json.stdout).steps.every((step: { status: string }) => ['reused', 'done'].includes(step.status)),
    ).toBe(true);
    expect(aws('iam', 'list-access-keys', '--user-name', user).AccessKeyMetadata).toHaveLength(1);
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates).toHaveLength(1);
  });
});
