import type { AcmCertificateRow } from '../../core/acm/list.js';
import { keyTypeWords } from '../../core/acm/key-types.js';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import type { Holdings } from '../../core/radar/holdings.js';

/**
 * One row of the inventory: an IAM server certificate, or an ACM certificate in the same shape (its domain as the
 * name, its ARN as the key, its expiry as the expiration), so the list, its filter, sort and marks serve both. Actions
 * only IAM has (rename, export, rotate, delete) look at `store`.
 */
export type InventoryRow = ServerCertificateRow &
  ({ store: 'IAM' } | { store: 'ACM'; region: string; acm: AcmCertificateRow }) & {
    /** Set when every account is listed: whose it is. */
    account?: string;
    profile?: string;
  };

/** The rows of every account read, each marked with its account and profile. */
export function everywhereRows(holdings: Holdings[]): InventoryRow[] {
  return holdings.flatMap((held) => {
    const whose = { account: held.account, ...(held.profile ? { profile: held.profile } : {}) };
    return [
      ...held.serverCertificates.map((row) => ({ ...iamRow(row), ...whose })),
      ...held.acm.map((row) => ({ ...acmInventoryRow(row), ...whose })),
    ];
  });
}

export function iamRow(row: ServerCertificateRow): InventoryRow {
  return { ...row, store: 'IAM' };
}

export function acmInventoryRow(row: AcmCertificateRow): InventoryRow {
  return {
    store: 'ACM',
    region: row.region,
    acm: row,
    name: row.domain || '(no domain)',
    path: '',
    // ACM has no IAM ID: nothing can match a CloudFront IAMCertificateId by it.
    id: row.arn.split('/').pop() ?? row.arn,
    arn: row.arn,
    ...(row.notAfter ? { expiration: row.notAfter } : {}),
    ...(row.expiryState ? { expiryState: row.expiryState } : {}),
  };
}

/** The STORE column: "IAM /cloudfront/" or "ACM us-east-1". */
export function storeCell(row: InventoryRow): string {
  return row.store === 'IAM' ? `IAM ${row.path}` : `ACM ${row.region}`;
}

/** What the filter matches on: everything the row shows, and its key type and status for ACM. */
export function rowText(row: InventoryRow): string {
  const whose = row.account ? `${row.account} ${row.profile ?? ''} ` : '';
  if (row.store === 'IAM') return `${whose}IAM ${row.name} ${row.path} ${row.id}`;
  return `${whose}ACM ${row.region} ${row.name} ${row.acm.names.join(' ')} ${keyTypeWords(row.acm.keyType)} ${row.acm.type} ${row.acm.status}`;
}
