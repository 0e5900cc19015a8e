/**
 * The part of a line that fits WIDTH cells, the cursor always among them: a line never wraps under its label. A line
 * that fits is shown whole; a longer one shows its end while the cursor is there (the file name of a long path), and
 * follows the cursor back; "…" stands where text is left out.
 */
export function lineWindow(text: string, cursor: number, width: number): { shown: string; cursor: number } {
  // The cursor may sit after the last character, on a cell of its own.
  const cells = `${text} `;
  if (cells.length <= width || width < 3) return { shown: text, cursor };
  let start = cells.length - width;
  if (cursor <= start) start = Math.max(0, cursor - 1);
  const end = start + width;
  let shown = cells.slice(start, end);
  if (start > 0) shown = `…${shown.slice(1)}`;
  if (end < cells.length) shown = `${shown.slice(0, -1)}…`;
  return { shown: shown.endsWith(' ') && end === cells.length ? shown.slice(0, -1) : shown, cursor: cursor - start };
}
