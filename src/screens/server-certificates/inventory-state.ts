import { byExpiry } from '../../core/iam/server-certificate-rows.js';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import { durationInWords } from '../../core/time/expiry.js';
import type { Tone } from '../../tui/theme.js';

export const SORTS = ['expiry', 'name', 'uploaded', 'path'] as const;
export type Sort = (typeof SORTS)[number];

export function nextSort(sort: Sort): Sort {
  return SORTS[(SORTS.indexOf(sort) + 1) % SORTS.length]!;
}

const byText = (pick: (row: ServerCertificateRow) => string | undefined) => (a: ServerCertificateRow, b: ServerCertificateRow) => (pick(a) ?? '').localeCompare(pick(b) ?? '') || a.name.localeCompare(b.name);

const COMPARE: Record<Sort, (a: ServerCertificateRow, b: ServerCertificateRow) => number> = {
  expiry: byExpiry,
  name: byText((row) => row.name),
  uploaded: (a, b) => (b.uploadDate ?? '').localeCompare(a.uploadDate ?? '') || a.name.localeCompare(b.name),
  path: byText((row) => row.path),
};

/** Rows matching the filter (name, path or ID, case-insensitive), in the chosen order. */
export function visibleRows(rows: ServerCertificateRow[], filter: string, sort: Sort): ServerCertificateRow[] {
  const needle = filter.trim().toLowerCase();
  const matching = needle ? rows.filter((row) => `${row.name} ${row.path} ${row.id}`.toLowerCase().includes(needle)) : rows;
  return [...matching].sort(COMPARE[sort]);
}

/** "2027-01-01 in 12 days" or "2020-05-01 EXPIRED", and the tone that goes with it. */
export function expiresCell(row: ServerCertificateRow, now: Date): { text: string; tone?: Tone } {
  if (!row.expiration) return { text: '?' };
  const date = row.expiration.slice(0, 10);
  const left = new Date(row.expiration).getTime() - now.getTime();
  if (left <= 0) return { text: `${date} EXPIRED`, tone: 'danger' };
  const words = `${date} in ${durationInWords(left)}`;
  return { text: words, tone: row.expiryState === '≤30 days' ? 'danger' : row.expiryState === '≤90 days' ? 'warning' : undefined };
}
