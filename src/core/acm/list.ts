import {
  ListCertificatesCommand,
  type CertificateSummary,
  type ListCertificatesCommandOutput,
} from '@aws-sdk/client-acm';
import { toProblem } from '../errors.js';
import { allPages } from '../iam/pages.js';
import { mapLimited } from '../map-limited.js';
import { expiryState, type ExpiryState } from '../time/expiry.js';
import type { ScanNote } from '../usage/consumers.js';
import { callService, type ServingClients } from '../usage/serving-clients.js';
import { ACM_KEY_TYPES, acmKeyType } from './key-types.js';

export interface AcmCertificateRow {
  arn: string;
  region: string;
  domain: string;
  /** The names ACM lists in its summary; `moreNames` when it holds back some. */
  names: string[];
  moreNames: boolean;
  /** ISSUED, EXPIRED, PENDING_VALIDATION, INACTIVE, REVOKED, FAILED, VALIDATION_TIMED_OUT. */
  status: string;
  /** IMPORTED, AMAZON_ISSUED or PRIVATE. */
  type: string;
  /** RSA_2048, EC_prime256v1, … */
  keyType: string;
  notAfter?: string;
  notBefore?: string;
  expiryState?: ExpiryState;
  renewalEligibility?: string;
  /** ACM lets the certificate (and key) be exported. */
  exportable: boolean;
  inUse: boolean;
}

/** us-east-1 and the profile's region: CloudFront's certificates live in the first, most others in the second. */
export function defaultAcmRegions(profileRegion: string): string[] {
  return [...new Set([profileRegion, 'us-east-1'])];
}

const ACM_PAGE_SIZE = 1000;

export function acmRow(summary: CertificateSummary, region: string, now: Date): AcmCertificateRow {
  const notAfter = summary.NotAfter;
  return {
    arn: summary.CertificateArn ?? '',
    region,
    domain: summary.DomainName ?? '',
    names: summary.SubjectAlternativeNameSummaries ?? [],
    moreNames: summary.HasAdditionalSubjectAlternativeNames ?? false,
    status: summary.Status ?? '?',
    type: summary.Type ?? '?',
    keyType: acmKeyType(summary.KeyAlgorithm),
    ...(notAfter ? { notAfter: notAfter.toISOString(), expiryState: expiryState(notAfter, now) } : {}),
    ...(summary.NotBefore ? { notBefore: summary.NotBefore.toISOString() } : {}),
    ...(summary.RenewalEligibility ? { renewalEligibility: summary.RenewalEligibility } : {}),
    exportable: summary.ExportOption === 'ENABLED' || summary.Type === 'PRIVATE',
    inUse: summary.InUse ?? false,
  };
}

/**
 * Every ACM certificate in one region, every key type asked for by name, following NextToken: the
 * summary carries the facts the inventory shows, so no DescribeCertificate per certificate.
 */
export async function listAcmCertificates(
  clients: ServingClients,
  region: string,
  options: { signal?: AbortSignal; now?: Date } = {},
): Promise<AcmCertificateRow[]> {
  const client = await clients.acm(region);
  const now = options.now ?? new Date();
  return allPages(async (NextToken) => {
    const page = await callService<ListCertificatesCommandOutput>(
      client,
      new ListCertificatesCommand({ Includes: { keyTypes: [...ACM_KEY_TYPES] }, MaxItems: ACM_PAGE_SIZE, NextToken }),
      { service: 'acm', clients, signal: options.signal },
    );
    return {
      items: (page.CertificateSummaryList ?? []).map((summary) => acmRow(summary, region, now)),
      marker: page.NextToken,
    };
  });
}

export interface AcmListing {
  rows: AcmCertificateRow[];
  /** Regions that could not be read: the listing says what it could not see. */
  notes: ScanNote[];
  regions: string[];
}

/** ACM in each region asked for, a few at a time; a region that fails is a note, the others still listed. */
export async function listAcmEverywhere(
  clients: ServingClients,
  regions: string[],
  options: { signal?: AbortSignal; now?: Date; concurrency?: number } = {},
): Promise<AcmListing> {
  const notes: ScanNote[] = [];
  const perRegion = await mapLimited(regions, options.concurrency ?? 4, async (region) => {
    try {
      return await listAcmCertificates(clients, region, options);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const problem = toProblem(error);
      notes.push({ where: `ACM in ${region}`, ...regionProblem(problem, region) });
      return [];
    }
  });
  return { rows: perRegion.flat(), notes, regions };
}

/** A region not enabled for the account answers as if the credentials were unknown: say what it most likely is. */
function regionProblem(problem: { code: string; message: string; fix: string }, region: string) {
  if (problem.code !== 'CREDENTIALS_REJECTED' && problem.code !== 'AWS_OPT_IN_REQUIRED') return problem;
  return {
    code: 'REGION_DISABLED',
    message: `${region} rejected these credentials: the region is most likely not enabled for this account.`,
    fix: `Enable ${region} in the account settings, or leave it out with --acm-regions.`,
    appFix: `Enable ${region} in the account settings (Account → AWS Regions), then r to look again.`,
  };
}
