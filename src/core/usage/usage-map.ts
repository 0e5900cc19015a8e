import type { ServerCertificateRow } from '../iam/server-certificate-list.js';
import type { Consumer, ScanNote } from './consumers.js';
import { covers, type BodyFacts } from './names.js';
import { sanitise } from '../text/sanitise.js';

/**
 * The usage map, as plain data in and out: no SDK here, so the app's first frame can use these
 * helpers without loading a single load balancer client.
 */

/** Who serves what, as one scan found it (see scan.ts). */
export interface Scan {
  consumers: Consumer[];
  notes: ScanNote[];
  regions: string[];
}

export type FindingCode =
  'EXPIRED_IN_USE' | 'EXPIRING_IN_USE' | 'UNUSED' | 'USAGE_UNKNOWN' | 'DUPLICATE' | 'NAMES_DO_NOT_COVER';

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
  /** Where the scan could not look (per region and service): what is served there is unknown. */
  notes: ScanNote[];
  regions: string[];
  /** True only when every region and service answered: nothing is called unused otherwise. */
  complete: boolean;
}

/** Where a scan could not look, in one phrase: "classic load balancers in eu-west-1 (ACCESS_DENIED); …". */
export function notLookedAt(notes: ScanNote[]): string {
  return notes.map((note) => `${note.where} (${note.code})`).join('; ');
}

const DAY = 86_400_000;

/** Load balancers name a certificate by ARN, CloudFront by its ServerCertificateId. */
export function serves(consumer: Consumer, certificate: Pick<ServerCertificateRow, 'arn' | 'id'>): boolean {
  return (
    (consumer.certificate.arn !== undefined && consumer.certificate.arn === certificate.arn) ||
    (consumer.certificate.id !== undefined && consumer.certificate.id === certificate.id)
  );
}

/** Each certificate with who serves it and what that means: in use and expired is an outage now. */
export function usageMap(
  certificates: ServerCertificateRow[],
  scan: Scan,
  options: { now?: Date; withinDays?: number; bodies?: Map<string, BodyFacts> } = {},
): UsageMap {
  const bodies = options.bodies;
  const now = options.now ?? new Date();
  const within = options.withinDays ?? 30;
  const complete = scan.notes.length === 0;
  return {
    regions: scan.regions,
    notes: scan.notes,
    complete,
    certificates: certificates.map((certificate) => {
      const consumers = scan.consumers.filter((consumer) => serves(consumer, certificate));
      const findings: Finding[] = [];
      const expires = certificate.expiration ? new Date(certificate.expiration) : undefined;
      if (consumers.length === 0 && complete) findings.push({ code: 'UNUSED', message: 'Nothing serves it.' });
      else if (consumers.length === 0)
        findings.push({
          code: 'USAGE_UNKNOWN',
          message: `Nothing found serving it where iamcert could look, but it could not look at ${notLookedAt(scan.notes)}.`,
        });
      else if (expires && expires.getTime() <= now.getTime())
        findings.push({
          code: 'EXPIRED_IN_USE',
          message: `Expired ${certificate.expiration!.slice(0, 10)} and still served: HTTPS fails there now. Upload a renewed certificate and put it in its place on each of these.`,
        });
      else if (expires && expires.getTime() - now.getTime() <= within * DAY)
        findings.push({
          code: 'EXPIRING_IN_USE',
          message: `Expires ${certificate.expiration!.slice(0, 10)}, within ${within} days, and is served: put a renewed certificate in its place before then.`,
        });
      const body = bodies?.get(certificate.arn);
      if (body?.sha256) {
        const twins = certificates
          .filter((other) => other.arn !== certificate.arn && bodies?.get(other.arn)?.sha256 === body.sha256)
          .map((other) => other.name);
        if (twins.length > 0)
          findings.push({
            code: 'DUPLICATE',
            message: `The same certificate (SHA-256 ${body.sha256.slice(0, 16)}…) is also uploaded as ${twins.join(', ')}.`,
          });
      }
      if (body) {
        const uncovered = consumers.flatMap((consumer) =>
          (consumer.domains ?? [])
            .filter((domain) => !covers(body.names, domain))
            .map((domain) => `${domain} (${consumer.kind} ${consumer.name})`),
        );
        if (uncovered.length > 0)
          findings.push({
            code: 'NAMES_DO_NOT_COVER',
            message: `Its names (${body.names.join(', ') || 'none'}) do not cover ${uncovered.join(', ')}: browsers there get a name mismatch.`,
          });
      }
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

/** The same in the inventory's narrow column: a count only where there are several ("ELB, 2 ALB, CF"). */
export function usedByShort(consumers: Consumer[]): string {
  return usedBySummary(consumers).replace(/(^|, )1 /g, '$1');
}

const LETTER: Record<Consumer['kind'], string> = { ELB: 'E', ALB: 'A', NLB: 'N', CloudFront: 'CF' };

/** Narrower still, every kind kept: "2E 6A CF" (E classic ELB, A ALB, N NLB, CF CloudFront). */
export function usedByNarrow(consumers: Consumer[]): string {
  if (consumers.length === 0) return '—';
  const counts = new Map<string, number>();
  for (const consumer of consumers) counts.set(LETTER[consumer.kind], (counts.get(LETTER[consumer.kind]) ?? 0) + 1);
  return [...counts].map(([letter, count]) => (count > 1 ? `${count}${letter}` : letter)).join(' ');
}

/** How a consumer reads in a list: "ALB web-prod (us-east-1) HTTPS:443, SNI". */
export function describeConsumer(consumer: Consumer): string {
  // Names from answers are data: one line each, whatever they hold.
  const name = sanitise(consumer.name);
  if (consumer.kind === 'CloudFront')
    return `CloudFront ${name}${consumer.domains?.length ? ` (${consumer.domains.map(sanitise).join(', ')})` : ''}`;
  const role = consumer.role === 'sni' ? ', SNI' : consumer.role === 'default' ? ', default' : '';
  return `${consumer.kind} ${name} (${sanitise(consumer.region ?? '')}) ${sanitise(consumer.listener ?? '')}${role}`;
}
