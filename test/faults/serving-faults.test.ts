import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { iamError, iamOk, motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import { certificateFiles, servingWorld } from '../helpers/serving.js';

/**
 * Fail closed: a served certificate in moto, and a proxy in front that spoils one answer of one service (an empty or
 * HTML 200, a page marker that repeats, a hostile name). Each decision that destroys or gates must refuse and say
 * what it could not check; what AWS holds afterwards is read with the AWS CLI, straight from moto.
 */
let proxy: FaultProxy;
let world: ReturnType<typeof servingWorld>;
const files = certificateFiles(['www.faults.example']);
const idleFiles = certificateFiles(['idle.faults.example']);
const cdnFiles = certificateFiles(['cdn.faults.example']);
const newFiles = certificateFiles(['www.faults.example'], { days: 400 });
const journal = mkdtempSync(join(tmpdir(), 'iamcert-faults-journal-'));
const env = { ...motoEnvironment(), AWS_DEFAULT_REGION: 'us-east-1', IAMCERT_HOME: journal };
const iamcert = (...args: string[]) => runCli([...args, '--endpoint-url', proxy.endpoint], { env });

beforeAll(async () => {
  proxy = await startFaultProxy(motoEndpoint());
  world = servingWorld(motoEndpoint());
}, 60_000);
afterAll(() => proxy.close());
afterEach(() => {
  proxy.rules.length = 0;
});

/** A certificate an ALB in us-east-1 serves as its default. */
async function served(): Promise<{ name: string; arn: string; listener: string }> {
  const name = uniqueName('served');
  const { arn } = world.upload(name, files);
  const { listener } = await world.alb(arn);
  return { name, arn, listener };
}

/** Rotates OLD to the new files under the name NEXT, retiring OLD by deleting it; EXTRA is any flag more. */
const rotateToNewFiles = (old: string, next: string, ...extra: string[]) =>
  iamcert(
    'rotate',
    old,
    '--cert',
    newFiles.cert,
    '--key',
    newFiles.key,
    '--name',
    next,
    '--retire',
    'delete',
    ...extra,
    '--yes',
  );

const EC2_REGIONS = { action: 'DescribeRegions' } as const;
const ELBV2_BALANCERS = { action: 'DescribeLoadBalancers', version: '2015-12-01' } as const;

describe('a served certificate is never deleted on a bad answer', () => {
  it.each([
    ['DescribeRegions, an empty 200', { ...EC2_REGIONS, fault: 'empty-200' as const }],
    ['DescribeRegions, an HTML 200', { ...EC2_REGIONS, fault: 'html-200' as const }],
    ['DescribeLoadBalancers (ALB/NLB) in us-east-1, an empty 200', { ...ELBV2_BALANCERS, fault: 'empty-200' as const }],
  ])('%s: delete --yes is refused, naming what it could not check', async (_what, rule) => {
    const certificate = await served();
    proxy.rules.push({ ...rule, times: Infinity });
    const result = await iamcert('delete', certificate.name, '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/CERTIFICATE_IN_USE|USAGE_UNKNOWN/);
    expect(world.serverCertificateNames()).toContain(certificate.name);
  });

  it('ListDistributions answering an HTML 200: a certificate no load balancer serves is not deleted either', async () => {
    // What CloudFront serves could not be seen, so it may be serving this one.
    const name = uniqueName('cdn');
    world.upload(name, cdnFiles);
    proxy.rules.push({ path: /\/distribution/, fault: 'html-200', times: Infinity });
    const result = await iamcert('delete', name, '--yes', '--regions', 'us-east-1');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/USAGE_UNKNOWN.*CloudFront \(ANSWER_NOT_FROM_AWS\)/);
    expect(world.serverCertificateNames()).toContain(name);
  });
});

describe('usage says when it could not look everywhere', () => {
  it('one region answering DescribeLoadBalancers with an empty 200: exit 3, the region named, nothing called UNUSED', async () => {
    const idle = uniqueName('idle');
    world.upload(idle, idleFiles);
    proxy.rules.push({ ...ELBV2_BALANCERS, region: 'eu-west-1', fault: 'empty-200', times: Infinity });
    const text = await iamcert('usage', idle, '--regions', 'us-east-1,eu-west-1');
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(
      /Could not look at: application and network load balancers in eu-west-1 \(EMPTY_ANSWER\)/,
    );
    expect(text.stdout).not.toMatch(/UNUSED/);
    expect(text.stdout).toMatch(/USAGE_UNKNOWN/);
    const json = await iamcert('usage', idle, '--regions', 'us-east-1,eu-west-1', '--json');
    expect(json.code).toBe(3);
    const map = JSON.parse(json.stdout) as {
      complete: boolean;
      notes: Array<{ where: string }>;
      certificates: Array<{ findings: Array<{ code: string }> }>;
    };
    expect(map.complete).toBe(false);
    expect(map.notes.map((note) => note.where)).toEqual(['application and network load balancers in eu-west-1']);
    expect(map.certificates[0]!.findings.map((finding) => finding.code)).toEqual(['USAGE_UNKNOWN']);
    // Every place answered: the same certificate is UNUSED, exit 0.
    proxy.rules.length = 0;
    const clean = await iamcert('usage', idle, '--regions', 'us-east-1,eu-west-1', '--json');
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.stdout) as typeof map).certificates[0]!.findings.map((finding) => finding.code)).toEqual([
      'UNUSED',
    ]);
  });
});

