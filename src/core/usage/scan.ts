import { toProblem, fixOf } from '../errors.js';
import { mapLimited } from '../map-limited.js';
import { shareSignal } from '../shared-signal.js';
import type { Consumer, ScanNote } from './consumers.js';
import { enabledRegions } from './regions.js';
import { cloudFrontConsumers } from './scan-cloudfront.js';
import { classicConsumers } from './scan-elb.js';
import { elbv2Consumers } from './scan-elbv2.js';
import type { ServingClients } from './serving-clients.js';
import type { Scan } from './usage-map.js';

export const DEFAULT_CONCURRENCY = 8;

/** A scan that has not finished by then stops: what had not answered is a note, and every decision refuses. */
export function scanDeadlineMs(): number {
  const fromEnvironment = Number(process.env.IAMCERT_SCAN_DEADLINE_MS);
  return fromEnvironment > 0 ? fromEnvironment : 120_000;
}

function noteMaker(deadline: AbortSignal, deadlineMs: number) {
  return (where: string, error: unknown): ScanNote => {
    if (deadline.aborted) {
      return {
        where,
        code: 'NO_ANSWER',
        message: `${where} gave no answer within ${Math.round(deadlineMs / 1000)} s, the scan's time limit.`,
        fix: 'Check the network, --endpoint-url and any proxy; IAMCERT_SCAN_DEADLINE_MS allows a longer scan.',
        appFix: 'Check the network and any proxy, then r to look again.',
      };
    }
    const problem = toProblem(error);
    return { where, code: problem.code, message: problem.message, ...fixOf(problem) };
  };
}

/**
 * Everything that serves an IAM certificate: classic and v2 load balancers in each region (the
 * account's enabled regions, or those given), a few regions at a time, and CloudFront. A region
 * that refuses is a note; the rest of the map still comes back.
 */
export async function scanConsumers(
  clients: ServingClients,
  options: { regions?: string[]; concurrency?: number; signal?: AbortSignal; deadlineMs?: number } = {},
): Promise<Scan> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const deadlineMs = options.deadlineMs ?? scanDeadlineMs();
  const deadline = AbortSignal.timeout(deadlineMs);
  // Stopped by the caller (Ctrl-C, leaving the screen): the scan ends with that. By the deadline: with notes.
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  shareSignal(signal, concurrency + 1);
  const note = noteMaker(deadline, deadlineMs);
  const notes: ScanNote[] = [];
  let regions = options.regions;
  if (!regions) {
    regions = await enabledRegions(clients, signal).catch((error: unknown) => {
      if (options.signal?.aborted) throw error;
      notes.push(note('the list of regions', error));
      return [clients.region];
    });
  }
  const perRegion = await mapLimited(regions, concurrency, async (region) => {
    const found: Consumer[] = [];
    for (const [label, scan] of [
      ['classic load balancers', classicConsumers],
      ['application and network load balancers', elbv2Consumers],
    ] as const) {
      try {
        found.push(...(await scan(clients, region, signal)));
      } catch (error) {
        if (options.signal?.aborted) throw error;
        notes.push(note(`${label} in ${region}`, error));
      }
    }
    return found;
  });
  const global = await cloudFrontConsumers(clients, signal).catch((error: unknown) => {
    if (options.signal?.aborted) throw error;
    notes.push(note('CloudFront', error));
    return [] as Consumer[];
  });
  return { consumers: [...perRegion.flat(), ...global], notes, regions };
}
