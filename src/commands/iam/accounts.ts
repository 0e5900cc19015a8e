import type { AccountFailure, Account } from '../../core/accounts/accounts.js';
import { fail } from '../../core/errors.js';
import { sanitise } from '../../core/text/sanitise.js';
import type { ScanNote } from '../../core/usage/consumers.js';
import type { Output } from '../output.js';
import { connection, type ConnectionFlags } from './connect.js';
import { parseRegions } from './regions-flag.js';

export interface AccountFlags extends ConnectionFlags {
  allProfiles?: boolean;
  acmRegions?: string;
}

/**
 * The accounts named by --profile a,b,c or --all-profiles (else the SDK's default chain), each through the SDK's own
 * credential providers, one profile per account; the profiles that cannot be used come back as failure rows.
 */
export async function openAccountsFromFlags(
  flags: AccountFlags,
  output: Output,
  signal?: AbortSignal,
): Promise<{ accounts: Account[]; failures: AccountFailure[] }> {
  const [{ configuredProfiles, profileList }, { openProfiles }] = await Promise.all([
    import('../../core/accounts/profiles.js'),
    import('../../core/accounts/accounts.js'),
  ]);
  const named = profileList(flags.profile);
  if (flags.allProfiles && named.length > 0)
    fail('FLAGS_CONFLICT', '--profile and --all-profiles were both given.', 'Give one of them.');
  const profiles = flags.allProfiles ? await configuredProfiles() : named;
  if (flags.allProfiles && profiles.length === 0)
    fail(
      'NO_PROFILES',
      'The AWS config files name no profiles.',
      'Set one up with aws configure --profile NAME (or aws configure sso), or leave out --all-profiles.',
    );
  // The flags without the list of profiles: each profile is added to them in turn.
  return openProfiles(profiles, await connection({ ...flags, profile: undefined }, output), { signal });
}

/** --acm-regions r1,r2 or "all" (every region enabled); undefined: the profile's region and us-east-1. */
export function parseAcmRegions(text: string | undefined): string[] | 'all' | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === 'all') return 'all';
  return parseRegions(text, '--acm-regions');
}

/** "profile prod (account 123456789012)", or "the default credentials". */
export function accountWords(failure: Pick<AccountFailure, 'profile' | 'account'>): string {
  const profile = failure.profile ? `profile ${sanitise(failure.profile)}` : 'the default credentials';
  return failure.account ? `${profile} (account ${failure.account})` : profile;
}

/** A failure row and each note, one line each, on stderr: what the run could not see. */
export function reportUnseen(output: Output, failures: AccountFailure[], notes: Array<ScanNote & { account: string }>) {
  for (const failure of failures)
    output.err(`could not read ${accountWords(failure)}: ${failure.code}: ${failure.message} Fix: ${failure.fix}`);
  for (const note of notes)
    output.err(
      `could not read ${note.where} in account ${note.account}: ${note.code}: ${note.message} Fix: ${note.fix}`,
    );
}
