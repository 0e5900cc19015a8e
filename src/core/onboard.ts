import { resolve } from 'node:path';
import { createdPaths } from './crypto/created-files.js';
import { createKeyAndCertificate, SIGNING_RECIPE, type KeyType } from './crypto/create.js';
import { fail, toProblem, type Problem, worded } from './errors.js';
import { readInputFile, readInputFileIfPresent } from './files/read-input.js';
import { removeStrayTempFiles, writeFileSafely, writeFilesSafely } from './files/safe-write.js';
import { ensureAccessKey } from './onboard-access-key.js';
import { isAlreadyExists } from './iam/call.js';
import type { CertificateItem, PrivateKeyItem } from './formats/items.js';
import { readItems } from './formats/read.js';
import { ec2ExportLines } from './shell-exports.js';
import {
  GROUP_NAME_PATTERN,
  STEP_TITLES,
  USER_NAME_PATTERN,
  type StepId,
  type StepState,
  type StepStatus,
} from './onboard-steps.js';
import type { AccessKey } from './iam/access-keys.js';
import type { IamClients } from './iam/client.js';
import {
  listSigningCertificates,
  preflightSigningCertificate,
  uploadSigningCertificate,
} from './iam/signing-certificates.js';
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

function stepOfProblem(code: string): StepId {
  if (code.startsWith('USER_NAME')) return 'user';
  if (code.startsWith('GROUP_NAME')) return 'group';
  return 'signing-certificate';
}

/** Checks that need no AWS call, so a bad request fails before anything is created. */
export async function validateOnboarding(request: OnboardRequest): Promise<void> {
  if (!USER_NAME_PATTERN.test(request.userName)) {
    fail(
      'USER_NAME_INVALID',
      `"${request.userName}" is not a valid IAM user name.`,
      'Use 1–64 letters, digits and + = , . @ _ - (no spaces).',
    );
  }
  if (!GROUP_NAME_PATTERN.test(request.groupName)) {
    fail(
      'GROUP_NAME_INVALID',
      `"${request.groupName}" is not a valid IAM group name.`,
      'Use 1–128 letters, digits and + = , . @ _ - (no spaces).',
    );
  }
  if (request.signing.kind === 'file') {
    const body = await readInputFile(request.signing.path);
    const [finding] = (await preflightSigningCertificate(body)).findings;
    if (finding) fail(finding.code, finding.message, finding.fix);
  }
}

/**
 * Runs the onboarding plan. Each step is idempotent: what exists is reused,
 * never duplicated, so running the same request again resumes after a failure.
 */
export async function runOnboarding(
  clients: IamClients,
  request: OnboardRequest,
  options: OnboardOptions = {},
): Promise<OnboardResult> {
  const { signal } = options;
  const steps: StepState[] = (Object.keys(STEP_TITLES) as StepId[]).map((id) => ({
    id,
    title: STEP_TITLES[id],
    status: 'pending',
  }));
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
      await createOrFind(
        () => createGroup(clients, groupName, signal),
        () => findGroup(clients, groupName, signal),
      );
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
      return added.length > 0
        ? ['done', `attached ${added.join(', ')}`]
        : ['reused', 'every policy was already attached'];
    });

    await run('user', async () => {
      if (await findUser(clients, userName, signal)) return ['reused', `user "${userName}" already exists`];
      await createOrFind(
        () => createUser(clients, userName, signal),
        () => findUser(clients, userName, signal),
      );
      return ['done', `created user "${userName}"`];
    });

    await run('membership', async () => {
      if ((await groupsOfUser(clients, userName, signal)).includes(groupName))
        return ['reused', `already in "${groupName}"`];
      await addUserToGroup(clients, userName, groupName, signal);
      return ['done', `added to "${groupName}"`];
    });

    await run('access-key', async () => {
      if (!request.accessKeyFile) return ['skipped', 'no access key asked for'];
      result.accessKeyFile = resolve(request.accessKeyFile);
      const outcome = await ensureAccessKey(clients, userName, result.accessKeyFile, signal);
      if (outcome.created) result.accessKey = outcome.created;
      return [outcome.status, outcome.detail];
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
      // A request that failed validation: no step ran, and the problem is shown on the step it is about.
      const problem = toProblem(error);
      update(stepOfProblem(problem.code), 'failed', undefined, problem);
    }
  }
  return result;
}

/**
 * Creates a user or group; an "already exists" is success when the thing is there now: the answer
 * to our own first attempt was lost and the SDK's retry found it, or another run made it a moment ago.
 */
async function createOrFind(create: () => Promise<unknown>, find: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!isAlreadyExists(error) || !(await find())) throw error;
  }
}

