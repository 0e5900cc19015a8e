import type { ExpiryState } from '../core/time/expiry.js';
import { durationInWords } from '../core/time/expiry.js';
import type { Tone } from '../ui/theme.js';

/**
 * "2027-01-01 in 12 days" or "2020-05-01 EXPIRED", and the tone that goes with it: the date and the words, in every
 * list; narrow, the date alone ("2020-05-01!" when expired).
 */
export function expiresCell(
  row: { expiration?: string; expiryState?: ExpiryState },
  now: Date,
): { text: string; narrow: string; tone?: Tone } {
  if (!row.expiration) return { text: '?', narrow: '?' };
  const date = row.expiration.slice(0, 10);
  const left = new Date(row.expiration).getTime() - now.getTime();
  // Narrow, the date stays (it is what tells two rows apart) and an expired one still says so.
  if (left <= 0) return { text: `${date} EXPIRED`, narrow: `${date}!`, tone: 'danger' };
  const words = `${date} in ${durationInWords(left)}`;
  return {
    text: words,
    narrow: date,
    tone: row.expiryState === '≤30 days' ? 'danger' : row.expiryState === '≤90 days' ? 'warning' : undefined,
  };
}