describe('a wait is never silent', () => {
  it('a load balancer listing that never answers: usage tells the wait as it goes, then names the region, exit 3', async () => {
    const idle = uniqueName('idle');
    world.upload(idle, idleFiles);
    proxy.rules.push({ ...ELBV2_BALANCERS, region: 'eu-west-1', fault: 'slow', times: Infinity });
    const result = await runCli(['usage', idle, '--regions', 'us-east-1,eu-west-1', '--endpoint-url', proxy.endpoint], {
      env: { ...env, IAMCERT_TIMEOUT_MS: '1500', IAMCERT_WAIT_NOTICE_MS: '400' },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /No answer from Elastic Load Balancing in eu-west-1 \(DescribeLoadBalancers\) for \d+ s; still waiting, attempt 1 of 4…/,
    );
    expect(result.stderr).toMatch(
      /Elastic Load Balancing in eu-west-1 did not answer DescribeLoadBalancers cleanly; trying again \(attempt 2 of 4\)…/,
    );
    expect(result.stderr).not.toMatch(/IAM did not answer/);
    expect(result.stdout).toMatch(/Could not look at: application and network load balancers in eu-west-1 \(TIMEOUT\)/);
  });
});

describe('usage while someone else deletes', () => {
  it('a certificate deleted between the listing and its body is left out with a note; the rest is reported', async () => {
    world.upload(uniqueName('soon-gone'), idleFiles);
    const listed = world.serverCertificateNames().length;
    proxy.rules.push({
      action: 'GetServerCertificate',
      fault: 'answer',
      answer: iamError('NoSuchEntity', 'The Server Certificate cannot be found.', 404),
      times: 1,
    });
    const result = await iamcert('usage', '--regions', 'us-east-1', '--json');
    expect([0, 1]).toContain(result.code);
    expect(result.stderr).toMatch(/note: \S+ was deleted while usage ran; it is left out\./);
    expect((JSON.parse(result.stdout) as { certificates: unknown[] }).certificates).toHaveLength(listed - 1);
  });
});

describe('rotation never retires on what it could not see', () => {
  it('DescribeRegions answering an empty 200: the consumers move, the old certificate is not deleted', async () => {
    const old = await served();
    const next = uniqueName('next');
    proxy.rules.push({ ...EC2_REGIONS, fault: 'empty-200', times: Infinity });
    const result = await rotateToNewFiles(old.name, next);
    expect(result.code).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/not retired: what serves it could not be checked/);
    expect(world.serverCertificateNames()).toContain(old.name);
  });

  it('an empty DescribeListenerCertificates: rotating an SNI certificate leaves the listener default alone', async () => {
    const neighbour = world.upload(uniqueName('neighbour'), files);
    const sniName = uniqueName('sni');
    const sni = world.upload(sniName, files);
    const { listener } = await world.alb(neighbour.arn, [sni.arn]);
    proxy.rules.push({ action: 'DescribeListenerCertificates', fault: 'empty-200', times: Infinity });
    const result = await rotateToNewFiles(sniName, uniqueName('sni-next'), '--regions', 'us-east-1');
    expect(result.code).not.toBe(0);
    expect(world.listenerCertificates(listener).default).toBe(neighbour.arn);
    expect(world.serverCertificateNames()).toContain(sniName);
  });
});

