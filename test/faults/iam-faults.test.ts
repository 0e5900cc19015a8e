import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createIamClients } from '../../src/core/iam/client.js';
import { runOnboarding, signingPaths, type OnboardRequest } from '../../src/core/onboard.js';
import { realServices } from '../../src/app/real-services.js';
import { CLI, runCli } from '../helpers/cli.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../helpers/fault-proxy.js';
import { iamError, iamOk, motoEndpoint, scriptedHandler, uniqueName } from '../helpers/iam.js';
import { uploadServerCertificate } from '../../src/core/iam/server-certificates.js';
import { motoEnvironment } from '../helpers/moto.js';
import { renderApp } from '../helpers/render.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-faults-'));
const env = { ...motoEnvironment(), IAMCERT_TIMEOUT_MS: '1500' };
const aws = (...args: string[]) =>
  JSON.parse(execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json'], { env }).toString());
let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(motoEndpoint());
});
afterEach(() => {
  proxy.rules.length = 0;
});
afterAll(async () => {
  await proxy.close();
  rmSync(work, { recursive: true, force: true });
});

const viaProxy = (...args: string[]) => runCli([...args, '--endpoint-url', proxy.endpoint], { env });

/** One clean line on stderr for the failure; waiting and retry notices may come before it, never a stack trace. */
function expectOneCleanLine(stderr: string, code: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines.pop()).toMatch(new RegExp(`^error ${code.source}: .+ Fix: .+`));
  expect(
    lines.every((line) =>
      /trying again \(attempt \d of \d\)…$|^No answer from IAM .* still waiting, attempt/.test(line),
    ),
    lines.join('\n'),
  ).toBe(true);
  expect(stderr).not.toMatch(/ {4}at |node:internal/);
}

