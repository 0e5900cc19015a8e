import { toProblem } from '../errors.js';
import type { ServerCertificateRow } from '../iam/server-certificate-list.js';
import { mapLimited } from '../map-limited.js';
import type { Consumer, ScanNote } from './consumers.js';
import { enabledRegions } from './regions.js';
import { cloudFrontConsumers } from './scan-cloudfront.js';
import { classicConsumers } from './scan-elb.js';
import { elbv2Consumers } from './scan-elbv2.js';
import type { ServingClients } from './serving-clients.js';

export interface Scan {
  consumers: Consumer[];
  notes: ScanNote[];
  regions: string[];
}

export const DEFAULT_CONCURRENCY = 8;

const note = (where: string, error: unknown): ScanNote => {
  const problem = toProblem(error);
  return { where, code: problem.code, message: problem.message, fix: problem.fix };
};

/**
 * Everything that serves an IAM certificate: classic and v2 load balancers in each region (the
 * account's enabled regions, or those given), a few regions at a time, and CloudFront. A region
 * that refuses is a note; the rest of the map still comes back.
 */
export async function scanConsumers(clients: ServingClients, options: { regions?: string[]; concurrency?: number; signal?: AbortSignal } = {}): Promise<Scan> {
  const notes: ScanNote[] = [];
  let regions = options.regions;
  if (!regions) {
    regions = await enabledRegions(clients, options.signal).catch((error: unknown) => {
      if (options.signal?.aborted) throw error;
      notes.push(note('the list of regions', error));
      return [clients.region];
    });
  }
  const perRegion = await mapLimited(regions, options.concurrency ?? DEFAULT_CONCURRENCY, async (region) => {
    const found: Consumer[] = [];
    for (const [label, scan] of [
      ['classic load balancers', classicConsumers],
      ['application and network load balancers', elbv2Consumers],
    ] as const) {
      try {
        found.push(...(await scan(clients, region, options.signal)));
      } catch (error) {
        if (options.signal?.aborted) throw error;
        notes.push(note(`${label} in ${region}`, error));
      }
    }
    return found;
  });
  const global = await cloudFrontConsumers(clients, options.signal).catch((error: unknown) => {
    if (options.signal?.aborted) throw error;
    notes.push(note('CloudFront', error));
    return [] as Consumer[];
  });
  return { consumers: [...perRegion.flat(), ...global], notes, regions };
}

export type FindingCode = 'EXPIRED_IN_USE' | 'EXPIRING_IN_USE' | 'UNUSED';

export interface Finding {
  code: FindingCode;
  message: string;
}

export interface CertificateUsage {
  certificate: ServerCertificateRow;
  consumers: Consumer[];
  findings: Finding[];
}

export interface UsageMap {
  certificates: CertificateUsage[];
  notes: ScanNote[];
  regions: string[];
}

const DAY = 86_400_000;

/** Load balancers name a certificate by ARN, CloudFront by its ServerCertificateId. */
export function serves(consumer: Consumer, certificate: ServerCertificateRow): boolean {
  return (consumer.certificate.arn !== undefined && consumer.certificate.arn === certificate.arn) || (consumer.certificate.id !== undefined && consumer.certificate.id === certificate.id);
}

/** Each certificate with who serves it and what that means: in use and expired is an outage now. */
export function usageMap(certificates: ServerCertificateRow[], scan: Scan, options: { now?: Date; withinDays?: number } = {}): UsageMap {
  const now = options.now ?? new Date();
  const within = options.withinDays ?? 30;
  return {
    regions: scan.regions,
    notes: scan.notes,
    certificates: certificates.map((certificate) => {
      const consumers = scan.consumers.filter((consumer) => serves(consumer, certificate));
      const findings: Finding[] = [];
      const expires = certificate.expiration ? new Date(certificate.expiration) : undefined;
      if (consumers.length === 0) findings.push({ code: 'UNUSED', message: 'Nothing found serving it.' });
      else if (expires && expires.getTime() <= now.getTime()) findings.push({ code: 'EXPIRED_IN_USE', message: `Expired ${certificate.expiration!.slice(0, 10)} and still served: HTTPS fails there now. Upload a renewed certificate and put it in its place on each of these.` });
      else if (expires && expires.getTime() - now.getTime() <= within * DAY) findings.push({ code: 'EXPIRING_IN_USE', message: `Expires ${certificate.expiration!.slice(0, 10)}, within ${within} days, and is served: rotate it before then.` });
      return { certificate, consumers, findings };
    }),
  };
}

/** "2 ALB, 1 CF", or "—": the inventory's USED BY cell. */
export function usedBySummary(consumers: Consumer[]): string {
  if (consumers.length === 0) return '—';
  const counts = new Map<string, number>();
  for (const consumer of consumers) {
    const label = consumer.kind === 'CloudFront' ? 'CF' : consumer.kind;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => `${count} ${label}`).join(', ');
}

/** How a consumer reads in a list: "ALB web-prod (us-east-1) HTTPS:443, SNI". */
export function describeConsumer(consumer: Consumer): string {
  if (consumer.kind === 'CloudFront') return `CloudFront ${consumer.name}${consumer.domains?.length ? ` (${consumer.domains.join(', ')})` : ''}`;
  return `${consumer.kind} ${consumer.name} (${consumer.region}) ${consumer.listener ?? ''}${consumer.role === 'sni' ? ', SNI' : consumer.role === 'default' ? ', default' : ''}`;
}
