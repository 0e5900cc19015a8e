import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRotation } from '../../../src/core/rotation/plan.js';
import type { RotationRequest } from '../../../src/core/rotation/plan-types.js';
import { runRotation } from '../../../src/core/rotation/run.js';
import type { RotationStep } from '../../../src/core/rotation/steps.js';
import { createServingClients } from '../../../src/core/usage/serving-clients.js';
import { cloudFrontFake } from '../../helpers/cloudfront.js';
import {
  iamError,
  iamOk,
  motoClients,
  motoEndpoint,
  scriptedClients,
  scriptedHandler,
  uniqueName,
} from '../../helpers/iam.js';
import { motoEnvironment } from '../../helpers/moto.js';
import { certificateFiles } from '../../helpers/serving.js';

const journalHome = mkdtempSync(join(tmpdir(), 'iamcert-journal-'));
const env = { ...motoEnvironment(), AWS_DEFAULT_REGION: 'us-east-1' };
const aws = (...args: string[]) =>
  JSON.parse(
    execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json'], { env }).toString() || '{}',
  );
const oldFiles = certificateFiles(['www.rotate.example'], { days: 20 });
const newFiles = certificateFiles(['www.rotate.example'], { days: 400 });

function metadataXml(name: string, id: string, path: string, pem: string): string {
  return `<ServerCertificate><ServerCertificateMetadata><ServerCertificateName>${name}</ServerCertificateName><Path>${path}</Path><ServerCertificateId>${id}</ServerCertificateId><Arn>arn:aws:iam::123456789012:server-certificate${path}${name}</Arn><UploadDate>2026-01-01T00:00:00Z</UploadDate><Expiration>2027-01-01T00:00:00Z</Expiration></ServerCertificateMetadata><CertificateBody>${pem}</CertificateBody></ServerCertificate>`;
}

