import type { Account } from '../accounts/accounts.js';
import { getAcmCertificate } from '../acm/get.js';
import { getServerCertificate } from '../iam/server-certificates.js';
import type { DueItem } from './due.js';
import type { Holdings } from './holdings.js';

/** A due certificate's PEM body, for `expiring --json --pem`; access keys have none. */
export async function certificatePem(
  account: Account,
  item: DueItem,
  holdings: Holdings[],
  signal?: AbortSignal,
): Promise<string | undefined> {
  switch (item.kind) {
    case 'server-certificate':
      return (await getServerCertificate(account.iam, item.name, { signal })).body;
    case 'acm-certificate':
      return (await getAcmCertificate(account.serving, item.id, item.region!, signal)).body;
    case 'signing-certificate':
      return holdings.find((held) => held.account === item.account)?.signing?.find((row) => row.id === item.id)?.body;
    case 'access-key':
      return undefined;
  }
}