async function readPair(paths: {
  key: string;
  certificate: string;
}): Promise<{ key?: PrivateKeyItem; certificate?: CertificateItem; certificatePem?: string } | undefined> {
  const [keyBytes, certificateBytes] = await Promise.all([
    readInputFileIfPresent(paths.key),
    readInputFileIfPresent(paths.certificate),
  ]);
  if (!keyBytes && !certificateBytes) return undefined;
  const key = keyBytes
    ? (await readItems(keyBytes)).items.find((item): item is PrivateKeyItem => item.type === 'private-key')
    : undefined;
  const certificate = certificateBytes
    ? (await readItems(certificateBytes)).items.find((item): item is CertificateItem => item.type === 'certificate')
    : undefined;
  return { key, certificate, certificatePem: certificateBytes?.toString('utf8') };
}

/** The pair on disk, completed or made; fails only for what a rerun cannot mend, saying what is wrong. */
async function signingPairOnDisk(
  request: OnboardRequest,
  paths: { key: string; certificate: string },
  options: OnboardOptions,
): Promise<{ body: string; made: string }> {
  await removeStrayTempFiles([paths.key, paths.certificate]);
  const existing = await readPair(paths);
  const keyType =
    request.signing.kind === 'create' ? (request.signing.keyType ?? SIGNING_RECIPE.keyType) : SIGNING_RECIPE.keyType;
  if (!existing) {
    const created = await createKeyAndCertificate({ ...SIGNING_RECIPE, keyType, now: options.now });
    await writeFilesSafely([
      { path: paths.key, data: created.privateKeyPem, secret: true },
      { path: paths.certificate, data: created.certificatePem! },
    ]);
    return { body: created.certificatePem!, made: `created ${paths.key} (0600) and ${paths.certificate}; ` };
  }
  if (existing.key?.key && !existing.certificate && existing.certificatePem === undefined) {
    // An interrupted run wrote the key but not its certificate: make the certificate for that key.
    const completed = await createKeyAndCertificate({
      ...SIGNING_RECIPE,
      keyType,
      now: options.now,
      existingKey: existing.key.key,
    });
    await writeFileSafely({ path: paths.certificate, data: completed.certificatePem! });
    return {
      body: completed.certificatePem!,
      made: `completed the pair: made ${paths.certificate} for the key already in ${paths.key}; `,
    };
  }
  if (!existing.key) {
    fail(
      'SIGNING_FILES_CONFLICT',
      `${paths.certificate} exists but its private key ${paths.key} does not.`,
      worded(
        `Without its key the certificate is of no use: move ${paths.certificate} aside and run again to make a new pair, or choose another --out-dir.`,
        `Without its key the certificate is of no use: move ${paths.certificate} aside and run again to make a new pair, or choose another folder.`,
      ),
    );
  }
  if (!existing.key.key)
    fail(
      'SIGNING_FILES_CONFLICT',
      `${paths.key} is an encrypted or unreadable key.`,
      worded(
        'Move it aside and run again to make a new pair, or choose another --out-dir.',
        'Move it aside and run again to make a new pair, or choose another folder.',
      ),
    );
  if (!existing.certificate)
    fail(
      'SIGNING_FILES_CONFLICT',
      `${paths.certificate} holds no certificate.`,
      `Move it aside and run again; the certificate will be made for the key in ${paths.key}.`,
    );
  if (existing.key.spkiSha256 !== existing.certificate.spkiSha256) {
    fail(
      'SIGNING_FILES_CONFLICT',
      `${paths.key} and ${paths.certificate} are not a matching pair (the certificate is for another key).`,
      worded(
        'Move both aside and run again to make a new pair, or choose another --out-dir.',
        'Move both aside and run again to make a new pair, or choose another folder.',
      ),
    );
  }
  return { body: existing.certificatePem!, made: 'reused the key and certificate on disk; ' };
}

async function ensureSigningCertificate(
  clients: IamClients,
  request: OnboardRequest,
  result: OnboardResult,
  options: OnboardOptions,
): Promise<[StepStatus, string]> {
  const { signing, userName } = request;
  if (signing.kind === 'skip') return ['skipped', 'no signing certificate asked for'];
  let body: string;
  let made = '';
  if (signing.kind === 'file') {
    result.certificatePath = resolve(signing.path);
    body = (await readInputFile(signing.path)).toString('utf8');
  } else {
    const paths = signingPaths(request.outDir, userName);
    result.keyPath = paths.key;
    result.certificatePath = paths.certificate;
    ({ body, made } = await signingPairOnDisk(request, paths, options));
  }
  const { certificate } = await preflightSigningCertificate(body, options.now);
  const uploaded = (await listSigningCertificates(clients, userName, options)).find(
    (row) => certificate && row.sha256 === certificate.sha256,
  );
  if (uploaded) {
    result.signingCertificateId = uploaded.id;
    return [
      made.startsWith('created') ? 'done' : 'reused',
      `${made}certificate ${uploaded.id} is already on the user (${uploaded.status})`,
    ];
  }
  const row = await uploadSigningCertificate(clients, userName, body, options);
  result.signingCertificateId = row.id;
  return ['done', `${made}uploaded as ${row.id} (${row.status})`];
}