describe('two rotations of one certificate at the same moment', () => {
  /**
   * The other run uploads the new certificate between this run's plan and its upload: IAM (moto accepts duplicate
   * names) is made to answer as AWS does, NoSuchEntity to the plan's look and EntityAlreadyExists to the upload.
   */
  function otherRunUploadsFirst(next: string): void {
    proxy.rules.push(
      {
        action: 'GetServerCertificate',
        when: (params) => params.get('ServerCertificateName') === next,
        fault: 'answer',
        answer: iamError('NoSuchEntity', `The Server Certificate with name ${next} cannot be found.`, 404),
        times: 1,
      },
      {
        action: 'UploadServerCertificate',
        fault: 'answer',
        answer: iamError('EntityAlreadyExists', `The Server Certificate with name ${next} already exists.`, 409),
        times: 1,
      },
    );
  }
  const rotate = (old: string, next: string) => rotateToNewFiles(old, next, '--regions', 'us-east-1');

  it('the other run uploaded the same certificate: this one uses it and finishes, advising nothing', async () => {
    const old = await served();
    const next = uniqueName('next');
    const uploaded = world.upload(next, newFiles);
    otherRunUploadsFirst(next);
    const result = await rotate(old.name, next);
    expect(result.code, result.stderr).toBe(0);
    expect(world.listenerCertificates(old.listener).default).toBe(uploaded.arn);
    expect(world.serverCertificateNames()).not.toContain(old.name);
  });

  it('a different certificate took the name: nothing is moved, and deleting the served one is never advised', async () => {
    const old = await served();
    const next = uniqueName('next');
    world.upload(next, idleFiles);
    otherRunUploadsFirst(next);
    const result = await rotate(old.name, next);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/NAME_TAKEN/);
    expect(result.stderr).not.toMatch(/delete the existing/);
    expect(world.listenerCertificates(old.listener).default).toBe(old.arn);
  });
});

describe('answers that loop or name files', () => {
  it('ListServerCertificates giving the same marker forever: list ends with PAGING_LOOPS', async () => {
    const page = iamOk(
      'ListServerCertificates',
      '<ServerCertificateMetadataList/><IsTruncated>true</IsTruncated><Marker>again</Marker>',
    );
    proxy.rules.push({ action: 'ListServerCertificates', fault: 'answer', answer: page, times: Infinity });
    const before = proxy.seen.length;
    const result = await iamcert('list');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PAGING_LOOPS/);
    // The second page repeats the marker the first gave: two calls, not eleven thousand.
    expect(proxy.seen.slice(before).filter((action) => action === 'ListServerCertificates')).toHaveLength(2);
  });

  it('GetServerCertificate naming ../.ec2/pk-amazon: get --out-dir writes nothing, inside the folder or out', async () => {
    const name = uniqueName('www');
    world.upload(name, files);
    const home = mkdtempSync(join(tmpdir(), 'iamcert-home-'));
    mkdirSync(join(home, 'exports'));
    const body = world.aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate
      .CertificateBody as string;
    const hostile = iamOk(
      'GetServerCertificate',
      `<ServerCertificate><ServerCertificateMetadata><ServerCertificateName>../.ec2/pk-amazon</ServerCertificateName><Path>/</Path><Arn>arn:aws:iam::123456789012:server-certificate/x</Arn><ServerCertificateId>ASCAX</ServerCertificateId><UploadDate>2026-01-01T00:00:00Z</UploadDate><Expiration>2036-01-01T00:00:00Z</Expiration></ServerCertificateMetadata><CertificateBody>${body}</CertificateBody></ServerCertificate>`,
    );
    proxy.rules.push({ action: 'GetServerCertificate', fault: 'answer', answer: hostile, times: Infinity });
    const result = await iamcert('get', name, '--out-dir', join(home, 'exports'), '--force');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ANSWER_NOT_FROM_AWS/);
    expect(readdirSync(join(home, 'exports'))).toEqual([]);
    expect(existsSync(join(home, '.ec2'))).toBe(false);
  });
});
