import { toProblem, type Problem } from '../errors.js';
import type { ConnectionOptions, IamClients } from '../iam/client.js';
import type { Identity } from '../iam/identity-facts.js';
import { whoAmI } from '../iam/identity.js';
import { mapLimited } from '../map-limited.js';
import type { ServingClients } from '../usage/serving-clients.js';

export const DEFAULT_ACCOUNT_CONCURRENCY = 4;

/** One account to read, through the first profile that reached it. */
export interface Account {
  /** The profile used; undefined for the SDK's default chain. */
  profile?: string;
  /** Twelve digits, or the endpoint's label when an emulator has no STS. */
  id: string;
  identity: Identity;
  iam: IamClients;
  serving: ServingClients;
  /** Other profiles given that reach the same account: it is read once. */
  sameAs: string[];
}

/** A profile that could not be used: a row of its own, never the end of the run. */
export interface AccountFailure extends Problem {
  profile?: string;
  /** Known when the identity answered but reading the account failed. */
  account?: string;
}

export interface AccountClients {
  iam: IamClients;
  serving: ServingClients;
}

/**
 * Asks STS who each profile is (a few at a time), keeps one profile per account and gives a failure row for each
 * profile that cannot be used (no such profile, SSO login needed, credentials rejected, unreachable).
 */
export async function openAccounts(
  profiles: Array<string | undefined>,
  clientsFor: (profile: string | undefined) => Promise<AccountClients>,
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<{ accounts: Account[]; failures: AccountFailure[] }> {
  type Opened =
    { profile?: string; clients: AccountClients; identity: Identity } | { profile?: string; failure: AccountFailure };
  const opened = await mapLimited(
    profiles,
    options.concurrency ?? DEFAULT_ACCOUNT_CONCURRENCY,
    async (profile): Promise<Opened> => {
      try {
        const clients = await clientsFor(profile);
        const identity = await whoAmI(clients.iam, options.signal);
        return { profile, clients, identity };
      } catch (error) {
        if (options.signal?.aborted) throw error;
        return { profile, failure: { ...(profile ? { profile } : {}), ...toProblem(error) } };
      }
    },
  );
  const accounts: Account[] = [];
  const failures: AccountFailure[] = [];
  const byId = new Map<string, Account>();
  for (const entry of opened) {
    if ('failure' in entry) {
      failures.push(entry.failure);
      continue;
    }
    const id = entry.identity.account ?? entry.identity.endpoint;
    const known = byId.get(id);
    if (known) {
      if (entry.profile) known.sameAs.push(entry.profile);
      continue;
    }
    const account: Account = {
      ...(entry.profile ? { profile: entry.profile } : {}),
      id,
      identity: entry.identity,
      ...entry.clients,
      sameAs: [],
    };
    byId.set(id, account);
    accounts.push(account);
  }
  return { accounts, failures };
}

/**
 * Each profile's account, its clients made on the SDK's own credential chain with the profile's endpoint and region
 * (where `base` gives none), the default chain when no profile is named: `openAccounts` over a list of profile names.
 */
export async function openProfiles(
  profiles: string[],
  base: ConnectionOptions,
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<{ accounts: Account[]; failures: AccountFailure[] }> {
  const [{ withProfileSettings }, { createIamClients }, { createServingClients }] = await Promise.all([
    import('./profiles.js'),
    import('../iam/client.js'),
    import('../usage/serving-clients.js'),
  ]);
  return openAccounts(
    profiles.length > 0 ? profiles : [undefined],
    async (profile) => {
      const connection = await withProfileSettings({ ...base, ...(profile ? { profile } : {}) });
      return { iam: createIamClients(connection), serving: createServingClients(connection) };
    },
    options,
  );
}

/**
 * Runs `read` on each account, a few at a time; an account whose read fails becomes a failure row with its
 * account number, and the others are still read.
 */
export async function readAccounts<T>(
  accounts: Account[],
  read: (account: Account) => Promise<T>,
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<{ results: Array<{ account: Account; value: T }>; failures: AccountFailure[] }> {
  const failures: AccountFailure[] = [];
  const results: Array<{ account: Account; value: T }> = [];
  const outcomes = await mapLimited(accounts, options.concurrency ?? DEFAULT_ACCOUNT_CONCURRENCY, async (account) => {
    try {
      return { account, value: await read(account) };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      failures.push({
        ...(account.profile ? { profile: account.profile } : {}),
        ...(account.identity.account ? { account: account.identity.account } : {}),
        ...toProblem(error),
      });
      return undefined;
    }
  });
  for (const outcome of outcomes) if (outcome) results.push(outcome);
  return { results, failures };
}
