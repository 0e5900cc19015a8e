import type { Holdings } from '../radar/holdings.js';
import type { AccountFailure } from './accounts.js';

/** Every configured profile's account, read once each: what the app's inventory shows with its ACCOUNT column. */
export interface Everywhere {
  holdings: Holdings[];
  /** Profiles that could not be used, and accounts that could not be read: each said, none dropped. */
  failures: AccountFailure[];
}
