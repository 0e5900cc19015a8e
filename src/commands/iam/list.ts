import type { AcmCertificateRow } from '../../core/acm/list.js';
import { keyTypeWords } from '../../core/acm/key-types.js';
import { readAccounts } from '../../core/accounts/accounts.js';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import { byExpiry } from '../../core/iam/server-certificate-rows.js';
import { readHoldings } from '../../core/radar/holdings.js';
import { describeExpiry, expiryState } from '../../core/time/expiry.js';
import { EXIT } from '../../core/lifecycle.js';
import { IamcertError } from '../../core/errors.js';
import { printJson, type Output } from '../output.js';
import { openAccountsFromFlags, parseAcmRegions, reportUnseen, type AccountFlags } from './accounts.js';
import { formatTable } from './table.js';

export interface ListFlags extends AccountFlags {
  pathPrefix?: string;
  json?: boolean;
}

type ListedRow =
  ({ store: 'IAM'; account: string } & ServerCertificateRow) | ({ store: 'ACM'; account: string } & AcmCertificateRow);

function expiresCell(expiration: string | undefined, now: Date): string {
  if (!expiration) return '?';
  return `${expiration.slice(0, 10)} (${describeExpiry(new Date(expiration), now).replace(/^expires /, '')})`;
}

const expiryOf = (row: ListedRow) => (row.store === 'IAM' ? row.expiration : row.notAfter);
const nameOf = (row: ListedRow) => (row.store === 'IAM' ? row.name : row.domain);

function acmDetails(row: AcmCertificateRow): string {
  return [row.type, keyTypeWords(row.keyType), row.status === 'ISSUED' ? '' : row.status, row.inUse ? 'in use' : '']
    .filter(Boolean)
    .join(', ');
}

/**
 * iamcert list: IAM server certificates and ACM certificates (every key type) in the regions asked for, in each
 * account asked for, soonest expiry first. An account or region that cannot be read is said, and the run exits 3.
 */
export async function runList(flags: ListFlags, output: Output, now = new Date()): Promise<number> {
  // ACM has no paths: a path prefix asks for IAM's certificates only.
  const acmRegions = flags.pathPrefix ? [] : parseAcmRegions(flags.acmRegions);
  const { accounts, failures: unopened } = await openAccountsFromFlags(flags, output);
  const several = accounts.length + unopened.length > 1;
  // One account asked for: its failure is the run's error, as for any single-account command.
  if (!several && unopened[0]) throw new IamcertError(unopened[0]);
  const { results, failures: unread } = await readAccounts(accounts, (account) =>
    readHoldings(account, { acmRegions, now, pathPrefix: flags.pathPrefix }),
  );
  if (!several && unread[0]) throw new IamcertError(unread[0]);
  const failures = [...unopened, ...unread];
  const holdings = results.map((result) => result.value);
  const rows: ListedRow[] = holdings
    .flatMap((held): ListedRow[] => [
      ...[...held.serverCertificates]
        .sort(byExpiry)
        .map((row) => ({ store: 'IAM' as const, account: held.account, ...row })),
      ...held.acm.map((row) => ({ store: 'ACM' as const, account: held.account, ...row })),
    ])
    .sort((a, b) => (expiryOf(a) ?? '\uffff').localeCompare(expiryOf(b) ?? '\uffff'));
  const notes = holdings.flatMap((held) => held.notes.map((note) => ({ ...note, account: held.account })));
  const incomplete = failures.length > 0 || notes.length > 0;

  if (flags.json) {
    // An account that could not be read is an entry of its own, never an empty stretch of the list.
    printJson(output, [
      ...rows,
      ...failures.map(({ code, message, fix, ...who }) => ({ ...who, error: { code, message, fix } })),
    ]);
  } else if (rows.length === 0 && failures.length === 0) output.out(nothingListed(flags, holdings.length));
  else {
    output.out(
      formatTable(
        [...(several ? ['ACCOUNT'] : []), 'STORE', 'NAME', 'EXPIRES', 'DETAILS', 'ID'],
        [
          ...rows.map((row) => [
            ...(several ? [row.account] : []),
            row.store === 'IAM' ? 'IAM' : `ACM ${row.region}`,
            nameOf(row),
            expiresCell(expiryOf(row), now),
            row.store === 'IAM' ? row.path : acmDetails(row),
            row.store === 'IAM' ? row.id : row.arn,
          ]),
          ...failures.map((failure) => [
            failure.account ?? `(${failure.profile ?? 'default'})`,
            '—',
            'NOT READ',
            '',
            failure.code,
            failure.profile ? `profile ${failure.profile}` : 'default credentials',
          ]),
        ],
      ),
    );
    output.out(summary(rows, now));
  }
  reportUnseen(output, failures, notes);
  for (const account of accounts.filter((each) => each.sameAs.length > 0))
    output.err(
      `${account.sameAs.map((name) => `profile ${name}`).join(', ')} reach account ${account.id}, read once through ${account.profile ? `profile ${account.profile}` : 'the default credentials'}.`,
    );
  return incomplete ? EXIT.incomplete : EXIT.ok;
}

function nothingListed(flags: ListFlags, accounts: number): string {
  if (flags.pathPrefix)
    return `No server certificates under ${flags.pathPrefix}. Upload one with: iamcert upload --name NAME --cert C --key K`;
  return `No certificates in IAM or ACM${accounts > 1 ? ` in ${accounts} accounts` : ''}. Upload one to IAM with: iamcert upload --name NAME --cert C --key K, or to ACM with iamcert import.`;
}

function summary(rows: ListedRow[], now: Date): string {
  const states = rows.map((row) => {
    const expiry = expiryOf(row);
    return expiry ? expiryState(new Date(expiry), now) : undefined;
  });
  const expired = states.filter((state) => state === 'expired').length;
  const soon = states.filter((state) => state === '≤30 days').length;
  return `${rows.length} certificate${rows.length === 1 ? '' : 's'}; ${expired} expired, ${soon} expiring within 30 days.`;
}
