import { serves, usedBySummary } from '../usage/usage-map.js';
import { createHash } from 'node:crypto';
import type { Holdings } from './holdings.js';
import type { ReportedAccessKey } from '../iam/credential-report.js';

const DAY = 24 * 60 * 60 * 1000;

export type DueKind = 'server-certificate' | 'acm-certificate' | 'signing-certificate' | 'access-key';

/** Why an item is due. */
export type DueReason = 'expired' | 'expires-soon' | 'key-old' | 'key-unused';

/** What fixes it; each front end words it (keys in the app, commands headless). */
export type DueAction =
  'rotate' | 'delete-expired' | 'reimport' | 'acm-renews' | 'renew-signing' | 'rotate-access-key' | 'remove-access-key';

export interface DueItem {
  kind: DueKind;
  store: 'IAM' | 'ACM';
  account: string;
  profile?: string;
  /** ACM's region; IAM is global. */
  region?: string;
  /** The certificate's name (IAM), domain (ACM) or the user (signing certificates, access keys). */
  name: string;
  /** What tells it apart: ARN, certificate ID, or the access key's slot. */
  id: string;
  /** The date that makes it due: the expiry, or when the key was made or last used. */
  date: string;
  /** Days until the expiry (negative: ago), or the key's age in days. */
  days: number;
  reason: DueReason;
  action: DueAction;
  /** Stable per slot (name without its date, ACM ARN, user and slot): a renewed certificate keeps it. */
  slot: string;
  /** With the usage map: what serves it ("2 ALB, 1 CF", or "—"). */
  servedBy?: string;
}

export interface RadarOptions {
  /** Certificates expiring within this many days are due (default 30). */
  withinDays: number;
  /** Access keys older than this are due (default 90: CIS, AWS Config's access-keys-rotated). */
  maxKeyAgeDays: number;
  /** Active access keys unused this long are due (default 45). */
  unusedDays: number;
  now: Date;
}

export const RADAR_DEFAULTS = { withinDays: 30, maxKeyAgeDays: 90, unusedDays: 45 } as const;

const daysUntil = (iso: string, now: Date) => Math.floor((new Date(iso).getTime() - now.getTime()) / DAY);
/** Whole days since then: a key made this morning is 0 days old. */
const daysSince = (iso: string, now: Date) => Math.floor((now.getTime() - new Date(iso).getTime()) / DAY);

/** A slot's stable name: the IAM name without the trailing year or date rotation puts there. */
export function slotOf(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** An access key's slot: the user's first or second key. */
export const keySlot = (account: string, user: string, slot: number) =>
  slotOf(['access-key', account, user, String(slot)]);

const iamSlotName = (name: string) => name.replace(/-\d{4}(\d{4})?$/, '');

/** Every certificate with an expiry, and every access key with a date: what a calendar shows. */
export function datedItems(holdings: Holdings[], now: Date): DueItem[] {
  const items: DueItem[] = [];
  for (const held of holdings) {
    const base = { account: held.account, ...(held.profile ? { profile: held.profile } : {}) };
    const served = (certificate: { arn: string; id: string }) =>
      held.consumers
        ? { servedBy: usedBySummary(held.consumers.filter((consumer) => serves(consumer, certificate))) }
        : {};
    for (const certificate of held.serverCertificates) {
      if (!certificate.expiration) continue;
      const days = daysUntil(certificate.expiration, now);
      items.push({
        ...base,
        kind: 'server-certificate',
        store: 'IAM',
        name: certificate.name,
        id: certificate.arn,
        date: certificate.expiration,
        days,
        reason: days < 0 ? 'expired' : 'expires-soon',
        action: days < 0 ? 'delete-expired' : 'rotate',
        slot: slotOf(['IAM', held.account, iamSlotName(certificate.name)]),
        ...served(certificate),
      });
    }
    for (const certificate of held.acm) {
      if (!certificate.notAfter) continue;
      const days = daysUntil(certificate.notAfter, now);
      const renews = certificate.type !== 'IMPORTED' && certificate.renewalEligibility === 'ELIGIBLE';
      items.push({
        ...base,
        kind: 'acm-certificate',
        store: 'ACM',
        region: certificate.region,
        name: certificate.domain,
        id: certificate.arn,
        date: certificate.notAfter,
        days,
        reason: days < 0 || certificate.status === 'EXPIRED' ? 'expired' : 'expires-soon',
        action: renews ? 'acm-renews' : 'reimport',
        slot: slotOf(['ACM', certificate.arn]),
        ...served({ arn: certificate.arn, id: '' }),
      });
    }
    const signing = [...(held.signing ?? [])].sort((a, b) => (a.uploadDate ?? '').localeCompare(b.uploadDate ?? ''));
    for (const certificate of signing) {
      if (!certificate.notAfter) continue;
      const days = daysUntil(certificate.notAfter, now);
      const position = signing.filter((other) => other.userName === certificate.userName).indexOf(certificate) + 1;
      items.push({
        ...base,
        kind: 'signing-certificate',
        store: 'IAM',
        name: certificate.userName,
        id: certificate.id,
        date: certificate.notAfter,
        days,
        reason: days < 0 ? 'expired' : 'expires-soon',
        action: 'renew-signing',
        slot: slotOf(['signing', held.account, certificate.userName, String(position)]),
      });
    }
  }
  return items;
}

/** Each active access key with a date, as a radar item dated by when it was made or last rotated. */
export function keyDates(holdings: Holdings[]): Array<{ item: DueItem; key: ReportedAccessKey }> {
  return holdings.flatMap((held) =>
    (held.users ?? []).flatMap((user) =>
      user.accessKeys
        .filter((key) => key.active && key.lastRotated)
        .map((key) => ({
          key,
          item: {
            account: held.account,
            ...(held.profile ? { profile: held.profile } : {}),
            kind: 'access-key' as const,
            store: 'IAM' as const,
            name: user.user,
            id: `access key ${key.slot}`,
            date: key.lastRotated!,
            days: 0,
            reason: 'key-old' as const,
            action: 'rotate-access-key' as const,
            slot: keySlot(held.account, user.user, key.slot),
          },
        })),
    ),
  );
}

/** Access keys too old or long unused, from the credential report. */
function keyItems(holdings: Holdings[], options: RadarOptions): DueItem[] {
  return keyDates(holdings).flatMap(({ item, key }): DueItem[] => {
    const age = daysSince(key.lastRotated!, options.now);
    const lastSeen = key.lastUsed ?? key.lastRotated!;
    const unused = daysSince(lastSeen, options.now);
    if (unused > options.unusedDays)
      return [{ ...item, date: lastSeen, days: unused, reason: 'key-unused', action: 'remove-access-key' }];
    if (age > options.maxKeyAgeDays) return [{ ...item, days: age }];
    return [];
  });
}

/**
 * What is due across the accounts read: certificates expired or expiring within the window (IAM server, ACM,
 * signing), expired IAM server certificates still stored (CIS asks for their removal), and access keys too old
 * or unused. Soonest first: expired and oldest at the top.
 */
export function dueItems(holdings: Holdings[], options: RadarOptions): DueItem[] {
  const certificates = datedItems(holdings, options.now).filter(
    (item) => item.reason === 'expired' || item.days <= options.withinDays,
  );
  const keys = keyItems(holdings, options);
  const urgency = (item: DueItem) =>
    item.kind === 'access-key'
      ? -(item.days - (item.reason === 'key-old' ? options.maxKeyAgeDays : options.unusedDays))
      : item.days;
  return [...certificates, ...keys].sort((a, b) => urgency(a) - urgency(b) || a.name.localeCompare(b.name));
}
