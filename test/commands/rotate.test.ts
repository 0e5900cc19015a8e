import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { iamOk, motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import {
  buildRotationWorld,
  certificateFiles,
  expectRotated,
  servingWorld,
  type RotationWorld,
} from '../helpers/serving.js';

/**
 * iamcert rotate against real load balancers in a moto of its own (moto gives every server
 * certificate the same ID, and the other tests' certificates must not look served), checked with
 * the AWS CLI. The world is the issue's: a classic ELB and an ALB with the certificate as default,
 * and a second ALB serving it as an SNI certificate beside its own default.
 */
let proxy: FaultProxy;
let world: ReturnType<typeof servingWorld>;
/** The SNI neighbour every world shares: moto, like IAM, holds at most 20 server certificates. */
let other: { arn: string; id: string };
beforeAll(async () => {
  proxy = await startFaultProxy(motoEndpoint());
  world = servingWorld(motoEndpoint());
  other = world.upload(uniqueName('api'), otherFiles);
}, 60_000);
afterAll(async () => {
  await proxy.close();
});

const journal = mkdtempSync(join(tmpdir(), 'iamcert-journal-'));
const env = { ...motoEnvironment(), AWS_DEFAULT_REGION: 'us-east-1', IAMCERT_HOME: journal };
const iamcert = (endpoint: string, ...args: string[]) => runCli([...args, '--endpoint-url', endpoint], { env });
const oldFiles = certificateFiles(['www.rotate.example', 'rotate.example'], { days: 20 });
const newFiles = certificateFiles(['www.rotate.example', 'rotate.example'], { days: 400 });
const otherFiles = certificateFiles(['api.rotate.example']);

const build = () => buildRotationWorld(world, oldFiles, other);
const rotateArgs = (w: RotationWorld) => [
  'rotate',
  w.old,
  '--cert',
  newFiles.cert,
  '--key',
  newFiles.key,
  '--name',
  w.next,
  '--retire',
  'delete',
  '--regions',
  'us-east-1',
];

describe('iamcert rotate', () => {
  it('shows the map, refuses to delete the shared certificate, plans, then swaps all three and retires the old one', async () => {
    const w = await build();
    const usage = await iamcert(motoEndpoint(), 'usage', w.old, '--regions', 'us-east-1');
    expect(usage.stdout).toContain(`ELB ${w.classic} (us-east-1) HTTPS:443`);
    expect(usage.stdout).toContain(`ALB ${w.albDefault.name} (us-east-1) HTTPS:443, default`);
    expect(usage.stdout).toContain(`ALB ${w.albSni.name} (us-east-1) HTTPS:443, SNI`);
    const refused = await iamcert(motoEndpoint(), 'delete', w.old, '--yes', '--regions', 'us-east-1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('CERTIFICATE_IN_USE');

    const plan = await iamcert(motoEndpoint(), ...rotateArgs(w), '--plan');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(`Rotate ${w.old} → ${w.next} in account 123456789012`);
    expect(plan.stdout).toContain(`ELB ${w.classic} (us-east-1) HTTPS:443  [SetLoadBalancerListenerSSLCertificate]`);
    expect(plan.stdout).toContain(`ALB ${w.albDefault.name} (us-east-1) HTTPS:443, default  [ModifyListener]`);
    expect(plan.stdout).toContain(
      `ALB ${w.albSni.name} (us-east-1) HTTPS:443, SNI  [AddListenerCertificates, RemoveListenerCertificates]`,
    );
    expect(plan.stdout).toContain(`Then, once nothing serves it: delete ${w.old}.`);
    const unasked = await iamcert(motoEndpoint(), ...rotateArgs(w));
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('Nothing was changed. Run again with --yes');
    // Neither the plan nor the unconfirmed run changed anything.
    expect(world.classicCertificate(w.classic)).toBe(w.oldCert.arn);
    expect(world.serverCertificateNames()).not.toContain(w.next);

    const run = await iamcert(motoEndpoint(), ...rotateArgs(w), '--yes');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`✓ Upload ${w.next}`);
    expect(run.stdout).toContain(`✓ Nothing serves ${w.old} any more`);
    expect(run.stdout).toContain(`✓ Delete ${w.old}`);
    expectRotated(world, w);
    const again = await iamcert(motoEndpoint(), ...rotateArgs(w), '--yes');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing left to do');
  });

  it('swapping a default certificate keeps every SNI certificate of that listener', async () => {
    const old = uniqueName('dflt');
    const oldCert = world.upload(old, oldFiles);
    const sni = [other.arn, world.upload(uniqueName('sni-b'), otherFiles).arn].sort();
    const alb = await world.alb(oldCert.arn, sni);
    const next = uniqueName('dflt-next');
    const run = await iamcert(
      motoEndpoint(),
      'rotate',
      old,
      '--cert',
      newFiles.cert,
      '--key',
      newFiles.key,
      '--name',
      next,
      '--retire',
      'keep',
      '--regions',
      'us-east-1',
      '--yes',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(world.listenerCertificates(alb.listener)).toEqual({ default: oldCert.arn.replace(old, next), sni });
    expect(world.serverCertificateNames()).toContain(old);
  });

  it('refuses, changing nothing, when a consumer cannot take the new key type', async () => {
    const old = uniqueName('rsa');
    const oldCert = world.upload(old, oldFiles);
    const classic = await world.classic(oldCert.arn);
    const big = certificateFiles(['www.rotate.example', 'rotate.example'], { bits: 4096 });
    const run = await iamcert(
      motoEndpoint(),
      'rotate',
      old,
      '--cert',
      big.cert,
      '--key',
      big.key,
      '--regions',
      'us-east-1',
      '--yes',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /error KEY_TYPE_NOT_ACCEPTED: ELB cannot serve a certificate with an RSA 4096 key\. Fix: Use RSA 2048/,
    );
    expect(world.classicCertificate(classic)).toBe(oldCert.arn);
  });

  it('retires by renaming with UpdateServerCertificate (a recorded IAM answer: moto has no such call)', async () => {
    const old = uniqueName('ren');
    const oldCert = world.upload(old, oldFiles);
    const classic = await world.classic(oldCert.arn);
    proxy.rules.length = 0;
    proxy.rules.push({
      action: 'UpdateServerCertificate',
      fault: 'answer',
      times: 1,
      answer: iamOk('UpdateServerCertificate'),
    });
    const before = proxy.requests.length;
    const run = await iamcert(
      proxy.endpoint,
      'rotate',
      old,
      '--cert',
      newFiles.cert,
      '--key',
      newFiles.key,
      '--name',
      `${old}-next`,
      '--regions',
      'us-east-1',
      '--yes',
    );
    expect(run.code, run.stderr).toBe(0);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const rename = proxy.requests.slice(before).find((params) => params.get('Action') === 'UpdateServerCertificate')!;
    expect(Object.fromEntries(rename)).toMatchObject({
      ServerCertificateName: old,
      NewServerCertificateName: `${old}-retired-${today}`,
    });
    expect(world.classicCertificate(classic)).toBe(oldCert.arn.replace(old, `${old}-next`));
    const record = JSON.parse(readFileSync(join(journal, 'rotations', '123456789012', `${old}.json`), 'utf8'));
    expect(record).toMatchObject({ mode: 'rename', as: `${old}-retired-${today}`, incoming: { name: `${old}-next` } });
  });
});

describe('iamcert rotate killed at every step boundary', () => {
  // Each call that changes something: the answer is held after AWS acted, and the process is killed.
  const boundaries = [
    'UploadServerCertificate',
    'SetLoadBalancerListenerSSLCertificate',
    'ModifyListener',
    'AddListenerCertificates',
    'RemoveListenerCertificates',
    'DeleteServerCertificate',
  ];

  function killedAt(action: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(CLI, [...args, '--endpoint-url', proxy.endpoint], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const seenBefore = proxy.seen.length;
      const timer = setInterval(() => {
        if (!proxy.seen.slice(seenBefore).includes(action)) return;
        clearInterval(timer);
        child.kill('SIGKILL');
      }, 20);
      child.on('exit', (code, signal) => {
        clearInterval(timer);
        if (signal === 'SIGKILL') resolve();
        else reject(new Error(`${action}: the run ended by itself (exit ${code}) before it was killed: ${stderr}`));
      });
    });
  }

  it.each(boundaries)(
    'killed once %s was sent, a rerun finishes: every consumer on the new certificate, nothing duplicated',
    async (action) => {
      const w = await build();
      proxy.rules.length = 0;
      proxy.rules.push({ action, fault: 'hold-after', times: 1 });
      await killedAt(action, [...rotateArgs(w), '--yes']);
      proxy.rules.length = 0;
      const rerun = await iamcert(proxy.endpoint, ...rotateArgs(w), '--yes');
      expect(rerun.code, rerun.stderr).toBe(0);
      expectRotated(world, w);
    },
  );

  it('an AddListenerCertificates answer lost after AWS added it: the SNI certificate is listed once, not twice', async () => {
    const w = await build();
    proxy.rules.length = 0;
    proxy.rules.push({ action: 'AddListenerCertificates', fault: 'reset-after', times: 1 });
    const run = await iamcert(proxy.endpoint, ...rotateArgs(w), '--yes');
    expect(run.code, run.stderr).toBe(0);
    expectRotated(world, w);
  });
});
