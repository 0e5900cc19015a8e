/** SDK-free, so the onboarding screen can search the list without loading the SDK at start. */
export interface ManagedPolicy {
  name: string;
  arn: string;
}

/** The policies whose name contains `search` (case-insensitive); all of them when search is empty. */
export function matchingPolicies(policies: ManagedPolicy[], search: string): ManagedPolicy[] {
  const needle = search.trim().toLowerCase();
  return policies.filter((policy) => policy.name.toLowerCase().includes(needle));
}
