import type { Binding } from './keymap.js';

export interface Pager {
  /** Where the highlight (a list) or the first line shown (a report) is, and how far it can go. */
  at: number;
  last: number;
  /** Rows in a page. */
  page: number;
  /** Moves by this many rows, clamped by the caller. */
  move(by: number): void;
  /** Words for what moves: 'row' in a list, 'line' in a report. */
  unit: 'row' | 'line';
  /** Whether ↑/↓ are in the footer (a report's are; a list's go without saying). */
  footer?: boolean;
}

/**
 * The keys every list and report moves with, as less, vim and k9s have them: a row, half a page, a page, either end.
 * Each key only while it can move: a key that would change nothing is not offered.
 */
export function pagingBindings({ at, last, page, move, unit, footer = true }: Pager): Binding[] {
  const back = at > 0;
  const forward = at < last;
  const half = Math.max(1, Math.floor(page / 2));
  const verb = unit === 'row' ? '' : 'scroll ';
  return [
    { keys: ['down', 'j'], display: '↓/j', label: `${verb}down`, footer, when: forward, run: () => move(1) },
    { keys: ['up', 'k'], display: '↑/k', label: `${verb}up`, footer, when: back, run: () => move(-1) },
    { keys: ['pgdn', 'ctrl-f'], label: 'a page down', footer: false, when: forward, run: () => move(page) },
    { keys: ['pgup', 'ctrl-b'], label: 'a page up', footer: false, when: back, run: () => move(-page) },
    { keys: ['ctrl-d'], label: 'half a page down', footer: false, when: forward, run: () => move(half) },
    { keys: ['ctrl-u'], label: 'half a page up', footer: false, when: back, run: () => move(-half) },
    { keys: ['g', 'home'], label: `first ${unit}`, footer: false, when: back, run: () => move(-at) },
    { keys: ['G', 'end'], label: `last ${unit}`, footer: false, when: forward, run: () => move(last - at) },
  ];
}
