import type { Account } from '../accounts/accounts.js';
import type { ScanNote } from '../usage/consumers.js';
import { dueItems, RADAR_DEFAULTS, type DueItem } from './due.js';
import { readHoldings } from './holdings.js';

/** What the app's Radar shows: the due items of the account, and what could not be seen. */
export interface RadarView {
  items: DueItem[];
  notes: ScanNote[];
  /** Whether users' access keys and signing certificates were read (the credential report). */
  people: boolean;
  reportGenerated?: string;
}

/**
 * One account's radar. `people: false` reads only the certificate lists (fast, for Home's counts); true also asks
 * IAM for the credential report and every user's signing certificates (the Radar screen).
 */
export async function radarView(
  account: Account,
  options: { people: boolean; signal?: AbortSignal; now?: Date },
): Promise<RadarView> {
  const now = options.now ?? new Date();
  const held = await readHoldings(account, { users: options.people, signal: options.signal, now });
  return {
    items: dueItems([held], { ...RADAR_DEFAULTS, now }),
    notes: held.notes,
    people: options.people,
    ...(held.reportGenerated ? { reportGenerated: held.reportGenerated } : {}),
  };
}
