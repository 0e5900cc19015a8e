import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import { openssl } from '../helpers/openssl.js';
import { certificateFiles, servingWorld } from '../helpers/serving.js';

const work = mkdtempSync(join(tmpdir(), 'iamcert-move-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = motoEnvironment();
const iamcert = (...args: string[]) =>
  runCli([...args, '--endpoint-url', motoEndpoint(), '--regions', 'us-east-1'], { env });

/** A folder of keys as people keep them: others beside it, the right one encrypted inside a PFX one level down. */
function keyFolder(files: { cert: string; key: string }, passphrase: string): string {
  const folder = join(work, uniqueName('keys'));
  mkdirSync(join(folder, 'old', 'nested'), { recursive: true });
  for (const index of [1, 2]) {
    const other = certificateFiles([`other${index}.example.com`]);
    copyFileSync(other.key, join(folder, `other${index}.key`));
  }
  writeFileSync(join(folder, 'notes.txt'), 'not a key\n');
  openssl([
    'pkcs12',
    '-export',
    '-in',
    files.cert,
    '-inkey',
    files.key,
    '-passout',
    `pass:${passphrase}`,
    '-out',
    join(folder, 'old', 'nested', 'www.pfx'),
  ]);
  return folder;
}

describe('moving an IAM certificate to ACM', () => {
  it('finds the key in a folder, imports it, and moves an ALB listener to the ACM ARN; a rerun has nothing left to do', async () => {
    const world = servingWorld(motoEndpoint());
    const name = uniqueName('www');
    const files = certificateFiles(['www.example.com']);
    const iamCertificate = world.upload(name, files);
    const neighbour = world.upload(uniqueName('neighbour'), certificateFiles(['api.example.com']));
    const alb = await world.alb(iamCertificate.arn, [neighbour.arn]);
    const folder = keyFolder(files, 'pfx secret');
    writeFileSync(join(work, 'pass'), 'pfx secret\n');

    const plan = await iamcert('move', name, '--key-folder', folder, '--passphrase-file', join(work, 'pass'));
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stderr).toMatch(/key\s+found in .*old\/nested\/www\.pfx/);
    expect(plan.stderr).toMatch(/import\s+into ACM in us-east-1/);
    expect(plan.stderr).toMatch(/move\s+ALB .* HTTPS:443, default/);
    expect(plan.stderr).toMatch(/Nothing was changed; run again with --yes/);
    expect(world.listenerCertificates(alb.listener).default).toBe(iamCertificate.arn);

    const moved = await iamcert(
      'move',
      name,
      '--key-folder',
      folder,
      '--passphrase-file',
      join(work, 'pass'),
      '--yes',
      '--json',
    );
    expect(moved.code, moved.stderr).toBe(0);
    const result = JSON.parse(moved.stdout);
    const acmArn: string = result.imports[0].arn;
    expect(acmArn).toMatch(/^arn:aws:acm:us-east-1:123456789012:certificate\//);
    const listener = world.listenerCertificates(alb.listener);
    expect(listener.default).toBe(acmArn);
    // The SNI neighbour stays, whatever ModifyListener does to the list.
    expect(listener.sni).toEqual([neighbour.arn]);
    const described = world.aws('acm', 'describe-certificate', '--certificate-arn', acmArn, '--region', 'us-east-1');
    expect(described.Certificate.DomainName).toBe('www.example.com');

    const again = await iamcert('move', name, '--key-folder', folder, '--passphrase-file', join(work, 'pass'), '--yes');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/import into ACM in us-east-1 \(already there\)/);
    expect(again.stdout).toMatch(/Moved 0 of 0 to ACM/);
  });

  it('without the key: names the folders searched and the locked files, and changes nothing', async () => {
    const world = servingWorld(motoEndpoint());
    const name = uniqueName('lost');
    const files = certificateFiles(['lost.example.com']);
    const iamCertificate = world.upload(name, files);
    const alb = await world.alb(iamCertificate.arn);
    const folder = keyFolder(files, 'unknown passphrase');
    const result = await iamcert('move', name, '--key-folder', folder, '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `error KEY_NOT_FOUND: No private key for "${name}" in ${folder} \\(\\d+ files read\\)\\. 1 encrypted file\\(s\\) could not be opened`,
      ),
    );
    expect(result.stderr).toMatch(/Fix: Give the passphrase of those files with --passphrase-file/);
    expect(world.listenerCertificates(alb.listener).default).toBe(iamCertificate.arn);
  });
});
