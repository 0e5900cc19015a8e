export type ExpiryState = 'expired' | '≤30 days' | '≤90 days' | 'ok';

const DAY = 24 * 60 * 60 * 1000;
const UNITS: Array<[string, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['day', DAY],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

/** "12 days", "3 years", "1 hour": the largest whole unit, as people say it. */
export function durationInWords(ms: number): string {
  const abs = Math.abs(ms);
  for (const [unit, size] of UNITS) {
    if (abs < size) continue;
    const count = Math.round(abs / size);
    return `${count} ${unit}${count === 1 ? '' : 's'}`;
  }
  return 'less than a minute';
}

export function daysLeft(notAfter: Date, now: Date = new Date()): number {
  return Math.floor((notAfter.getTime() - now.getTime()) / DAY);
}

export function expiryState(notAfter: Date, now: Date = new Date()): ExpiryState {
  const left = notAfter.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  if (left <= 30 * DAY) return '≤30 days';
  if (left <= 90 * DAY) return '≤90 days';
  return 'ok';
}

/** "expires in 12 days", "EXPIRED 3 years ago". */
export function describeExpiry(notAfter: Date, now: Date = new Date()): string {
  const left = notAfter.getTime() - now.getTime();
  if (left <= 0) return `EXPIRED ${durationInWords(left)} ago`;
  return `expires in ${durationInWords(left)}`;
}

/** "not valid for another 3 days", for certificates whose notBefore is still ahead. */
export function describeNotYetValid(notBefore: Date, now: Date = new Date()): string | undefined {
  const ahead = notBefore.getTime() - now.getTime();
  return ahead > 0 ? `NOT YET VALID for another ${durationInWords(ahead)}` : undefined;
}

/** A moment as people read it in a report: "2025-12-01 14:03 UTC" (a raw ISO string is not words). */
export function momentInWords(iso: string | undefined): string {
  if (!iso) return '?';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
