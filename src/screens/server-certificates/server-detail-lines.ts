import { describeKeyShape } from '../../core/crypto/key-facts.js';
import type { ServerCertificateDetails } from '../../core/iam/server-certificates.js';
import { describeExpiry, momentInWords } from '../../core/time/expiry.js';
import type { ServedBy } from '../../core/usage/served-by.js';
import { describeConsumer, usageMap, type Finding } from '../../core/usage/usage-map.js';
import { certificateNames } from '../../core/usage/names.js';
import { labelled, type ReportLine } from '../../widgets/report/report-lines.js';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** An IAM server certificate's facts as label and value, in the order a person asks for them. */
export function serverDetailLines(details: ServerCertificateDetails, now: Date): ReportLine[] {
  const certificate = details.certificate;
  return [
    labelled('ARN', details.arn),
    labelled('path', details.path),
    labelled('ID', details.id),
    labelled('uploaded', momentInWords(details.uploadDate)),
    ...(certificate
      ? [
          labelled('subject', certificate.subject || '(empty)'),
          labelled('issuer', certificate.selfSigned ? 'itself (self-signed)' : certificate.issuer),
          labelled('names', certificate.sans.join(', ') || '(none)'),
          labelled('key', describeKeyShape(certificate)),
          labelled(
            'valid',
            `${day(certificate.notBefore)} to ${day(certificate.notAfter)}, ${describeExpiry(certificate.notAfter, now)}`,
          ),
          labelled('sha256', certificate.sha256),
        ]
      : [labelled('body', details.parseProblem ?? 'could not be parsed', 'warning')]),
    labelled(
      'chain',
      details.chainCertificates.length === 0
        ? '(none)'
        : details.chainCertificates.map((link) => link.subject || '(empty)').join(' → '),
    ),
  ];
}

/** What being served means for this certificate: expired or expiring while served, names that miss an alias. */
function servedFindings(details: ServerCertificateDetails, usage: ServedBy, now: Date): Finding[] {
  const bodies = new Map([[details.arn, { names: certificateNames(details.certificate) }]]);
  const [entry] = usageMap(
    [details],
    { consumers: usage.consumers, notes: usage.notes, regions: [] },
    { now, bodies },
  ).certificates;
  // Unused or unknown is what the consumers and notes say.
  return (entry?.findings ?? []).filter((finding) => finding.code !== 'UNUSED' && finding.code !== 'USAGE_UNKNOWN');
}

/** The findings, first: what needs doing is read before the facts. */
export function findingLines(details: ServerCertificateDetails, usage: ServedBy, now: Date): ReportLine[] {
  return servedFindings(details, usage, now).map((finding) => ({
    prefix: '! ',
    text: `${finding.message}${finding.code.endsWith('_IN_USE') ? ' R rotates it.' : ''}`,
    tone: finding.code === 'EXPIRED_IN_USE' ? 'danger' : 'warning',
  }));
}

/** Every consumer, one a line, or "nothing found"; then each place that could not be looked at. */
export function servedLines(usage: ServedBy): ReportLine[] {
  const { consumers, notes } = usage;
  const label = (index: number) => (index === 0 ? 'served by ' : ' '.repeat(10));
  return [
    ...(consumers.length === 0
      ? [labelled('served by', 'nothing found (load balancers in every enabled region, CloudFront)')]
      : consumers.map((consumer, index) => ({ prefix: label(index), label: true, text: describeConsumer(consumer) }))),
    ...notes.map((note) => ({
      prefix: `${' '.repeat(10)}! `,
      text: `${note.where} not looked at: ${note.message}`,
      tone: 'warning' as const,
    })),
  ];
}
