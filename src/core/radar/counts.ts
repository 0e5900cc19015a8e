import type { DueItem } from './due.js';

export interface RadarCounts {
  expired: number;
  soon: number;
  keys: number;
}

/** Home's line: how many are expired, expire soon, and how many keys are due. No SDK here: Home loads it at start. */
export function radarCounts(items: DueItem[]): RadarCounts {
  return {
    expired: items.filter((item) => item.reason === 'expired').length,
    soon: items.filter((item) => item.reason === 'expires-soon').length,
    keys: items.filter((item) => item.kind === 'access-key').length,
  };
}
