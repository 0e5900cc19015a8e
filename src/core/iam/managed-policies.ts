/** SDK-free, so the onboarding screen can search the list without loading the SDK at start. */
export interface ManagedPolicy {
  name: string;
  arn: string;
}

/** Policies whose name contains the search, an exact name first. */
export function matchingPolicies(policies: ManagedPolicy[], search: string): ManagedPolicy[] {
  const needle = search.trim().toLowerCase();
  const found = policies.filter((policy) => policy.name.toLowerCase().includes(needle));
  const exact = found.findIndex((policy) => policy.name.toLowerCase() === needle);
  return exact > 0 ? [found[exact]!, ...found.slice(0, exact), ...found.slice(exact + 1)] : found;
}
