import { describe, expect, it } from 'vitest';
import {
  countLine,
  initialListState,
  listReducer,
  visibleRows,
  type ListAction,
  type ListShape,
  type ListState,
} from '../../../src/widgets/list/list-state.js';
import { windowStart } from '../../../src/widgets/list/window.js';

interface Row {
  name: string;
  order: number;
}
const rows: Row[] = ['alpha', 'beta', 'gamma', 'delta', 'alphabet'].map((name, index) => ({ name, order: index }));
const shape: ListShape<Row> = {
  key: (row) => row.name,
  text: (row) => row.name,
  sorts: [
    { name: 'added', compare: (a, b) => a.order - b.order },
    { name: 'name', compare: (a, b) => a.name.localeCompare(b.name) },
  ],
};
const run = (...actions: ListAction[]): ListState => actions.reduce(listReducer, initialListState);
const keys = (count: number) => Array.from({ length: count }, (_, index) => `row-${index}`);

describe('the list reducer', () => {
  it('moves within the rows and never past either end', () => {
    expect(run({ type: 'move', by: 1, keys: keys(5) }).selected).toBe(1);
    expect(run({ type: 'move', by: -1, keys: keys(5) }).selected).toBe(0);
    expect(run({ type: 'move', by: 99, keys: keys(5) }).selected).toBe(4);
    expect(run({ type: 'move', by: 99, keys: keys(5) }, { type: 'move', by: 1, keys: keys(5) }).selected).toBe(4);
    expect(run({ type: 'move', by: 99, keys: keys(5) }, { type: 'first' }).selected).toBe(0);
    expect(run({ type: 'move', by: 99, keys: keys(0) }).selected).toBe(0);
  });

  it('pages by the size it is given', () => {
    expect(run({ type: 'move', by: 19, keys: keys(100) }, { type: 'move', by: 19, keys: keys(100) }).selected).toBe(38);
    expect(
      run(
        { type: 'move', by: 19, keys: keys(100) },
        { type: 'move', by: -19, keys: keys(100) },
        { type: 'move', by: -19, keys: keys(100) },
      ).selected,
    ).toBe(0);
  });

  it('filters case-insensitively, counts what matches, and goes back to the top when the filter changes', () => {
    const filtered = run(
      { type: 'move', by: 3, keys: keys(5) },
      { type: 'open-filter' },
      { type: 'filter', text: 'ALPH' },
    );
    expect(filtered).toMatchObject({ filter: 'ALPH', filtering: true, selected: 0 });
    const shown = visibleRows(rows, filtered, shape);
    expect(shown.map((row) => row.name)).toEqual(['alpha', 'alphabet']);
    expect(countLine(shown.length, rows.length, filtered, 'added')).toBe('2 of 5 · filter "ALPH" · sorted by added');
    expect(visibleRows(rows, run({ type: 'filter', text: 'zzz' }), shape)).toEqual([]);
  });

  it('Enter keeps the filter and gives the keys back; Esc clears it', () => {
    const typed = run({ type: 'open-filter' }, { type: 'filter', text: 'beta' });
    expect(listReducer(typed, { type: 'close-filter', keep: true })).toMatchObject({
      filter: 'beta',
      filtering: false,
    });
    expect(listReducer(typed, { type: 'close-filter', keep: false })).toMatchObject({ filter: '', filtering: false });
    expect(
      listReducer(listReducer(typed, { type: 'close-filter', keep: true }), { type: 'clear-filter' }),
    ).toMatchObject({ filter: '' });
  });

  it('cycles the sorts and orders by the chosen one', () => {
    const byName = run({ type: 'next-sort', sorts: 2 });
    expect(visibleRows(rows, byName, shape).map((row) => row.name)).toEqual([
      'alpha',
      'alphabet',
      'beta',
      'delta',
      'gamma',
    ]);
    expect(run({ type: 'next-sort', sorts: 2 }, { type: 'next-sort', sorts: 2 }).sort).toBe(0);
  });

  it('marks and unmarks rows by key, and clears the marks', () => {
    const marked = run(
      { type: 'toggle-mark', key: 'beta' },
      { type: 'toggle-mark', key: 'delta' },
      { type: 'toggle-mark', key: 'beta' },
    );
    expect([...marked.marked]).toEqual(['delta']);
    expect(countLine(5, 5, marked)).toBe('5 of 5 · 1 marked');
    expect(listReducer(marked, { type: 'clear-marks' }).marked.size).toBe(0);
  });

  it('keeps the selected row in the window it draws', () => {
    expect(windowStart(0, 1000, 20)).toBe(0);
    expect(windowStart(500, 1000, 20)).toBe(490);
    expect(windowStart(999, 1000, 20)).toBe(980);
    expect(windowStart(3, 5, 20)).toBe(0);
    // The steps of a rotation: one finished step kept above the next one to run.
    expect(windowStart(10, 30, 5, 1)).toBe(9);
    expect(windowStart(29, 30, 5, 1)).toBe(25);
  });
});
