export interface Identity {
  /** Known when STS answered. */
  account?: string;
  arn?: string;
  userId?: string;
  endpoint: string;
  profile?: string;
  /** The credentials are the environment's keys (AWS_ACCESS_KEY_ID), not a profile's. */
  fromEnvironment?: boolean;
  region: string;
  /** Why the account is unknown, when STS could not be asked. */
  note?: string;
}

/** "123456789012 (arn:aws:iam::123456789012:user/alice)" or the endpoint when the account is unknown. */
export function describeIdentity(identity: Identity): string {
  if (identity.account) return `account ${identity.account} as ${identity.arn}`;
  return `endpoint ${identity.endpoint} (account unknown)`;
}
