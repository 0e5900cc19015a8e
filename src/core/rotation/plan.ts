import { describeKeyShape } from '../crypto/key-facts.js';
import { fail, IamcertError, worded, fixFields, fixOf } from '../errors.js';
import { isNoSuchEntity } from '../iam/call.js';
import type { IamClients } from '../iam/client.js';
import {
  checkServerCertificateQuota,
  getServerCertificate,
  quotaWords,
  type ServerCertificateDetails,
} from '../iam/server-certificates.js';
import { preflightServerCertificate } from '../preflight/server-certificate.js';
import { checkName, CLOUDFRONT_PREFIX } from '../preflight/rules.js';
import { certificateNames } from '../usage/names.js';
import { scanConsumers } from '../usage/scan.js';
import type { ServingClients } from '../usage/serving-clients.js';
import { serves } from '../usage/usage-map.js';
import { rotationChecks, type IncomingFacts, type RotationCheck } from './checks.js';
import { readRetirement } from './journal.js';
import { pendingSniRestores } from './sni-journal.js';
import { defaultIncomingName, retiredName } from './names.js';
import type { CertificateRef, RotationPlan, RotationRequest } from './plan-types.js';

const refOf = (details: ServerCertificateDetails): CertificateRef => ({
  name: details.name,
  path: details.path,
  arn: details.arn,
  id: details.id,
  ...(details.expiration ? { expiration: details.expiration } : {}),
  ...(details.certificate ? { sha256: details.certificate.sha256 } : {}),
  names: certificateNames(details.certificate),
});

async function getIfPresent(
  iam: IamClients,
  name: string,
  signal?: AbortSignal,
): Promise<ServerCertificateDetails | undefined> {
  try {
    return await getServerCertificate(iam, name, { signal });
  } catch (error) {
    if (isNoSuchEntity(error)) return undefined;
    throw error;
  }
}

interface Incoming {
  ref: RotationPlan['incoming'];
  facts: IncomingFacts;
  checks: RotationCheck[];
}

async function resolveIncoming(
  iam: IamClients,
  request: RotationRequest,
  old: CertificateRef,
  signal?: AbortSignal,
): Promise<Incoming> {
  const target = request.to;
  if (target.kind === 'existing') {
    const details = await getIfPresent(iam, target.name, signal);
    if (!details)
      fail(
        'NO_SUCH_ENTITY',
        `IAM has no server certificate "${target.name}" to rotate to.`,
        worded(
          'Check the name (iamcert list), or give the files with --cert and --key to upload it first.',
          'Pick one from the list, or press f to rotate to files.',
        ),
      );
    const certificate = details.certificate;
    if (!certificate)
      fail(
        'CERTIFICATE_UNREADABLE',
        `The body of "${target.name}" in IAM could not be read${details.parseProblem ? `: ${details.parseProblem}` : '.'}`,
        'Rotate to another certificate, or upload it again from its files.',
      );
    return {
      ref: { ...refOf(details), key: describeKeyShape(certificate), upload: false },
      facts: {
        ...certificate,
        name: details.name,
        path: details.path,
        names: certificateNames(certificate),
        notAfter: certificate.notAfter,
      },
      checks: [],
    };
  }
  const path = old.path;
  const report = await preflightServerCertificate({
    certificate: target.certificate,
    privateKey: target.privateKey,
    chain: target.chain,
    path,
    cloudfront: path.startsWith(CLOUDFRONT_PREFIX),
    allowMissingChain: target.allowMissingChain,
    now: request.now,
  });
  const certificate = report.certificate;
  const checks: RotationCheck[] = report.findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => ({
      code: `PREFLIGHT_${finding.code}`,
      severity: 'error',
      message: finding.message,
      ...fixOf(finding),
    }));
  if (!certificate) {
    const [first] = checks;
    throw new IamcertError(
      first
        ? { code: first.code, message: first.message, fix: first.fix, appFix: first.appFix }
        : {
            code: 'PREFLIGHT_FAILED',
            message: 'The new certificate could not be read.',
            ...fixFields(worded('Check the file with iamcert inspect.', 'Check the file in Inspect (:inspect PATH).')),
          },
    );
  }
  const name = target.name ?? defaultIncomingName(old.name, certificate.notAfter);
  const nameProblem = checkName(name);
  if (nameProblem)
    checks.push({
      code: `PREFLIGHT_${nameProblem.code}`,
      severity: 'error',
      message: nameProblem.message,
      ...fixOf(nameProblem),
    });
  const existing = nameProblem ? undefined : await getIfPresent(iam, name, signal);
  if (existing && existing.certificate?.sha256 !== certificate.sha256) {
    checks.push({
      code: 'NAME_TAKEN',
      severity: 'error',
      message: `IAM already has a different certificate named "${name}".`,
      fix: 'Give another name with --name.',
      appFix: 'Type another name in the name field.',
    });
  }
  const uploaded = existing && existing.certificate?.sha256 === certificate.sha256 ? existing : undefined;
  return {
    ref: uploaded
      ? { ...refOf(uploaded), key: describeKeyShape(certificate), upload: false }
      : {
          name,
          path,
          sha256: certificate.sha256,
          expiration: certificate.notAfter.toISOString(),
          names: certificateNames(certificate),
          key: describeKeyShape(certificate),
          upload: true,
        },
    facts: {
      ...certificate,
      name,
      path: uploaded?.path ?? path,
      names: certificateNames(certificate),
      notAfter: certificate.notAfter,
    },
    checks,
  };
}

