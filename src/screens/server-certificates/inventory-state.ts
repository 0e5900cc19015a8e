import { byExpiry } from '../../core/iam/server-certificate-rows.js';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';

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