describe('rotating a CloudFront distribution (recorded CloudFront answers: moto lacks ETags and gives every certificate one ID)', () => {
  it('reads the config where the listing lacks ViewerCertificate, and after PreconditionFailed reads it again and writes with the fresh ETag, keeping SNI and the TLS policy', async () => {
    // IAM's answers for the two certificates, each with its own ID, as real IAM gives them.
    const { clients: iam } = scriptedClients((call) => {
      const name = call.params.get('ServerCertificateName');
      if (call.action === 'GetServerCertificate' && name === 'www-old')
        return iamOk(
          'GetServerCertificate',
          metadataXml('www-old', 'ASCAOLDOLDOLD', '/cloudfront/', readFileSync(oldFiles.cert, 'utf8')),
        );
      if (call.action === 'GetServerCertificate' && name === 'www-new')
        return iamOk(
          'GetServerCertificate',
          metadataXml('www-new', 'ASCANEWNEWNEW', '/cloudfront/', readFileSync(newFiles.cert, 'utf8')),
        );
      return iamError('NoSuchEntity', `The Server Certificate with name ${name} cannot be found.`, 404);
    });
    const fake = cloudFrontFake({
      id: 'E2ROTATE',
      aliases: ['www.rotate.example'],
      certificateId: 'ASCAOLDOLDOLD',
      etag: 'E1FIRST',
    });
    const serving = createServingClients({
      endpointUrl: 'http://127.0.0.1:9',
      requestHandler: fake.handler,
      maxAttempts: 1,
    });
    const request: RotationRequest = {
      old: 'www-old',
      to: { kind: 'existing', name: 'www-new' },
      retire: 'keep',
      account: '123456789012',
      regions: ['us-east-1'],
      journalHome,
    };

    const plan = await planRotation(iam, serving, request);
    expect(plan.swaps).toEqual([
      expect.objectContaining({ kind: 'CloudFront', name: 'E2ROTATE', domains: ['www.rotate.example'] }),
    ]);
    expect(plan.ready).toBe(true);
    fake.preconditionFailures = 1;
    const result = await runRotation(iam, serving, request, plan);
    expect(result.problem).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(fake.updates).toHaveLength(2);
    const [refused, accepted] = fake.updates;
    expect(refused!.ifMatch).toBe('E1FIRST');
    expect(accepted!.ifMatch).not.toBe('E1FIRST');
    expect(accepted!.body).toContain('<IAMCertificateId>ASCANEWNEWNEW</IAMCertificateId>');
    expect(accepted!.body).toContain('<SSLSupportMethod>sni-only</SSLSupportMethod>');
    expect(accepted!.body).toContain('<MinimumProtocolVersion>TLSv1.2_2021</MinimumProtocolVersion>');
    expect(accepted!.body).toContain('<CNAME>www.rotate.example</CNAME>');
    expect(fake.distribution.certificateId).toBe('ASCANEWNEWNEW');
  });

  it('stopped (Ctrl-C, Esc, leaving the screen) says that running it again finishes the job, not "nothing more to do"', async () => {
    const { clients: iam } = scriptedClients((call) => {
      const name = call.params.get('ServerCertificateName');
      return iamOk(
        'GetServerCertificate',
        name === 'www-old'
          ? metadataXml('www-old', 'ASCAOLDOLDOLD', '/cloudfront/', readFileSync(oldFiles.cert, 'utf8'))
          : metadataXml('www-new', 'ASCANEWNEWNEW', '/cloudfront/', readFileSync(newFiles.cert, 'utf8')),
      );
    });
    const fake = cloudFrontFake({
      id: 'E4',
      aliases: ['www.rotate.example'],
      certificateId: 'ASCAOLDOLDOLD',
      etag: 'E1',
    });
    const serving = createServingClients({
      endpointUrl: 'http://127.0.0.1:9',
      requestHandler: fake.handler,
      maxAttempts: 1,
    });
    const request: RotationRequest = {
      old: 'www-old',
      to: { kind: 'existing', name: 'www-new' },
      retire: 'keep',
      account: '123456789012',
      regions: ['us-east-1'],
      journalHome,
    };
    const plan = await planRotation(iam, serving, request);
    const stopped = new AbortController();
    stopped.abort();
    const result = await runRotation(iam, serving, request, plan, { signal: stopped.signal });
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({
      code: 'CANCELLED',
      fix: expect.stringContaining('it finishes what is left'),
    });
    expect(result.steps.find((step) => step.status === 'failed')?.label).toBe(
      'CloudFront E4 (www.rotate.example): www-old → www-new',
    );
    expect(fake.distribution.certificateId).toBe('ASCAOLDOLDOLD');
  });

  it("refuses a new certificate whose names do not cover the distribution's aliases, or that is not under /cloudfront/", async () => {
    const narrow = certificateFiles(['other.example'], { days: 400 });
    const { clients: iam } = scriptedClients((call) => {
      const name = call.params.get('ServerCertificateName');
      if (name === 'www-old')
        return iamOk(
          'GetServerCertificate',
          metadataXml('www-old', 'ASCAOLDOLDOLD', '/cloudfront/', readFileSync(oldFiles.cert, 'utf8')),
        );
      return iamOk('GetServerCertificate', metadataXml('narrow', 'ASCANARROW', '/', readFileSync(narrow.cert, 'utf8')));
    });
    const fake = cloudFrontFake({
      id: 'E3',
      aliases: ['www.rotate.example'],
      certificateId: 'ASCAOLDOLDOLD',
      etag: 'E1',
    });
    const serving = createServingClients({
      endpointUrl: 'http://127.0.0.1:9',
      requestHandler: fake.handler,
      maxAttempts: 1,
    });
    const plan = await planRotation(iam, serving, {
      old: 'www-old',
      to: { kind: 'existing', name: 'narrow' },
      retire: 'keep',
      account: '123456789012',
      regions: ['us-east-1'],
      journalHome,
    });
    expect(plan.ready).toBe(false);
    expect(plan.checks.map((check) => check.code)).toEqual(
      expect.arrayContaining(['NAMES_DO_NOT_COVER', 'CLOUDFRONT_PATH', 'NAMES_DROPPED']),
    );
  });
});

