import {
  DeleteServerCertificateCommand,
  GetAccountSummaryCommand,
  GetServerCertificateCommand,
  UpdateServerCertificateCommand,
  UploadServerCertificateCommand,
  type GetAccountSummaryCommandOutput,
  type GetServerCertificateCommandOutput,
  type UploadServerCertificateCommandOutput,
} from '@aws-sdk/client-iam';
import { fail, IamcertError, CHECK_THE_WAY_TO_AWS, fixOf, worded } from '../errors.js';
import { cleanIfPem } from '../formats/clean.js';
import type { CertificateItem } from '../formats/items.js';
import { readItems } from '../formats/read.js';
import { looksLikePem } from '../formats/pem.js';
import { preflightServerCertificate, type PreflightReport } from '../preflight/server-certificate.js';
import { checkName, checkPath } from '../preflight/rules.js';
import { callIam, isAlreadyExists } from './call.js';
import type { IamClients } from './client.js';
import { toRow, type ServerCertificateRow } from './server-certificate-list.js';

const subjectOf = (name: string) => `server certificate "${name}"`;

export interface ServerCertificateDetails extends ServerCertificateRow {
  body: string;
  chain?: string;
  certificate?: CertificateItem;
  chainCertificates: CertificateItem[];
  /** Why the body could not be parsed, if it could not. */
  parseProblem?: string;
}

async function parseCertificates(pem: string | undefined): Promise<CertificateItem[]> {
  if (!pem || !looksLikePem(pem)) return [];
  const { items } = await readItems(Buffer.from(pem, 'utf8'));
  return items.filter((item): item is CertificateItem => item.type === 'certificate');
}

/** Metadata, body and chain, with the body parsed by the core. The private key is never returned by IAM. */
export async function getServerCertificate(
  clients: IamClients,
  name: string,
  options: { signal?: AbortSignal; now?: Date } = {},
): Promise<ServerCertificateDetails> {
  const answer = await callIam<GetServerCertificateCommandOutput>(
    clients,
    new GetServerCertificateCommand({ ServerCertificateName: name }),
    {
      signal: options.signal,
      subject: subjectOf(name),
    },
  );
  const certificate = answer.ServerCertificate;
  if (!certificate?.ServerCertificateMetadata)
    fail(
      'EMPTY_ANSWER',
      `IAM returned no data for ${subjectOf(name)}.`,
      worded(
        'Try again; if it persists, check the name with iamcert list.',
        'Try again; if it persists, check the name in Server certificates.',
      ),
    );
  const answeredName = certificate.ServerCertificateMetadata.ServerCertificateName;
  // IAM matches names without regard to case, and answers with the name as stored.
  if (answeredName?.toLowerCase() !== name.toLowerCase()) {
    fail(
      'ANSWER_NOT_FROM_AWS',
      `Asked for ${subjectOf(name)}, the answer was about "${answeredName ?? ''}": not an answer from IAM.`,
      CHECK_THE_WAY_TO_AWS,
    );
  }
  const body = certificate.CertificateBody ?? '';
  const details: ServerCertificateDetails = {
    ...toRow(certificate.ServerCertificateMetadata, options.now ?? new Date()),
    body,
    ...(certificate.CertificateChain ? { chain: certificate.CertificateChain } : {}),
    chainCertificates: [],
  };
  try {
    details.certificate = (await parseCertificates(body))[0];
    details.chainCertificates = await parseCertificates(certificate.CertificateChain);
  } catch (error) {
    details.parseProblem = error instanceof IamcertError ? error.message : 'The body could not be parsed.';
  }
  return details;
}

export interface UploadServerCertificateInput {
  name: string;
  certificate: Buffer | string;
  privateKey: Buffer | string;
  chain?: Buffer | string;
  path?: string;
  cloudfront?: boolean;
  /** Upload a CA-issued certificate without its chain on purpose. */
  allowMissingChain?: boolean;
  now?: Date;
}

export interface UploadResult {
  row: ServerCertificateRow;
  report: PreflightReport;
}

/** IAM allows this many server certificates; asked up front so the limit is explained before IAM refuses. */
export async function checkServerCertificateQuota(
  clients: IamClients,
  signal?: AbortSignal,
): Promise<{ used: number; quota: number } | undefined> {
  let summary: GetAccountSummaryCommandOutput;
  try {
    summary = await callIam<GetAccountSummaryCommandOutput>(clients, new GetAccountSummaryCommand({}), { signal });
  } catch {
    return undefined; // Without iam:GetAccountSummary the upload can still go ahead; IAM enforces the quota itself.
  }
  const used = summary.SummaryMap?.ServerCertificates;
  const quota = summary.SummaryMap?.ServerCertificatesQuota;
  return used !== undefined && quota !== undefined ? { used, quota } : undefined;
}

/** "holds 20 of its 20 server certificates"; an account over its quota (raised, then lowered) is said as it is. */
export function quotaWords({ used, quota }: { used: number; quota: number }): string {
  return used > quota
    ? `The account holds ${used} server certificates, more than its quota of ${quota}; IAM takes no more until it is under.`
    : `The account already holds ${used} of its ${quota} server certificates.`;
}

