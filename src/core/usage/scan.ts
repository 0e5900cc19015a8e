import { toProblem } from '../errors.js';
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

const note = (where: string, error: unknown): ScanNote => {
  const problem = toProblem(error);
  return { where, code: problem.code, message: problem.message, fix: problem.fix };
};

/**
 * Everything that serves an IAM certificate: classic and v2 load balancers in each region (the
 * account's enabled regions, or those given), a few regions at a time, and CloudFront. A region
 * that refuses is a note; the rest of the map still comes back.
 */
export async function scanConsumers(
  clients: ServingClients,
  options: { regions?: string[]; concurrency?: number; signal?: AbortSignal } = {},
): Promise<Scan> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  shareSignal(options.signal, concurrency + 1);
  const notes: ScanNote[] = [];
  let regions = options.regions;
  if (!regions) {
    regions = await enabledRegions(clients, options.signal).catch((error: unknown) => {
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
