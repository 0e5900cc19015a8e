import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createdPaths } from './crypto/created-files.js';
import { createKeyAndCertificate, type KeyType } from './crypto/create.js';
import { IamcertError, fail, toProblem, type Problem } from './errors.js';
import { checkWritable, writeFileSafely, writeFilesSafely } from './files/safe-write.js';
import type { CertificateItem, PrivateKeyItem } from './formats/items.js';
import { readItems } from './formats/read.js';
import { ec2ExportLines } from './shell-exports.js';
import { GROUP_NAME_PATTERN, STEP_TITLES, USER_NAME_PATTERN, type StepId, type StepState, type StepStatus } from './onboard-steps.js';
import { accessKeyCsv, accessKeyIdFromCsv, ACCESS_KEYS_PER_USER, createAccessKey, deleteAccessKey, listAccessKeys, type AccessKey } from './iam/access-keys.js';
import type { IamClients } from './iam/client.js';
import { listSigningCertificates, preflightSigningCertificate, uploadSigningCertificate } from './iam/signing-certificates.js';
import {
  addUserToGroup,
  attachedGroupPolicies,
  attachGroupPolicy,
  createGroup,
  createUser,
  findGroup,
  findUser,
  groupsOfUser,
  resolvePolicyArns,
} from './iam/users-and-groups.js';

export type SigningChoice = { kind: 'create'; keyType?: KeyType } | { kind: 'file'; path: string } | { kind: 'skip' };

export interface OnboardRequest {
  userName: string;
  groupName: string;
  /** AWS-managed policy names or ARNs to attach to the group. */
  policies: string[];
  /** Where the access key CSV goes; undefined skips the access key. */
  accessKeyFile?: string;
  signing: SigningChoice;
  /** Where pk-USER.pem and cert-USER.pem are written when the certificate is created. */
  outDir: string;
}

export interface OnboardResult {
  ok: boolean;
  steps: StepState[];
  /** Present only when this run created the key: the secret is shown once. */
  accessKey?: AccessKey;
  accessKeyFile?: string;
  keyPath?: string;
  certificatePath?: string;
  signingCertificateId?: string;
  exportLines: string[];
}

export interface OnboardOptions {
  signal?: AbortSignal;
  onStep?: (step: StepState) => void;
  now?: Date;
}

/** pk-USER.pem and cert-USER.pem in the output folder, as absolute paths. */
export function signingPaths(outDir: string, userName: string): { key: string; certificate: string } {
  return createdPaths(resolve(outDir), userName, false);
}

/** Checks that need no AWS call, so a bad request fails before anything is created. */
export async function validateOnboarding(request: OnboardRequest): Promise<void> {
  if (!USER_NAME_PATTERN.test(request.userName)) {
    fail('USER_NAME_INVALID', `"${request.userName}" is not a valid IAM user name.`, 'Use 1–64 letters, digits and + = , . @ _ - (no spaces).');
  }
  if (!GROUP_NAME_PATTERN.test(request.groupName)) {
    fail('GROUP_NAME_INVALID', `"${request.groupName}" is not a valid IAM group name.`, 'Use 1–128 letters, digits and + = , . @ _ - (no spaces).');
  }
  if (request.signing.kind === 'file') {
    let body: Buffer;
    try {
      body = await readFile(request.signing.path);
    } catch {
      fail('FILE_NOT_FOUND', `${request.signing.path} cannot be read.`, 'Check the path given to --signing-cert.');
    }
    const [finding] = (await preflightSigningCertificate(body)).findings;
    if (finding) fail(finding.code, finding.message, finding.fix);
  }
}

/**
 * Runs the onboarding plan. Each step is idempotent: what exists is reused,
 * never duplicated, so running the same request again resumes after a failure.
 */