describe('an account at its server-certificate quota (#18)', () => {
  it('says so in the plan, before the typed confirmation, when the new certificate is to be uploaded', async () => {
    const { clients: iam } = scriptedClients((call) => {
      if (call.action === 'GetAccountSummary')
        return iamOk(
          'GetAccountSummary',
          '<SummaryMap><entry><key>ServerCertificates</key><value>20</value></entry><entry><key>ServerCertificatesQuota</key><value>20</value></entry></SummaryMap>',
        );
      if (call.params.get('ServerCertificateName') === 'www-old')
        return iamOk(
          'GetServerCertificate',
          metadataXml('www-old', 'ASCAOLDOLDOLD', '/cloudfront/', readFileSync(oldFiles.cert, 'utf8')),
        );
      return iamError('NoSuchEntity', 'The Server Certificate cannot be found.', 404);
    });
    const fake = cloudFrontFake({
      id: 'E3',
      aliases: ['www.rotate.example'],
      certificateId: 'ASCAOLDOLDOLD',
      etag: 'E1',
    });
    const serving = createServingClients({
      endpointUrl: 'http://127.0.0.1:9',
      requestHandler: fake.handler,
      maxAttempts: 1,
    });
    const plan = await planRotation(iam, serving, {
      old: 'www-old',
      to: {
        kind: 'files',
        certificate: readFileSync(newFiles.cert),
        privateKey: readFileSync(newFiles.key),
        allowMissingChain: true,
      },
      retire: 'keep',
      account: '123456789012',
      regions: ['us-east-1'],
      journalHome,
    });
    expect(plan.ready).toBe(false);
    const quota = plan.checks.find((check) => check.code === 'SERVER_CERTIFICATE_QUOTA');
    expect(quota).toMatchObject({ severity: 'error', message: expect.stringContaining('holds 20 of its 20') });
    expect(quota?.appFix).toContain('d deletes');
  });
});

describe('a load balancer that does not see a certificate just uploaded', () => {
  it('answers CertificateNotFound twice, then takes it: the run waits, says so, and finishes', async () => {
    const old = uniqueName('cnf');
    execFileSync(
      'aws',
      [
        'iam',
        'upload-server-certificate',
        '--server-certificate-name',
        old,
        '--certificate-body',
        `file://${oldFiles.cert}`,
        '--private-key',
        `file://${oldFiles.key}`,
        '--endpoint-url',
        motoEndpoint(),
      ],
      { env },
    );
    const arn = aws('iam', 'get-server-certificate', '--server-certificate-name', old).ServerCertificate
      .ServerCertificateMetadata.Arn;
    const balancer = uniqueName('cnf').slice(0, 32);
    aws(
      'elb',
      'create-load-balancer',
      '--load-balancer-name',
      balancer,
      '--listeners',
      `Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=${arn}`,
      '--availability-zones',
      'us-east-1a',
    );
    let refusals = 0;
    const { handler, calls } = scriptedHandler((call) => {
      if (call.action === 'SetLoadBalancerListenerSSLCertificate' && refusals < 2) {
        refusals += 1;
        return iamError(
          'CertificateNotFound',
          'The specified SSL ID does not refer to a valid SSL certificate in AWS Identity and Access Management (IAM).',
          400,
        );
      }
      return 'pass';
    }, motoEndpoint());
    const serving = createServingClients({ endpointUrl: motoEndpoint(), requestHandler: handler, maxAttempts: 1 });
    const iam = motoClients();
    const next = `${old}-next`;
    const request: RotationRequest = {
      old,
      to: {
        kind: 'files',
        name: next,
        certificate: readFileSync(newFiles.cert),
        privateKey: readFileSync(newFiles.key),
      },
      retire: 'keep',
      account: '123456789012',
      regions: ['us-east-1'],
      journalHome,
    };
    const plan = await planRotation(iam, serving, request);
    const seen: RotationStep[][] = [];
    const result = await runRotation(iam, serving, request, plan, {
      minDelaySeconds: 0.1,
      onProgress: (steps) => seen.push(steps),
    });
    expect(result.problem).toBeUndefined();
    expect(calls.filter((call) => call.action === 'SetLoadBalancerListenerSSLCertificate')).toHaveLength(3);
    const waits = seen.flat().filter((step) => step.detail?.includes('does not see'));
    expect(waits.map((step) => step.detail)).toContain(
      `Elastic Load Balancing does not see ${next} yet (IAM takes seconds to reach it); trying again, attempt 3, for up to 90 s.`,
    );
    expect(
      aws('elb', 'describe-load-balancers', '--load-balancer-names', balancer).LoadBalancerDescriptions[0]
        .ListenerDescriptions[0].Listener.SSLCertificateId,
    ).toBe(arn.replace(old, next));
  });
});
