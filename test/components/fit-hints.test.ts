import { describe, expect, it } from 'vitest';
import { fitHints } from '../../src/components/fit-hints.js';
import type { Hint } from '../../src/tui/frame-context.js';

const inventory: Hint[] = [['enter', 'details'], ['/', 'filter'], ['s', 'sort: expiry'], ['u', 'upload'], ['e', 'rename/move'], ['d', 'delete'], ['x', 'export'], ['y', 'copy ARN'], ['r', 'refresh'], ['esc', 'back']];
const line = (hints: Hint[]) => hints.map(([key, label]) => `${key} ${label}`).join('  ');

describe('the footer line', () => {
  it('keeps every hint when they fit', () => {
    expect(fitHints(inventory, 200)).toEqual(inventory);
  });

  it('at 80 columns never cuts a hint in two: the first ones that fit, then "? more"', () => {
    const shown = fitHints(inventory, 80);
    expect(line(shown).length).toBeLessThanOrEqual(80);
    expect(shown.at(-1)).toEqual(['?', 'more']);
    expect(inventory.slice(0, shown.length - 1)).toEqual(shown.slice(0, -1));
  });

  it('a screen that lists ? itself does not get it twice', () => {
    const shown = fitHints([...inventory, ['?', 'help']], 60);
    expect(shown.filter(([key]) => key === '?')).toHaveLength(1);
  });
});
