import type { Account } from '../accounts/accounts.js';
import { defaultAcmRegions, listAcmEverywhere, type AcmCertificateRow } from '../acm/list.js';
import { toProblem } from '../errors.js';
import { credentialReport, type ReportedUser } from '../iam/credential-report.js';
import { listServerCertificates, type ServerCertificateRow } from '../iam/server-certificate-list.js';
import { listSigningCertificates, type SigningCertificateRow } from '../iam/signing-certificates.js';
import { mapLimited } from '../map-limited.js';
import type { Consumer, ScanNote } from '../usage/consumers.js';
import { scanConsumers } from '../usage/scan.js';
import { enabledRegions } from '../usage/regions.js';

/** What one account holds, as one read saw it, and what that read could not see. */
export interface Holdings {
  account: string;
  profile?: string;
  serverCertificates: ServerCertificateRow[];
  acm: AcmCertificateRow[];
  acmRegions: string[];
  /** Only when the credential report was asked for: users' access keys and signing certificates. */
  users?: ReportedUser[];
  signing?: SigningCertificateRow[];
  reportGenerated?: string;
  /** Only when the usage map was asked for: what serves certificates (load balancers, CloudFront). */
  consumers?: Consumer[];
  notes: ScanNote[];
}

export interface HoldingsOptions {
  /** ACM regions: a list, or every region enabled for the account; default the profile's region and us-east-1. */
  acmRegions?: string[] | 'all';
  /** Read the credential report and every user's signing certificates (the radar does; the inventory does not). */
  users?: boolean;
  /** Also look at what serves each certificate (every enabled region and CloudFront). */
  usage?: boolean;
  /** Only IAM certificates under this path. */
  pathPrefix?: string;
  signal?: AbortSignal;
  now?: Date;
}

const note = (where: string, error: unknown): ScanNote => ({ where, ...toProblem(error) });

/**
 * IAM server certificates (a failure here fails the account), ACM in each region, and, when asked, the credential
 * report with the signing certificates of each user who has any. Anything but IAM's list that cannot be read is a
 * note, and the rest still comes back.
 */
export async function readHoldings(account: Account, options: HoldingsOptions = {}): Promise<Holdings> {
  const { now } = options;
  // IAM's list failing fails the account: the reads beside it stop then, instead of retrying into the error's wake.
  const failed = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, failed.signal]) : failed.signal;
  const regionNotes: ScanNote[] = [];
  const acmRegions = await chosenRegions(account, options.acmRegions, signal).catch((error: unknown) => {
    if (signal?.aborted) throw error;
    regionNotes.push(note('the list of regions (ACM read in the default ones only)', error));
    return defaultAcmRegions(account.iam.region);
  });
  const [serverCertificates, acm, people] = await Promise.all([
    listServerCertificates(account.iam, { signal, now, pathPrefix: options.pathPrefix }).catch((error: unknown) => {
      failed.abort();
      throw error;
    }),
    listAcmEverywhere(account.serving, acmRegions, { signal, now }),
    options.users ? readPeople(account, { signal, now }) : undefined,
  ]);
  const scan = options.usage ? await scanConsumers(account.serving, { signal }) : undefined;
  return {
    account: account.id,
    ...(account.profile ? { profile: account.profile } : {}),
    serverCertificates,
    acm: acm.rows,
    acmRegions,
    ...(people ? { users: people.users, signing: people.signing } : {}),
    ...(people?.generated ? { reportGenerated: people.generated } : {}),
    ...(scan ? { consumers: scan.consumers } : {}),
    notes: [...regionNotes, ...acm.notes, ...(people?.notes ?? []), ...(scan?.notes ?? [])],
  };
}

async function chosenRegions(account: Account, chosen: HoldingsOptions['acmRegions'], signal?: AbortSignal) {
  if (chosen === 'all') return enabledRegions(account.serving, signal);
  return chosen ?? defaultAcmRegions(account.iam.region);
}

async function readPeople(account: Account, options: { signal?: AbortSignal; now?: Date }) {
  const notes: ScanNote[] = [];
  let report: Awaited<ReturnType<typeof credentialReport>>;
  try {
    report = await credentialReport(account.iam, { signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    notes.push(note('the credential report (access keys and signing certificates)', error));
    return { users: undefined, signing: undefined, notes };
  }
  const holders = report.users.filter((user) => user.signingCertificates > 0);
  const signing = await mapLimited(holders, 4, async (user) => {
    try {
      return await listSigningCertificates(account.iam, user.user, options);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      notes.push(note(`the signing certificates of ${user.user}`, error));
      return [];
    }
  });
  return { users: report.users, signing: signing.flat(), generated: report.generated, notes };
}
