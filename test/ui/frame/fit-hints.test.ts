import { describe, expect, it } from 'vitest';
import { fitHints } from '../../../src/ui/frame/fit-hints.js';
import type { Hint } from '../../../src/ui/frame-context.js';

const inventory: Hint[] = [
  ['enter', 'details'],
  ['/', 'filter'],
  ['s', 'sort: expiry'],
  ['u', 'upload'],
  ['e', 'rename/move'],
  ['d', 'delete'],
  ['x', 'export'],
  ['y', 'copy ARN'],
  ['r', 'refresh'],
  ['esc', 'back'],
];
const line = (hints: Hint[]) => hints.map(([key, label]) => `${key} ${label}`).join('  ');

describe('the footer line', () => {
  it('keeps every hint when they fit', () => {
    expect(fitHints(inventory, 200)).toEqual(inventory);
  });

  it('at 80 columns never cuts a hint in two: the way back, then the most important that fit, then "? more"', () => {
    const shown = fitHints(inventory, 80);
    expect(line(shown).length).toBeLessThanOrEqual(80);
    expect(shown.at(-1)).toEqual(['?', 'more']);
    expect(shown[0]).toEqual(['esc', 'back']);
    const rest = shown.slice(1, -1);
    // In the order given, none left out before one that is shown unless it was too wide for the room left.
    expect(rest).toEqual(inventory.filter((hint) => rest.includes(hint)));
    expect(rest.slice(0, 3)).toEqual(inventory.slice(0, 3));
  });

  it('a screen that lists ? itself does not get it twice', () => {
    const shown = fitHints([...inventory, ['?', 'help']], 60);
    expect(shown.filter(([key]) => key === '?')).toHaveLength(1);
  });
});
