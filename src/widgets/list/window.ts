/**
 * The first row to draw so the selected one stays in view: the one window rule of every list, menu and step list.
 * `before` is how many rows are kept above the selection (half the window, or fewer where what follows matters more,
 * as the steps still to run).
 */
export function windowStart(
  selected: number,
  total: number,
  height: number,
  before: number = Math.floor(height / 2),
): number {
  if (total <= height) return 0;
  return Math.min(Math.max(0, selected - before), total - height);
}
