/**
 * Characters that each take one terminal column and never join their neighbours into one grapheme: the text the app
 * draws itself and most of what it shows. `test/ui/one-column-width.test.ts` checks every one against each
 * string-width the bundle holds.
 */
const ONE_COLUMN_RANGES = [
  '\\u0020-\\u007E', // printable ASCII
  '\\u00A0-\\u00A8\\u00AA-\\u00AC\\u00AF-\\u02FF', // Latin-1 and its extensions; not the soft hyphen, nor © and ®,
  // which wrap-ansi's string-width counts as emoji
  '\\u2010-\\u2027\\u2030-\\u203B\\u203D-\\u2048\\u204A-\\u205E', // punctuation; not zero-width, bidi, separators, ‼ ⁉
  '\\u2190-\\u2193\\u2212\\u2264\\u2265', // ← ↑ → ↓ − ≤ ≥
  '\\u2500-\\u259F\\u25CF', // box drawing, blocks, ●
  '\\u2713\\u2717\\u2800-\\u28FF', // ✓ ✗ and braille (the spinner)
];
const ONE_COLUMN_EACH = new RegExp(`^[${ONE_COLUMN_RANGES.join('')}]*$`);

/**
 * A line's width in columns when every character in it is one column and joins no other (its length), or undefined
 * for string-width to measure grapheme by grapheme. string-width answers such lines right, but slowly: only ASCII has
 * its fast path, and Ink measures every text it draws (`scripts/one-column-width-plugin.mjs`).
 */
export function oneColumnWidth(text: string): number | undefined {
  return ONE_COLUMN_EACH.test(text) ? text.length : undefined;
}