describe('faults between iamcert and IAM, headless', () => {
  it('connection refused', async () => {
    const result = await runCli(['list', '--endpoint-url', 'http://127.0.0.1:9'], { env });
    expect(result.code).toBe(1);
    expectOneCleanLine(result.stderr, /UNREACHABLE/);
  });

  it.each<[Fault, RegExp, boolean]>([
    ['reset', /CONNECTION_RESET/, true],
    ['refuse-before', /CONNECTION_RESET/, true],
    ['empty-200', /EMPTY_ANSWER/, false],
    ['slow', /TIMEOUT/, true],
    ['status500', /SERVICE_FAILURE/, true],
    ['status503', /SERVICE_FAILURE/, true],
    ['throttle', /THROTTLED/, true],
    ['expired', /CREDENTIALS_EXPIRED/, false],
  ])('%s: a clear message, retried where the SDK retries', async (fault, code, retried) => {
    proxy.rules.push({ action: 'ListServerCertificates', fault, times: Infinity });
    const result = await viaProxy('list');
    expect(result.code).toBe(1);
    expectOneCleanLine(result.stderr, code);
    expect(/IAM did not answer ListServerCertificates cleanly; trying again/.test(result.stderr)).toBe(retried);
  });

  it('an IAM message with terminal escapes is shown escaped, headless and in the TUI', async () => {
    proxy.rules.push({ action: 'ListServerCertificates', fault: 'hostile-message', times: Infinity });
    const result = await viaProxy('list');
    expect(result.stderr).toMatch(/^error INVALID_INPUT: .*bad\\e\]52;c;aGVsbG8=\\x07\\e\[2J input/);
    // eslint-disable-next-line no-control-regex -- the test looks for terminal escapes in the output
    expect(result.stderr).not.toMatch(/[\u0007\u001b]/);
    const app = await renderApp(realServices({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), {
      route: { screen: 'servers' },
    });
    try {
      await app.waitForText('fix:');
      // eslint-disable-next-line no-control-regex -- the test looks for terminal escapes in the output
      expect(app.rawFrame()).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
      expect(app.frame()).toContain('bad\\e]52;c;aGVsbG8=\\x07\\e[2J input');
    } finally {
      app.unmount();
    }
  });

  it('a passing fault is retried through, and the command succeeds', async () => {
    proxy.rules.push({ action: 'ListServerCertificates', fault: 'throttle', times: 2 });
    const result = await viaProxy('list', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /IAM did not answer ListServerCertificates cleanly; trying again \(attempt 2 of 4\)…/,
    );
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });

  it('leaves no partial local state: a failed export writes nothing', async () => {
    const name = uniqueName('export');
    await runCli(
      [
        'upload',
        '--name',
        name,
        '--cert',
        fx.path('selfsigned.pem'),
        '--key',
        fx.path('rsa2048.key'),
        '--endpoint-url',
        motoEndpoint(),
      ],
      { env },
    );
    proxy.rules.push({ action: 'GetServerCertificate', fault: 'reset', times: Infinity });
    const outDir = join(work, 'export');
    const result = await viaProxy('get', name, '--out-dir', outDir);
    expect(result.code).toBe(1);
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
  });

  it('the TUI shows the fault inline with its fix and stays usable', async () => {
    proxy.rules.push({ action: 'ListServerCertificates', fault: 'status503', times: Infinity });
    const app = await renderApp(realServices({ endpointUrl: proxy.endpoint, maxAttempts: 2 }), {
      route: { screen: 'servers' },
    });
    try {
      const frame = await app.waitForText('fix:');
      expect(frame).toMatch(/IAM (had an internal failure|answered with an error)/);
      expect(frame).toContain('r refresh');
    } finally {
      app.unmount();
    }
  });
});

describe('onboarding interrupted at every step boundary', () => {
  const boundaries = [
    'CreateGroup',
    'AttachGroupPolicy',
    'CreateUser',
    'AddUserToGroup',
    'CreateAccessKey',
    'UploadSigningCertificate',
  ];

  function plan(): OnboardRequest {
    const user = uniqueName('resume');
    const outDir = join(work, user);
    return {
      userName: user,
      groupName: uniqueName('resume-group'),
      policies: ['AmazonEC2ReadOnlyAccess'],
      accessKeyFile: join(outDir, 'keys.csv'),
      signing: { kind: 'create' },
      outDir,
    };
  }

  /** The IDs of the user's access keys, as the AWS CLI lists them. */
  function accessKeysOf(request: OnboardRequest): string[] {
    return aws('iam', 'list-access-keys', '--user-name', request.userName).AccessKeyMetadata.map(
      (key: { AccessKeyId: string }) => key.AccessKeyId,
    );
  }

  /** The user ends with one access key, and its secret is the one saved. */
  function expectOneSavedKey(request: OnboardRequest): void {
    const keys = accessKeysOf(request);
    expect(keys).toHaveLength(1);
    expect(readFileSync(request.accessKeyFile!, 'utf8')).toContain(keys[0]);
  }

  function stateOf(request: OnboardRequest) {
    return {
      users: aws('iam', 'list-users').Users.filter((user: { UserName: string }) => user.UserName === request.userName)
        .length,
      groups: aws('iam', 'list-groups-for-user', '--user-name', request.userName).Groups.map(
        (group: { GroupName: string }) => group.GroupName,
      ),
      policies: aws('iam', 'list-attached-group-policies', '--group-name', request.groupName).AttachedPolicies.map(
        (policy: { PolicyName: string }) => policy.PolicyName,
      ),
      accessKeys: accessKeysOf(request).length,
      signingCertificates: aws('iam', 'list-signing-certificates', '--user-name', request.userName).Certificates.map(
        (certificate: { Status: string }) => certificate.Status,
      ),
      csvOnDisk: existsSync(request.accessKeyFile!),
    };
  }

  it('ends, after resuming, in the same state as an uninterrupted run', async () => {
    const clean = plan();
    expect((await runOnboarding(createIamClients({ endpointUrl: motoEndpoint(), maxAttempts: 1 }), clean)).ok).toBe(
      true,
    );
    const expected = { ...stateOf(clean), groups: [clean.groupName] };

    for (const action of boundaries) {
      const request = plan();
      proxy.rules.length = 0;
      proxy.rules.push({ action, fault: 'refuse-before', times: 1 });
      const broken = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
      expect(broken.ok, action).toBe(false);
      const resumed = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
      expect(resumed.ok, action).toBe(true);
      expect(stateOf(request), action).toEqual({ ...expected, groups: [request.groupName] });
      expect(readFileSync(request.accessKeyFile!, 'utf8')).toMatch(/^Access key ID,Secret access key\n/);
    }
  });

  it('a user created on the server whose answer was lost is reused, not duplicated', async () => {
    const request = plan();
    proxy.rules.push({ action: 'CreateUser', fault: 'reset-after', times: 1 });
    const broken = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
    expect(broken.ok).toBe(false);
    const resumed = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
    expect(resumed.ok).toBe(true);
    expect(resumed.steps.find((step) => step.id === 'user')!.status).toBe('reused');
    expect(stateOf(request).users).toBe(1);
  });

  it('an access key made on the server whose answer was lost is deleted at once; the resumed run ends with one key, saved', async () => {
    const request = plan();
    proxy.rules.push({ action: 'CreateAccessKey', fault: 'reset-after', times: 1 });
    const broken = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
    expect(broken.ok).toBe(false);
    expect(stateOf(request).accessKeys).toBe(0);
    expect(existsSync(request.accessKeyFile!)).toBe(false);
    const resumed = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
    expect(resumed.ok).toBe(true);
    expectOneSavedKey(request);
  });

  it('a lost CreateAccessKey answer whose key cannot be deleted at once is remembered: the next run deletes it and says so', async () => {
    const request = plan();
    proxy.rules.push({ action: 'CreateAccessKey', fault: 'reset-after', times: 1 });
    proxy.rules.push({ action: 'DeleteAccessKey', fault: 'status500', times: Infinity });
    const broken = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
    proxy.rules.length = 0;
    expect(broken.ok).toBe(false);
    const [orphan] = accessKeysOf(request);
    expect(orphan).toBeDefined();
    const resumed = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
    expect(resumed.ok).toBe(true);
    expect(resumed.steps.find((step) => step.id === 'access-key')!.detail).toContain(
      `deleted ${orphan}: made by an interrupted run`,
    );
    expectOneSavedKey(request);
  });

  it('a key whose secret cannot be saved, and which cannot be deleted either, is said to be left, and the next run deletes it', async () => {
    const request = plan();
    mkdirSync(dirname(request.accessKeyFile!), { recursive: true, mode: 0o700 });
    // Something else takes the CSV's name while IAM makes the key: the secret cannot be written without clobbering it.
    proxy.rules.push({
      action: 'CreateAccessKey',
      when: () => {
        writeFileSync(request.accessKeyFile!, 'not iamcert\n');
        return false;
      },
      fault: 'status500',
      times: 1,
    });
    proxy.rules.push({ action: 'DeleteAccessKey', fault: 'status500', times: Infinity });
    const broken = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
    proxy.rules.length = 0;
    const step = broken.steps.find((candidate) => candidate.id === 'access-key')!;
    const [orphan] = accessKeysOf(request);
    expect(step.problem?.code).toBe('ACCESS_KEY_NOT_SAVED');
    expect(step.problem?.message).toContain(`${orphan} could not be saved`);
    expect(step.problem?.message).not.toContain('deleted again');
    rmSync(request.accessKeyFile!);
    const resumed = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 1 }), request);
    expect(resumed.ok).toBe(true);
    expect(resumed.steps.find((candidate) => candidate.id === 'access-key')!.detail).toContain(
      `deleted ${orphan}: made by an interrupted run`,
    );
    expectOneSavedKey(request);
  });

  it('with SDK retries on, a lost CreateAccessKey answer is never retried blindly: no key is left whose secret is not saved', async () => {
    const request = plan();
    proxy.rules.push({ action: 'CreateAccessKey', fault: 'reset-after', times: 1 });
    const retrying = () => createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 4 });
    const seenBefore = proxy.seen.length;
    const broken = await runOnboarding(retrying(), request);
    expect(broken.ok).toBe(false);
    expect(proxy.seen.slice(seenBefore).filter((action) => action === 'CreateAccessKey')).toHaveLength(1);
    expect(stateOf(request).accessKeys).toBe(0);
    expect((await runOnboarding(retrying(), request)).ok).toBe(true);
    expectOneSavedKey(request);
  });

  it('with SDK retries on, a lost CreateUser or CreateGroup answer does not fail the run that made them', async () => {
    for (const action of ['CreateUser', 'CreateGroup']) {
      const request = plan();
      proxy.rules.length = 0;
      proxy.rules.push({ action, fault: 'reset-after', times: 1 });
      const result = await runOnboarding(createIamClients({ endpointUrl: proxy.endpoint, maxAttempts: 4 }), request);
      expect(result.ok, action).toBe(true);
      expect(stateOf(request).users, action).toBe(1);
    }
  });

  /** An onboarding killed (SIGKILL) while IAM holds its CreateAccessKey answer: the key exists, its secret is lost. */
  async function killedWhileCreatingKey() {
    const request = plan();
    proxy.rules.push({ action: 'CreateAccessKey', fault: 'hold-after', times: 1 });
    const args = [
      'onboard',
      '--user',
      request.userName,
      '--group',
      request.groupName,
      '--access-key-file',
      request.accessKeyFile!,
      '--out-dir',
      request.outDir,
      '--signing-cert',
      'none',
    ];
    // It waits for the held answer until it is killed, however slowly this machine lists the keys.
    const child = spawn(CLI, [...args, '--endpoint-url', proxy.endpoint], {
      env: { ...process.env, ...env, IAMCERT_TIMEOUT_MS: '120000' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const keys = (): string[] => {
      try {
        return accessKeysOf(request);
      } catch {
        return []; // the user is not made yet
      }
    };
    while (keys().length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGKILL');
    await exited;
    return { request, args, keys, orphan: keys()[0]! };
  }

  it('killed while CreateAccessKey is in flight, the next run deletes the key whose secret was lost, says so, and saves a new one', async () => {
    const { request, args, keys, orphan } = await killedWhileCreatingKey();
    const resumed = await viaProxy(...args);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`deleted ${orphan}: made by an interrupted run`);
    expect(keys()).toHaveLength(1);
    expect(keys()[0]).not.toBe(orphan);
    expect(readFileSync(request.accessKeyFile!, 'utf8')).toContain(keys()[0]);
  });

  it('killed while CreateAccessKey is in flight, then an administrator makes a key: the next run deletes neither, and names both', async () => {
    const { request, args, keys, orphan } = await killedWhileCreatingKey();
    const administrators = aws('iam', 'create-access-key', '--user-name', request.userName).AccessKey
      .AccessKeyId as string;
    const resumed = await viaProxy(...args);
    // Two new keys, either of which could be the lost one: a key is never deleted on a guess.
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toMatch(/ACCESS_KEY_LIMIT/);
    expect(resumed.stderr).toContain(orphan);
    expect(resumed.stderr).toContain(administrators);
    expect(resumed.stderr).toMatch(/alone: made since an interrupted run, but not surely by it/);
    expect(keys().sort()).toEqual([orphan, administrators].sort());
  });

  it('killed between the key and its certificate, the next run completes the pair and removes the stray temp file', async () => {
    const request = plan();
    const { key, certificate } = signingPaths(request.outDir, request.userName);
    mkdirSync(request.outDir, { recursive: true, mode: 0o700 });
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key]);
    writeFileSync(join(request.outDir, `.cert-${request.userName}.pem.0123456789ab.tmp`), '-----BEGIN CERT');
    const resumed = await runOnboarding(createIamClients({ endpointUrl: motoEndpoint(), maxAttempts: 1 }), request);
    expect(resumed.ok, JSON.stringify(resumed.steps)).toBe(true);
    expect(readdirSync(request.outDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const keySpki = execFileSync('openssl', ['pkey', '-in', key, '-pubout']).toString();
    expect(execFileSync('openssl', ['x509', '-in', certificate, '-noout', '-pubkey']).toString()).toBe(keySpki);
    expect(stateOf(request).signingCertificates).toEqual(['Active']);
  });
});

describe('server certificate upload whose answer was lost (real IAM refuses a second upload under one name; moto does not, so IAM answers here)', () => {
  const lostThenExists = (getBody: () => string | 'pass') => {
    let uploads = 0;
    return scriptedHandler(({ action, params }) => {
      // As IAM answers: about the certificate asked for.
      const asked = params.get('ServerCertificateName') ?? '';
      if (action === 'UploadServerCertificate')
        return (uploads += 1) === 1
          ? 'lose-answer'
          : iamError('EntityAlreadyExists', 'The Server Certificate with name x already exists.', 409);
      if (action === 'GetServerCertificate' && getBody() !== 'pass') {
        return iamOk(
          'GetServerCertificate',
          `<ServerCertificate><ServerCertificateMetadata><ServerCertificateName>${asked}</ServerCertificateName><Path>/</Path><ServerCertificateId>ASCAX</ServerCertificateId><Arn>arn:aws:iam::123456789012:server-certificate/${asked}</Arn></ServerCertificateMetadata><CertificateBody>${getBody()}</CertificateBody></ServerCertificate>`,
        );
      }
      return 'pass';
    }, motoEndpoint());
  };
  const input = (name: string) => ({
    name,
    certificate: fx.read('selfsigned.pem'),
    privateKey: fx.read('rsa2048.key'),
  });

  it('with SDK retries on, the retry that finds our own upload is success', async () => {
    const { handler, calls } = lostThenExists(() => 'pass');
    const name = uniqueName('lost-upload');
    const result = await uploadServerCertificate(
      createIamClients({ endpointUrl: motoEndpoint(), requestHandler: handler, maxAttempts: 4 }),
      input(name),
    );
    expect(result.row.name).toBe(name);
    expect(calls.filter((call) => call.action === 'UploadServerCertificate')).toHaveLength(2);
    expect(
      aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate.CertificateBody.trim(),
    ).toBe(fx.text('selfsigned.pem').trim());
  });

  it('a different certificate under the name is a clear error, not success', async () => {
    const { handler } = lostThenExists(() => fx.text('ec-selfsigned.pem'));
    const upload = uploadServerCertificate(
      createIamClients({ endpointUrl: motoEndpoint(), requestHandler: handler, maxAttempts: 4 }),
      input(uniqueName('clash')),
    );
    await expect(upload).rejects.toMatchObject({
      code: 'ENTITY_ALREADY_EXISTS',
      message: expect.stringContaining('different certificate'),
    });
  });
});