/**
 * Cleans the PEM texts, runs the preflight and the quota check, and only then
 * calls UploadServerCertificate. When the preflight finds an error, no call is made.
 */
export async function uploadServerCertificate(
  clients: IamClients,
  input: UploadServerCertificateInput,
  signal?: AbortSignal,
): Promise<UploadResult> {
  const certificate = cleanIfPem(input.certificate);
  const privateKey = cleanIfPem(input.privateKey);
  const chain = input.chain === undefined ? undefined : cleanIfPem(input.chain);
  const report = await preflightServerCertificate({
    certificate,
    privateKey,
    chain,
    name: input.name,
    path: input.path,
    cloudfront: input.cloudfront,
    allowMissingChain: input.allowMissingChain,
    now: input.now,
  });
  if (!report.ok) {
    const first = report.findings.find((finding) => finding.severity === 'error')!;
    throw new IamcertError({ code: `PREFLIGHT_${first.code}`, message: first.message, ...fixOf(first) });
  }
  const quota = await checkServerCertificateQuota(clients, signal);
  if (quota && quota.used >= quota.quota) {
    fail(
      'SERVER_CERTIFICATE_QUOTA',
      quotaWords(quota),
      worded(
        'Delete expired ones (iamcert list shows them), or ask AWS Support to raise ServerCertificatesQuota; ACM has no such limit.',
        'Delete expired ones (Server certificates lists them, soonest expiry first), or ask AWS Support to raise ServerCertificatesQuota; ACM has no such limit.',
      ),
    );
  }
  let answer: UploadServerCertificateCommandOutput;
  try {
    answer = await callIam<UploadServerCertificateCommandOutput>(
      clients,
      new UploadServerCertificateCommand({
        ServerCertificateName: input.name,
        CertificateBody: String(certificate),
        PrivateKey: String(privateKey),
        ...(chain !== undefined ? { CertificateChain: String(chain) } : {}),
        ...(input.path ? { Path: input.path } : {}),
      }),
      { signal, subject: subjectOf(input.name) },
    );
  } catch (error) {
    if (!(error instanceof IamcertError && isAlreadyExists(error) && error.attempts > 1)) throw error;
    return { row: await ourEarlierUpload(clients, input, report, signal), report };
  }
  const metadata = answer.ServerCertificateMetadata;
  if (!metadata)
    fail(
      'EMPTY_ANSWER',
      'IAM accepted the upload but returned no metadata.',
      worded('Check it with iamcert list.', 'Check it in Server certificates.'),
    );
  return { row: toRow(metadata, input.now ?? new Date()), report };
}

/**
 * "Already exists" after a retry: the first attempt's answer was lost on the way back. It is our
 * upload when the certificate under that name has the same body; anything else is a real clash.
 */
async function ourEarlierUpload(
  clients: IamClients,
  input: UploadServerCertificateInput,
  report: PreflightReport,
  signal?: AbortSignal,
): Promise<ServerCertificateRow> {
  const { certificate, name, path, id, arn, uploadDate, expiration, expiryState } = await getServerCertificate(
    clients,
    input.name,
    { signal, now: input.now },
  );
  if (certificate && report.certificate && certificate.sha256 === report.certificate.sha256) {
    return {
      name,
      path,
      id,
      arn,
      ...(uploadDate ? { uploadDate } : {}),
      ...(expiration ? { expiration, expiryState } : {}),
    };
  }
  fail(
    'ENTITY_ALREADY_EXISTS',
    `A server certificate named "${input.name}" already exists with a different certificate.`,
    worded(
      'Choose another name, or rename or delete the existing one first (iamcert get shows it).',
      'Choose another name, or rename or delete the existing one first (Server certificates shows it).',
    ),
  );
}

/** UpdateServerCertificate: a new name, a new path, or both. */
export async function renameServerCertificate(
  clients: IamClients,
  name: string,
  change: { newName?: string; newPath?: string; cloudfront?: boolean },
  signal?: AbortSignal,
): Promise<void> {
  if (!change.newName && !change.newPath)
    fail(
      'NOTHING_TO_CHANGE',
      'Give a new name, a new path, or both.',
      worded('Use --new-name NAME and/or --new-path /path/.', 'Type a new name or a new path.'),
    );
  const nameProblem = change.newName ? checkName(change.newName) : undefined;
  const pathProblem = change.newPath ? checkPath(change.newPath, { cloudfront: change.cloudfront }) : undefined;
  const problem = nameProblem ?? pathProblem;
  if (problem) fail(problem.code, problem.message, problem);
  await callIam(
    clients,
    new UpdateServerCertificateCommand({
      ServerCertificateName: name,
      ...(change.newName ? { NewServerCertificateName: change.newName } : {}),
      ...(change.newPath ? { NewPath: change.newPath } : {}),
    }),
    { signal, subject: subjectOf(name) },
  );
}

export async function deleteServerCertificate(clients: IamClients, name: string, signal?: AbortSignal): Promise<void> {
  await callIam(clients, new DeleteServerCertificateCommand({ ServerCertificateName: name }), {
    signal,
    subject: subjectOf(name),
  });
}
