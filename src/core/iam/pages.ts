export interface Page<T> {
  items: T[];
  marker?: string;
}

/** Follows IAM's Marker/IsTruncated until the last page, reporting how many items have arrived after each. */
export async function allPages<T>(
  fetchPage: (marker: string | undefined) => Promise<Page<T>>,
  onPage?: (itemsSoFar: number) => void,
): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetchPage(marker);
    all.push(...page.items);
    onPage?.(all.length);
    marker = page.marker;
  } while (marker);
  return all;
}

/** The marker for the next page, or undefined on the last one. */
export const truncatedMarker = (page: { IsTruncated?: boolean; Marker?: string }) =>
  page.IsTruncated ? page.Marker : undefined;
