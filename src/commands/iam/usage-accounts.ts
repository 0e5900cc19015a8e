import { EXIT } from '../../core/lifecycle.js';
import { printJson, type Output } from '../output.js';
import { accountWords, openAccountsFromFlags, reportUnseen, type AccountFlags } from './accounts.js';
import { runUsage, type UsageFlags } from './usage.js';

/** Worst first: a view with holes (3) outranks something due (1), which outranks nothing due (0). */
const RANK: Record<number, number> = { [EXIT.incomplete]: 3, [EXIT.problem]: 2, [EXIT.ok]: 0 };

/**
 * iamcert usage with --profile a,b or --all-profiles: the usage map of each account in turn (read once per account),
 * each under a line naming it; a profile that cannot be used is a row of its own and the exit is 3.
 */
export async function runUsageInAccounts(
  name: string | undefined,
  flags: UsageFlags & AccountFlags,
  output: Output,
): Promise<number> {
  const { accounts, failures } = await openAccountsFromFlags(flags, output);
  let exit: number = failures.length > 0 ? EXIT.incomplete : EXIT.ok;
  const maps: unknown[] = [];
  for (const account of accounts) {
    const collected: string[] = [];
    const sink: Output = flags.json ? { out: (text) => collected.push(text), err: output.err } : output;
    if (!flags.json)
      output.out(`== ${accountWords({ profile: account.profile, account: account.identity.account ?? 'unknown' })} ==`);
    let code: number;
    try {
      code = await runUsage(name, { ...flags, ...(account.profile ? { profile: account.profile } : {}) }, sink);
    } catch (error) {
      const problem = error as { code?: string; message?: string; fix?: string };
      failures.push({
        ...(account.profile ? { profile: account.profile } : {}),
        ...(account.identity.account ? { account: account.identity.account } : {}),
        code: problem.code ?? 'UNEXPECTED',
        message: problem.message ?? String(error),
        fix: problem.fix ?? 'Run it again for this profile alone to see more.',
      });
      code = EXIT.incomplete;
    }
    if (flags.json) maps.push({ account: account.id, profile: account.profile, usage: JSON.parse(collected.join('')) });
    if ((RANK[code] ?? 0) > (RANK[exit] ?? 0)) exit = code;
  }
  if (flags.json) printJson(output, { accounts: maps, unread: failures });
  else {
    for (const failure of failures) output.out(`== ${accountWords(failure)}: NOT READ (${failure.code}) ==`);
    reportUnseen(output, failures, []);
  }
  return exit;
}
