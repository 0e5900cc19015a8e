/**
 * The state of every list in the app, as a reducer: the highlighted row, the `/` filter, the order
 * and the marked rows. Rows themselves stay with the screen; `visibleRows` derives what is shown.
 */
export interface ListState {
  /** Index into the visible rows. */
  selected: number;
  filter: string;
  /** The `/` line is open and has the keys. */
  filtering: boolean;
  /** Index into the list's sorts. */
  sort: number;
  /** Keys of marked rows. */
  marked: ReadonlySet<string>;
}

export type ListAction =
  | { type: 'move'; by: number; total: number }
  | { type: 'first' }
  | { type: 'last'; total: number }
  | { type: 'open-filter' }
  | { type: 'filter'; text: string }
  | { type: 'close-filter'; keep: boolean }
  | { type: 'clear-filter' }
  | { type: 'next-sort'; sorts: number }
  | { type: 'toggle-mark'; key: string }
  | { type: 'clear-marks' };

export const initialListState: ListState = { selected: 0, filter: '', filtering: false, sort: 0, marked: new Set() };

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'move':
      return { ...state, selected: Math.max(0, Math.min(action.total - 1, state.selected + action.by)) };
    case 'first':
      return { ...state, selected: 0 };
    case 'last':
      return { ...state, selected: Math.max(0, action.total - 1) };
    case 'open-filter':
      return { ...state, filtering: true };
    case 'filter':
      return { ...state, filter: action.text, selected: 0 };
    case 'close-filter':
      return {
        ...state,
        filtering: false,
        filter: action.keep ? state.filter : '',
        selected: action.keep ? state.selected : 0,
      };
    case 'clear-filter':
      return { ...state, filter: '', filtering: false, selected: 0 };
    case 'next-sort':
      return { ...state, sort: (state.sort + 1) % Math.max(1, action.sorts), selected: 0 };
    case 'toggle-mark': {
      const marked = new Set(state.marked);
      if (!marked.delete(action.key)) marked.add(action.key);
      return { ...state, marked };
    }
    case 'clear-marks':
      return { ...state, marked: new Set() };
  }
}

export interface ListShape<Row> {
  key(row: Row): string;
  /** The text the filter looks in (case-insensitive). */
  text(row: Row): string;
  sorts?: Array<{ name: string; compare(a: Row, b: Row): number }>;
}

/** The rows matching the filter, in the chosen order. */
export function visibleRows<Row>(rows: Row[], state: Pick<ListState, 'filter' | 'sort'>, shape: ListShape<Row>): Row[] {
  const needle = state.filter.trim().toLowerCase();
  const matching = needle ? rows.filter((row) => shape.text(row).toLowerCase().includes(needle)) : rows;
  const sort = shape.sorts?.[state.sort];
  return sort ? [...matching].sort(sort.compare) : matching;
}

/** "3 of 120", the filter and the order: the line under a list. */
export function countLine(shown: number, total: number, state: ListState, sortName?: string): string {
  const parts = [`${shown} of ${total}`];
  if (state.filter) parts.push(`filter "${state.filter}"`);
  if (sortName) parts.push(`sorted by ${sortName}`);
  if (state.marked.size > 0) parts.push(`${state.marked.size} marked`);
  return parts.join(' · ');
}
