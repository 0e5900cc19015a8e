import { fail, IamcertError, toProblem } from '../../core/errors.js';
import { EXIT } from '../../core/lifecycle.js';
import { readAccounts } from '../../core/accounts/accounts.js';
import { dueItems, RADAR_DEFAULTS, type DueItem } from '../../core/radar/due.js';
import { readHoldings, type Holdings } from '../../core/radar/holdings.js';
import { dueWords, itemTitle } from '../../core/radar/words.js';
import { problemLine, printJson, type Output } from '../output.js';
import { accountWords, openAccountsFromFlags, parseAcmRegions, reportUnseen, type AccountFlags } from './accounts.js';
import type { AccountFailure } from '../../core/accounts/accounts.js';
import { dueFixCommand } from './due-fix.js';
import { formatTable } from './table.js';
import { positive } from './usage.js';

export interface ExpiringFlags extends AccountFlags {
  within?: string;
  maxKeyAge?: string;
  json?: boolean;
  pem?: boolean;
  ics?: string;
  prometheus?: string;
  force?: boolean;
  usage?: boolean;
}

function checkedFlags(flags: ExpiringFlags) {
  const acmRegions = parseAcmRegions(flags.acmRegions);
  const withinDays = positive(flags.within, '--within', RADAR_DEFAULTS.withinDays);
  const maxKeyAgeDays = positive(flags.maxKeyAge, '--max-key-age', RADAR_DEFAULTS.maxKeyAgeDays);
  if (flags.pem && !flags.json) fail('FLAGS_CONFLICT', '--pem goes with --json.', 'Add --json, or leave out --pem.');
  return { acmRegions, withinDays, maxKeyAgeDays };
}

/**
 * iamcert expiring: what is due across every account asked for. Exit 0 nothing due, 1 something due, 2 usage error,
 * 3 some account or region could not be read (the rest is still reported; a partial view never passes as clean).
 */
export async function runExpiring(flags: ExpiringFlags, output: Output, now = new Date()): Promise<number> {
  let checked: ReturnType<typeof checkedFlags>;
  try {
    checked = checkedFlags(flags);
  } catch (error) {
    if (!(error instanceof IamcertError)) throw error;
    output.err(problemLine(toProblem(error)));
    return EXIT.usage;
  }
  const { acmRegions, withinDays, maxKeyAgeDays } = checked;
  const { accounts, failures: unopened } = await openAccountsFromFlags(flags, output);
  const { results, failures: unread } = await readAccounts(accounts, (account) =>
    readHoldings(account, { acmRegions, users: true, usage: flags.usage, now }),
  );
  const holdings = results.map((result) => result.value);
  const failures = [...unopened, ...unread];
  const items = dueItems(holdings, { withinDays, maxKeyAgeDays, unusedDays: RADAR_DEFAULTS.unusedDays, now });
  const notes = holdings.flatMap((held) => held.notes.map((note) => ({ ...note, account: held.account })));
  await writeFiles(flags, holdings, failures, { now, maxKeyAgeDays });

  if (flags.json) {
    printJson(output, {
      accounts: holdings.map((held) => ({
        account: held.account,
        profile: held.profile,
        reportGenerated: held.reportGenerated,
      })),
      due: flags.pem ? await withPem(items, accounts, holdings) : items,
      unread: failures,
      notes,
    });
  } else {
    printTable(output, items, holdings, withinDays, failures);
    reportUnseen(output, failures, notes);
  }
  if (failures.length > 0 || notes.length > 0) return EXIT.incomplete;
  return items.length > 0 ? EXIT.problem : EXIT.ok;
}

function printTable(
  output: Output,
  items: DueItem[],
  holdings: Holdings[],
  withinDays: number,
  failures: AccountFailure[],
) {
  const accounts = holdings.length;
  if (items.length === 0 && failures.length === 0) {
    output.out(
      `Nothing due in ${accounts} account${accounts === 1 ? '' : 's'}: no certificate expires within ${withinDays} days and no access key is due.`,
    );
    return;
  }
  output.out(
    formatTable(
      ['DUE', 'WHAT', 'ACCOUNT', 'REGION', 'FIX'],
      [
        ...items.map((item) => [
          dueWords(item),
          item.servedBy
            ? `${itemTitle(item)} (served by ${item.servedBy === '—' ? 'nothing' : item.servedBy})`
            : itemTitle(item),
          item.account,
          item.region ?? 'global',
          dueFixCommand(item),
        ]),
        // An account that could not be read is a row of its own: what is due there is unknown.
        ...failures.map((failure) => ['NOT READ', accountWords(failure), failure.account ?? '?', '', failure.code]),
      ],
    ),
  );
  output.out(`${items.length} due in ${accounts} account${accounts === 1 ? '' : 's'}.`);
}

async function writeFiles(
  flags: ExpiringFlags,
  holdings: Holdings[],
  failures: AccountFailure[],
  options: { now: Date; maxKeyAgeDays: number },
) {
  const { writeFileSafely } = await import('../../core/files/safe-write.js');
  // Both files are made to be replaced by the next run (a calendar subscription, a textfile collector).
  if (flags.ics) {
    const { expiryCalendar } = await import('../../core/radar/ics.js');
    await writeFileSafely({ path: flags.ics, data: expiryCalendar(holdings, options) }, { force: true });
  }
  if (flags.prometheus) {
    const { prometheusTextfile } = await import('../../core/radar/prometheus.js');
    await writeFileSafely(
      { path: flags.prometheus, data: prometheusTextfile(holdings, failures, options) },
      { force: true },
    );
  }
}

/** Each due certificate with its PEM: IAM server certificates from IAM, signing ones from their row, ACM's from ACM. */
async function withPem(
  items: DueItem[],
  accounts: import('../../core/accounts/accounts.js').Account[],
  holdings: Holdings[],
) {
  const { certificatePem } = await import('../../core/radar/pem.js');
  return Promise.all(
    items.map(async (item) => {
      const account = accounts.find((each) => each.id === item.account);
      if (!account || item.kind === 'access-key') return item;
      try {
        const pem = await certificatePem(account, item, holdings);
        return pem ? { ...item, pem } : item;
      } catch (error) {
        return { ...item, pemProblem: toProblem(error) };
      }
    }),
  );
}
