import type { Hint } from '../tui/frame-context.js';

const SEPARATOR = 2;
const MORE: Hint = ['?', 'more'];

const width = ([key, label]: Hint) => key.length + 1 + label.length;

/**
 * The hints that fit on one line of the footer, in order of importance (as given), never one cut
 * in two; when some are left out, "? more" says where they are.
 */
export function fitHints(hints: Hint[], columns: number): Hint[] {
  const total = hints.reduce((sum, hint, index) => sum + width(hint) + (index > 0 ? SEPARATOR : 0), 0);
  if (total <= columns) return hints;
  const room = columns - width(MORE) - SEPARATOR;
  const shown: Hint[] = [];
  let used = 0;
  for (const hint of hints) {
    if (hint[0] === '?') continue;
    const needed = width(hint) + (shown.length > 0 ? SEPARATOR : 0);
    if (used + needed > room) break;
    shown.push(hint);
    used += needed;
  }
  return [...shown, MORE];
}