/** An upload into a full account fails: said in the plan, before anything is typed, not after the confirmation. */
async function quotaCheck(iam: IamClients, signal?: AbortSignal): Promise<RotationCheck[]> {
  const quota = await checkServerCertificateQuota(iam, signal);
  if (!quota || quota.used < quota.quota) return [];
  return [
    {
      code: 'SERVER_CERTIFICATE_QUOTA',
      severity: 'error',
      message: `${quotaWords(quota)} The new one cannot be uploaded.`,
      ...fixFields(
        worded(
          'Delete expired ones (iamcert list shows them), or ask AWS Support to raise ServerCertificatesQuota.',
          'Delete expired ones in the inventory (space marks, d deletes), or ask AWS Support to raise ServerCertificatesQuota.',
        ),
      ),
    },
  ];
}

/**
 * What a rotation would do, from what AWS holds now: the old and the new certificate, every consumer
 * still on the old one, and the checks. Nothing is changed. Because it is read afresh each time, a
 * rerun after any interruption plans only what is left.
 */
export async function planRotation(
  iam: IamClients,
  serving: ServingClients,
  request: RotationRequest,
  signal?: AbortSignal,
): Promise<RotationPlan> {
  const now = request.now ?? new Date();
  const oldDetails = await getIfPresent(iam, request.old, signal);
  if (!oldDetails) return finishedPlan(request);
  const old = refOf(oldDetails);
  const incoming = await resolveIncoming(iam, request, old, signal);
  if (incoming.ref.name === old.name || (incoming.ref.sha256 !== undefined && incoming.ref.sha256 === old.sha256)) {
    fail(
      'SAME_CERTIFICATE',
      `"${incoming.ref.name}" is the certificate being replaced.`,
      'Rotate to a renewed certificate: another name, or new files.',
    );
  }
  const restores = await pendingSniRestores({ account: request.account, home: request.journalHome }, old.arn!);
  const scan = await scanConsumers(serving, { regions: request.regions, concurrency: request.concurrency, signal });
  const swaps = scan.consumers.filter((consumer) => serves(consumer, { arn: old.arn!, id: old.id! }));
  const alreadyOnNew = incoming.ref.arn
    ? scan.consumers.filter((consumer) => serves(consumer, { arn: incoming.ref.arn!, id: incoming.ref.id! }))
    : [];
  const checks = [
    ...incoming.checks,
    ...(incoming.ref.upload ? await quotaCheck(iam, signal) : []),
    ...rotationChecks(incoming.facts, { names: old.names, notAfter: oldDetails.certificate?.notAfter }, swaps, now),
  ];
  return {
    old,
    incoming: incoming.ref,
    swaps,
    alreadyOnNew,
    restores,
    checks,
    retire: { mode: request.retire, ...(request.retire === 'rename' ? { as: retiredName(old.name, now) } : {}) },
    notes: scan.notes,
    regions: scan.regions,
    ready: !checks.some((check) => check.severity === 'error'),
  };
}

/**
 * The old name is gone: finished if this account's journal says a rotation retired it, else a name IAM does not know.
 */
async function finishedPlan(request: RotationRequest): Promise<RotationPlan> {
  const record = await readRetirement(request.account, request.old, request.journalHome);
  if (!record) {
    throw new IamcertError({
      code: 'NO_SUCH_ENTITY',
      message: `IAM has no server certificate "${request.old}".`,
      fix: 'Check the name (iamcert list shows them all); names are case-sensitive.',
      appFix: 'Check the name in the list; names are case-sensitive.',
    });
  }
  const incomingName = request.to.name;
  if (incomingName !== undefined && incomingName !== record.incoming.name) {
    fail(
      'ALREADY_ROTATED',
      `"${request.old}" was already rotated to "${record.incoming.name}" and ${record.mode === 'delete' ? 'deleted' : `renamed to "${record.as}"`} on ${record.at.slice(0, 10)}.`,
      `Rotate "${record.incoming.name}" instead, if it is the one to replace now.`,
    );
  }
  return {
    old: { name: record.old.name, path: '', arn: record.old.arn, id: record.old.id, names: [] },
    incoming: { name: record.incoming.name, path: '', arn: record.incoming.arn, names: [], key: '', upload: false },
    swaps: [],
    alreadyOnNew: [],
    restores: await pendingSniRestores({ account: request.account, home: request.journalHome }, record.old.arn),
    checks: [],
    retire: { mode: record.mode, ...(record.as ? { as: record.as } : {}) },
    notes: [],
    regions: request.regions ?? [],
    ready: true,
    finished: record,
  };
}
