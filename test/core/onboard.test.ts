import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIamClients } from '../../src/core/iam/client.js';
import { runOnboarding, type OnboardRequest } from '../../src/core/onboard.js';
import type { StepState } from '../../src/core/onboard-steps.js';
import { motoClients, motoEndpoint, scriptedHandler, uniqueName } from '../helpers/iam.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-onboard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const aws = (...args: string[]) =>
  JSON.parse(execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json']).toString());

function request(overrides: Partial<OnboardRequest> = {}): OnboardRequest {
  const user = uniqueName('user');
  const outDir = join(work, user);
  return {
    userName: user,
    groupName: uniqueName('group'),
    policies: ['AmazonEC2ReadOnlyAccess'],
    accessKeyFile: join(outDir, 'keys.csv'),
    signing: { kind: 'create' },
    outDir,
    ...overrides,
  };
}

/** moto behind a handler that fails the first call of one IAM action, as a dropped connection would. */
function clientsFailingOnce(action: string) {
  let armed = true;
  const { handler, calls } = scriptedHandler((call) => {
    if (armed && call.action === action) {
      armed = false;
      return Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    }
    return 'pass';
  }, motoEndpoint());
  return { clients: createIamClients({ endpointUrl: motoEndpoint(), requestHandler: handler, maxAttempts: 1 }), calls };
}

describe('onboarding a user', () => {
  it('runs every step, and the AWS CLI sees the user, the group, the policy and an Active signing certificate matching the file', async () => {
    const plan = request();
    const seen: StepState[] = [];
    const result = await runOnboarding(motoClients(), plan, { onStep: (step) => seen.push(step) });
    expect(result.ok).toBe(true);
    expect(result.steps.map((step) => step.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done']);
    expect(seen.filter((step) => step.status === 'running')).toHaveLength(7);

    expect(
      aws('iam', 'get-group', '--group-name', plan.groupName).Users.map((user: { UserName: string }) => user.UserName),
    ).toEqual([plan.userName]);
    expect(
      aws('iam', 'list-attached-group-policies', '--group-name', plan.groupName).AttachedPolicies[0].PolicyName,
    ).toBe('AmazonEC2ReadOnlyAccess');
    const [certificate] = aws('iam', 'list-signing-certificates', '--user-name', plan.userName).Certificates;
    expect(certificate.Status).toBe('Active');
    expect(certificate.CertificateBody.trim()).toBe(readFileSync(result.certificatePath!, 'utf8').trim());

    const csv = readFileSync(plan.accessKeyFile!, 'utf8');
    expect(csv).toBe(
      `Access key ID,Secret access key\n${result.accessKey!.accessKeyId},${result.accessKey!.secretAccessKey}\n`,
    );
    expect(statSync(plan.accessKeyFile!).mode & 0o777).toBe(0o600);
    expect(statSync(result.keyPath!).mode & 0o777).toBe(0o600);
    expect(readFileSync(result.keyPath!, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(result.exportLines).toEqual([
      `export EC2_PRIVATE_KEY=${result.keyPath}`,
      `export EC2_CERT=${result.certificatePath}`,
    ]);
  });

  it.each(['CreateUser', 'AddUserToGroup', 'CreateAccessKey', 'UploadSigningCertificate'])(
    'stops cleanly when %s fails, says what exists, and resumes with nothing duplicated or lost',
    async (failingAction) => {
      const plan = request();
      const broken = clientsFailingOnce(failingAction);
      const first = await runOnboarding(broken.clients, plan);
      expect(first.ok).toBe(false);
      const failed = first.steps.find((step) => step.status === 'failed')!;
      expect(failed.problem).toMatchObject({ code: 'UNREACHABLE' });
      const failedIndex = first.steps.indexOf(failed);
      expect(first.steps.slice(0, failedIndex).every((step) => step.status === 'done')).toBe(true);
      expect(first.steps.slice(failedIndex + 1).every((step) => step.status === 'pending')).toBe(true);
      const keyIdBefore = existsSync(plan.accessKeyFile!) ? readFileSync(plan.accessKeyFile!, 'utf8') : undefined;

      const second = await runOnboarding(motoClients(), plan);
      expect(second.ok).toBe(true);
      expect(second.steps.slice(0, failedIndex).every((step) => step.status === 'reused')).toBe(true);

      expect(
        aws('iam', 'list-users').Users.filter((user: { UserName: string }) => user.UserName === plan.userName),
      ).toHaveLength(1);
      expect(aws('iam', 'list-access-keys', '--user-name', plan.userName).AccessKeyMetadata).toHaveLength(1);
      expect(aws('iam', 'list-signing-certificates', '--user-name', plan.userName).Certificates).toHaveLength(1);
      if (keyIdBefore) expect(readFileSync(plan.accessKeyFile!, 'utf8')).toBe(keyIdBefore);
      const third = await runOnboarding(motoClients(), plan);
      expect(third.steps.map((step) => step.status)).toEqual([
        'reused',
        'reused',
        'reused',
        'reused',
        'reused',
        'reused',
        'done',
      ]);
    },
  );

  it('uploads a certificate from a file, or skips the certificate and the access key', async () => {
    const fromFile = request({ signing: { kind: 'file', path: fx.path('selfsigned.pem') }, policies: [] });
    const result = await runOnboarding(motoClients(), fromFile);
    expect(result.ok).toBe(true);
    expect(result.exportLines).toEqual([`export EC2_CERT=${fx.path('selfsigned.pem')}`]);
    const skipped = await runOnboarding(
      motoClients(),
      request({ signing: { kind: 'skip' }, accessKeyFile: undefined, policies: [] }),
    );
    expect(skipped.steps.map((step) => step.status)).toEqual([
      'done',
      'skipped',
      'done',
      'done',
      'skipped',
      'skipped',
      'skipped',
    ]);
  });

  it('refuses bad input before any call, on the step it is about', async () => {
    const { handler, calls } = scriptedHandler(() => 'pass', motoEndpoint());
    const clients = createIamClients({ endpointUrl: motoEndpoint(), requestHandler: handler, maxAttempts: 1 });
    const badName = await runOnboarding(clients, request({ userName: 'has space' }));
    expect(badName.steps.find((step) => step.id === 'user')!.problem?.code).toBe('USER_NAME_INVALID');
    expect(badName.steps.find((step) => step.id === 'group')!.status).toBe('pending');
    const keyAsCertificate = await runOnboarding(
      clients,
      request({ signing: { kind: 'file', path: fx.path('rsa2048.key') } }),
    );
    expect(keyAsCertificate.steps.find((step) => step.id === 'signing-certificate')!.problem?.code).toBe(
      'CERT_IS_PRIVATE_KEY',
    );
    expect(keyAsCertificate.steps.find((step) => step.id === 'group')!.status).toBe('pending');
    expect(calls).toEqual([]);
  });

  it('never creates an access key it could not save', async () => {
    const plan = request({ policies: [] });
    const clients = motoClients();
    const blocker = join(work, uniqueName('blocker'));
    execFileSync('sh', ['-c', `echo not-a-csv > ${blocker}`]);
    const result = await runOnboarding(clients, { ...plan, accessKeyFile: blocker });
    expect(result.steps.find((step) => step.id === 'access-key')!.problem?.code).toBe('ACCESS_KEY_FILE_EXISTS');
    expect(aws('iam', 'list-access-keys', '--user-name', plan.userName).AccessKeyMetadata).toHaveLength(0);
  });
});
