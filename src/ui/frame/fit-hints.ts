import type { Hint } from '../frame-context.js';

const SEPARATOR = 2;
const MORE: Hint = ['?', 'more'];

const width = ([key, label]: Hint) => key.length + 1 + label.length;

/**
 * The hints that fit on one line of the footer, in order of importance (as given, but the way back
 * first), never one cut in two; when some are left out, "? more" says where they are.
 */
export function fitHints(hints: Hint[], columns: number): Hint[] {
  const total = hints.reduce((sum, hint, index) => sum + width(hint) + (index > 0 ? SEPARATOR : 0), 0);
  if (total <= columns) return hints;
  const room = columns - width(MORE) - SEPARATOR;
  const shown: Hint[] = [];
  let used = 0;
  const ordered = [...hints.filter(([key]) => key === 'esc'), ...hints.filter(([key]) => key !== 'esc' && key !== '?')];
  for (const hint of ordered) {
    const needed = width(hint) + (shown.length > 0 ? SEPARATOR : 0);
    if (used + needed > room) continue;
    shown.push(hint);
    used += needed;
  }
  return [...shown, MORE];
}