export async function runOnboarding(clients: IamClients, request: OnboardRequest, options: OnboardOptions = {}): Promise<OnboardResult> {
  const { signal } = options;
  const steps: StepState[] = (Object.keys(STEP_TITLES) as StepId[]).map((id) => ({ id, title: STEP_TITLES[id], status: 'pending' }));
  const result: OnboardResult = { ok: false, steps, exportLines: [] };
  const update = (id: StepId, status: StepStatus, detail?: string, problem?: Problem) => {
    const step = steps.find((candidate) => candidate.id === id)!;
    Object.assign(step, { status, detail, problem });
    options.onStep?.({ ...step });
  };
  const run = async (id: StepId, work: () => Promise<[StepStatus, string]>) => {
    update(id, 'running');
    try {
      const [status, detail] = await work();
      update(id, status, detail);
    } catch (error) {
      update(id, 'failed', undefined, toProblem(error));
      throw error;
    }
  };

  try {
    await validateOnboarding(request);
    const { userName, groupName } = request;

    await run('group', async () => {
      if (await findGroup(clients, groupName, signal)) return ['reused', `group "${groupName}" already exists`];
      await createGroup(clients, groupName, signal);
      return ['done', `created group "${groupName}"`];
    });

    await run('policies', async () => {
      if (request.policies.length === 0) return ['skipped', 'no policies asked for'];
      const attached = new Set(await attachedGroupPolicies(clients, groupName, signal));
      const added: string[] = [];
      for (const arn of await resolvePolicyArns(clients, request.policies, signal)) {
        if (attached.has(arn)) continue;
        await attachGroupPolicy(clients, groupName, arn, signal);
        attached.add(arn);
        added.push(arn.split('/').pop() ?? arn);
      }
      return added.length > 0 ? ['done', `attached ${added.join(', ')}`] : ['reused', 'every policy was already attached'];
    });

    await run('user', async () => {
      if (await findUser(clients, userName, signal)) return ['reused', `user "${userName}" already exists`];
      await createUser(clients, userName, signal);
      return ['done', `created user "${userName}"`];
    });

    await run('membership', async () => {
      if ((await groupsOfUser(clients, userName, signal)).includes(groupName)) return ['reused', `already in "${groupName}"`];
      await addUserToGroup(clients, userName, groupName, signal);
      return ['done', `added to "${groupName}"`];
    });

    await run('access-key', async () => {
      if (!request.accessKeyFile) return ['skipped', 'no access key asked for'];
      result.accessKeyFile = resolve(request.accessKeyFile);
      return ensureAccessKey(clients, userName, result.accessKeyFile, result, signal);
    });

    await run('signing-certificate', async () => ensureSigningCertificate(clients, request, result, options));

    await run('exports', async () => {
      if (!result.certificatePath) return ['skipped', 'no signing certificate'];
      result.exportLines = ec2ExportLines(result.certificatePath, result.keyPath);
      return ['done', 'ready to paste into your shell'];
    });
    result.ok = true;
  } catch (error) {
    if (!steps.some((step) => step.status === 'failed')) {
      // A request that failed validation: no step ran.
      result.steps[0] = { ...steps[0]!, status: 'failed', problem: toProblem(error) };
    }
  }
  return result;
}

async function ensureAccessKey(clients: IamClients, userName: string, file: string, result: OnboardResult, signal?: AbortSignal): Promise<[StepStatus, string]> {
  const existingKeys = await listAccessKeys(clients, userName, signal);
  let savedId: string | undefined;
  try {
    savedId = accessKeyIdFromCsv(await readFile(file, 'utf8'));
  } catch {
    savedId = undefined;
  }
  if (savedId && existingKeys.some((key) => key.accessKeyId === savedId)) return ['reused', `access key ${savedId} is already saved in ${file}`];
  // Refuse before creating: a secret that cannot be saved would be lost.
  await checkWritable(file, { secret: true });
  if (existingKeys.length >= ACCESS_KEYS_PER_USER) {
    fail('ACCESS_KEY_LIMIT', `User "${userName}" already has ${existingKeys.length} access keys, the most IAM allows.`, 'Delete an unused one in IAM (aws iam delete-access-key), then run this again.');
  }
  const key = await createAccessKey(clients, userName, signal).catch(async (error: unknown) => {
    await deleteKeysWithLostSecrets(clients, userName, existingKeys, signal);
    throw error;
  });
  try {
    await writeFileSafely({ path: file, data: accessKeyCsv(key), secret: true });
  } catch (error) {
    await deleteAccessKey(clients, userName, key.accessKeyId, signal).catch(() => undefined);
    const problem = toProblem(error);
    throw new IamcertError({ code: 'ACCESS_KEY_NOT_SAVED', message: `The access key could not be saved (${problem.message}), so it was deleted again.`, fix: problem.fix });
  }
  result.accessKey = key;
  return ['done', `created ${key.accessKeyId}; secret saved in ${file} (mode 0600)`];
}

