import { listServerCertificates } from '../../core/iam/server-certificate-list.js';
import { byExpiry } from '../../core/iam/server-certificate-rows.js';
import { scanConsumers } from '../../core/usage/scan.js';
import { describeConsumer, notLookedAt, usageMap, usedBySummary, type UsageMap } from '../../core/usage/usage-map.js';
import { fail } from '../../core/errors.js';
import { EXIT } from '../../core/lifecycle.js';
import { printJson, type Output } from '../output.js';
import { connect, connectServing, type ConnectionFlags } from './connect.js';
import { checkGivenName } from './given-name.js';
import { parseRegions } from './regions-flag.js';
import { formatTable } from './table.js';
import { sanitise } from '../../core/text/sanitise.js';

export interface UsageFlags extends ConnectionFlags {
  regions?: string;
  within?: string;
  concurrency?: string;
  json?: boolean;
}

export function positive(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    fail(
      'NUMBER_INVALID',
      `${flag} "${text}" is not a whole number.`,
      `Give a number of ${flag === '--within' ? 'days, e.g. --within 30' : 'calls, e.g. --concurrency 8'}.`,
    );
  return value;
}

/**
 * The exit status, for CI to gate on: 3 when some region or service could not be looked at (what is due there is
 * unknown; what was seen is still reported), else 1 when anything served is expired or expires within the window,
 * else 0.
 */
export function usageExit(map: UsageMap): number {
  if (!map.complete) return EXIT.incomplete;
  const due = map.certificates.some((entry) =>
    entry.findings.some((finding) => finding.code === 'EXPIRED_IN_USE' || finding.code === 'EXPIRING_IN_USE'),
  );
  return due ? EXIT.problem : EXIT.ok;
}

/**
 * iamcert usage [NAME]: who serves each server certificate (load balancers in each region, CloudFront), and what needs
 * doing.
 */
export async function runUsage(
  name: string | undefined,
  flags: UsageFlags,
  output: Output,
  now = new Date(),
): Promise<number> {
  checkGivenName(name);
  const regions = parseRegions(flags.regions);
  const withinDays = positive(flags.within, '--within', 30);
  const concurrency = Math.max(1, positive(flags.concurrency, '--concurrency', 8));
  const iam = await connect(flags, output);
  const all = (await listServerCertificates(iam, { now })).sort(byExpiry);
  if (name !== undefined && !all.some((row) => row.name === name))
    fail(
      'NO_SUCH_ENTITY',
      `IAM has no server certificate "${name}".`,
      'Check the name (iamcert list shows them all); names are case-sensitive.',
    );
  const clients = await connectServing(flags, output);
  const scan = await scanConsumers(clients, { regions, concurrency });
  // Bodies of every certificate, so a duplicate is found even when only one name is asked about.
  const { bodyFacts } = await import('../../core/usage/bodies.js');
  const { bodies, gone } = await bodyFacts(iam, all, { concurrency });
  // Deleted by someone else while this ran: left out, and said so, rather than failing the whole map.
  for (const deleted of gone) output.err(`note: ${sanitise(deleted)} was deleted while usage ran; it is left out.`);
  if (name !== undefined && gone.includes(name))
    fail(
      'NO_SUCH_ENTITY',
      `IAM no longer has "${name}".`,
      'It was deleted while usage ran; iamcert list shows what is left.',
    );
  // Duplicates are judged against every certificate; then only the one asked about is shown.
  const everything = usageMap(
    all.filter((row) => !gone.includes(row.name)),
    scan,
    { now, withinDays, bodies },
  );
  const map =
    name === undefined
      ? everything
      : { ...everything, certificates: everything.certificates.filter((entry) => entry.certificate.name === name) };
  if (flags.json) {
    printJson(output, map);
    return usageExit(map);
  }
  if (map.certificates.length === 0) output.out('No server certificates in IAM, so nothing serves one.');
  else
    output.out(
      formatTable(
        ['NAME', 'EXPIRES', 'USED BY', 'FINDING'],
        map.certificates.map((entry) => [
          entry.certificate.name,
          entry.certificate.expiration?.slice(0, 10) ?? '?',
          usedBySummary(entry.consumers),
          entry.findings.map((finding) => finding.code).join(', '),
        ]),
      ),
    );
  for (const entry of map.certificates.filter(
    (item) =>
      item.consumers.length > 0 ||
      item.findings.some((finding) => finding.code !== 'UNUSED' && finding.code !== 'USAGE_UNKNOWN'),
  )) {
    output.out(`\n${sanitise(entry.certificate.name)}:`);
    for (const consumer of entry.consumers) output.out(`  ${describeConsumer(consumer)}`);
    for (const finding of entry.findings) output.out(`  ! ${finding.message}`);
  }
  output.out(
    `\nLooked in ${map.regions.length} region${map.regions.length === 1 ? '' : 's'} (${map.regions.join(', ')}) and CloudFront.`,
  );
  if (!map.complete) output.out(`Could not look at: ${notLookedAt(map.notes)}. What is served there is unknown.`);
  for (const note of map.notes) output.err(`note: ${note.where} not looked at: ${note.message} Fix: ${note.fix}`);
  return usageExit(map);
}
