import { fail, CHECK_THE_WAY_TO_AWS } from '../errors.js';

export interface Page<T> {
  items: T[];
  marker?: string;
}

/** More pages than any real account has (10,000 × up to 1,000 items): past it, the answers are going round. */
export const MAX_PAGES = 10_000;

/**
 * Follows a Marker/NextMarker until the last page, reporting how many items have arrived after each. A marker
 * that comes again, or paging past MAX_PAGES, is an error: an answer that loops would otherwise never end.
 */
export async function allPages<T>(
  fetchPage: (marker: string | undefined) => Promise<Page<T>>,
  onPage?: (itemsSoFar: number) => void,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  for (let pages = 1; ; pages += 1) {
    const page = await fetchPage(marker);
    all.push(...page.items);
    onPage?.(all.length);
    marker = page.marker;
    if (!marker) return all;
    if (seen.has(marker) || pages >= MAX_PAGES) {
      fail(
        'PAGING_LOOPS',
        seen.has(marker)
          ? `The listing gave the same page marker twice after ${pages} pages: the answers go round in a circle.`
          : `The listing went on past ${MAX_PAGES} pages without an end.`,
        CHECK_THE_WAY_TO_AWS,
      );
    }
    seen.add(marker);
  }
}

/** The next page's marker, or undefined on the last; a page that says more follow but names no marker fails. */
export function truncatedMarker(page: { IsTruncated?: boolean; Marker?: string }): string | undefined {
  if (!page.IsTruncated) return undefined;
  if (!page.Marker) {
    fail(
      'ANSWER_NOT_FROM_AWS',
      'A listing said more pages follow but gave no marker to ask for them.',
      CHECK_THE_WAY_TO_AWS,
    );
  }
  return page.Marker;
}
