/**
 * The first `cap` items and the rest, for a list that says "and N more": never "and 1 more", since that one item
 * takes the same row its mention would.
 */
export function capped<T>(items: readonly T[], cap: number): { shown: T[]; rest: T[] } {
  const cut = items.length > cap + 1 ? cap : items.length;
  return { shown: items.slice(0, cut), rest: items.slice(cut) };
}