/**
 * When CreateAccessKey's answer is lost (a reset, a timeout), IAM may have made the key anyway, and
 * its secret is gone for good. Such a key is deleted at once, so a resumed run neither counts it
 * against the two-key limit nor leaves a key nobody can use.
 */
async function deleteKeysWithLostSecrets(clients: IamClients, userName: string, before: Array<{ accessKeyId: string }>, signal?: AbortSignal): Promise<void> {
  const known = new Set(before.map((key) => key.accessKeyId));
  const now = await listAccessKeys(clients, userName, signal).catch(() => []);
  for (const key of now.filter((candidate) => !known.has(candidate.accessKeyId))) {
    await deleteAccessKey(clients, userName, key.accessKeyId, signal).catch(() => undefined);
  }
}

async function readPair(paths: { key: string; certificate: string }): Promise<{ key?: PrivateKeyItem; certificate?: CertificateItem } | undefined> {
  const [keyBytes, certificateBytes] = await Promise.all([readFile(paths.key).catch(() => undefined), readFile(paths.certificate).catch(() => undefined)]);
  if (!keyBytes && !certificateBytes) return undefined;
  const key = keyBytes ? ((await readItems(keyBytes)).items.find((item) => item.type === 'private-key') as PrivateKeyItem | undefined) : undefined;
  const certificate = certificateBytes ? ((await readItems(certificateBytes)).items.find((item) => item.type === 'certificate') as CertificateItem | undefined) : undefined;
  return { key, certificate };
}

async function ensureSigningCertificate(clients: IamClients, request: OnboardRequest, result: OnboardResult, options: OnboardOptions): Promise<[StepStatus, string]> {
  const { signing, userName } = request;
  if (signing.kind === 'skip') return ['skipped', 'no signing certificate asked for'];
  let body: string;
  let made = '';
  if (signing.kind === 'file') {
    result.certificatePath = resolve(signing.path);
    body = await readFile(signing.path, 'utf8');
  } else {
    const paths = signingPaths(request.outDir, userName);
    result.keyPath = paths.key;
    result.certificatePath = paths.certificate;
    const existing = await readPair(paths);
    if (existing) {
      if (!existing.key || !existing.certificate || existing.key.spkiSha256 !== existing.certificate.spkiSha256) {
        fail('SIGNING_FILES_CONFLICT', `${paths.key} or ${paths.certificate} already exists but they are not a matching pair.`, 'Move them aside, or choose another --out-dir.');
      }
      body = await readFile(paths.certificate, 'utf8');
      made = 'reused the key and certificate on disk; ';
    } else {
      const created = await createKeyAndCertificate({ keyType: signing.keyType ?? 'rsa2048', subject: '', days: 3650, keyFormat: 'pkcs8', now: options.now });
      body = created.certificatePem!;
      await writeFilesSafely([
        { path: paths.key, data: created.privateKeyPem, secret: true },
        { path: paths.certificate, data: body },
      ]);
      made = `created ${paths.key} (0600) and ${paths.certificate}; `;
    }
  }
  const { certificate } = await preflightSigningCertificate(body, options.now);
  const uploaded = (await listSigningCertificates(clients, userName, options)).find((row) => certificate && row.sha256 === certificate.sha256);
  if (uploaded) {
    result.signingCertificateId = uploaded.id;
    return [made.startsWith('created') ? 'done' : 'reused', `${made}certificate ${uploaded.id} is already on the user (${uploaded.status})`];
  }
  const row = await uploadSigningCertificate(clients, userName, body, options);
  result.signingCertificateId = row.id;
  return ['done', `${made}uploaded as ${row.id} (${row.status})`];
}
