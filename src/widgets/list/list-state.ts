/**
 * The state of every list in the app, as a reducer: the highlighted row, the `/` filter, the order
 * and the marked rows. Rows themselves stay with the screen; `visibleRows` derives what is shown.
 */
export interface ListState {
  /** Index into the visible rows, where the anchored row is not among them. */
  selected: number;
  /**
   * The key of the highlighted row: the highlight stays on that row when rows come and go (a refresh, an upload),
   * the filter changes or the order does.
   */
  anchor?: string;
  filter: string;
  /** The `/` line is open and has the keys. */
  filtering: boolean;
  /** Index into the list's sorts. */
  sort: number;
  /** The order turned round: latest expiry first, names Z to A. */
  reversed: boolean;
  /** Keys of marked rows. */
  marked: ReadonlySet<string>;
}

export type ListAction =
  /** keys: the visible rows' keys, in order. */
  | { type: 'move'; by: number; keys: string[] }
  /** keys absent: back to the top, following no row (a new search). */
  | { type: 'first'; keys?: string[] }
  /** Highlight this row (the one just uploaded), once it is there. */
  | { type: 'select'; key: string }
  | { type: 'open-filter' }
  | { type: 'filter'; text: string }
  | { type: 'close-filter'; keep: boolean }
  | { type: 'clear-filter' }
  | { type: 'next-sort'; sorts: number }
  | { type: 'reverse-sort' }
  | { type: 'toggle-mark'; key: string }
  | { type: 'clear-marks' }
  /** Marks every row the filter shows (k9s's ctrl-space); keys: the visible rows'. */
  | { type: 'mark-all'; keys: string[] };

export const initialListState: ListState = {
  selected: 0,
  filter: '',
  filtering: false,
  sort: 0,
  reversed: false,
  marked: new Set(),
};

/** Where the highlight is among these rows: on the anchored row if shown, else at the remembered index. */
export function selectedIndex(state: Pick<ListState, 'selected' | 'anchor'>, keys: string[]): number {
  const anchored = state.anchor === undefined ? -1 : keys.indexOf(state.anchor);
  return anchored >= 0 ? anchored : Math.max(0, Math.min(state.selected, keys.length - 1));
}

const moveTo = (state: ListState, keys: string[], index: number): ListState => {
  const selected = Math.max(0, Math.min(keys.length - 1, index));
  return { ...state, selected, anchor: keys[selected] };
};

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'move':
      return moveTo(state, action.keys, selectedIndex(state, action.keys) + action.by);
    case 'first':
      return { ...state, selected: 0, anchor: action.keys?.[0] };
    case 'select':
      return { ...state, anchor: action.key };
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
      return { ...state, sort: (state.sort + 1) % Math.max(1, action.sorts), reversed: false };
    case 'reverse-sort':
      return { ...state, reversed: !state.reversed };
    case 'toggle-mark': {
      const marked = new Set(state.marked);
      if (!marked.delete(action.key)) marked.add(action.key);
      return { ...state, marked };
    }
    case 'clear-marks':
      return { ...state, marked: new Set() };
    case 'mark-all':
      return { ...state, marked: new Set([...state.marked, ...action.keys]) };
  }
}

export interface ListShape<Row> {
  key(row: Row): string;
  /** The text the filter looks in (case-insensitive). */
  text(row: Row): string;
  sorts?: Array<{ name: string; compare(a: Row, b: Row): number }>;
}

/** The rows matching the filter, in the chosen order. */
export function visibleRows<Row>(
  rows: Row[],
  state: Pick<ListState, 'filter' | 'sort'> & { reversed?: boolean },
  shape: ListShape<Row>,
): Row[] {
  const needle = state.filter.trim().toLowerCase();
  const matching = needle ? rows.filter((row) => shape.text(row).toLowerCase().includes(needle)) : rows;
  const sort = shape.sorts?.[state.sort];
  const sorted = sort ? [...matching].sort(sort.compare) : matching;
  return state.reversed ? [...sorted].reverse() : sorted;
}

/** "3 of 120", the filter and the order: the line under a list. */
export function countLine(shown: number, total: number, state: ListState, sortName?: string): string {
  const parts = [`${shown} of ${total}`];
  if (state.filter) parts.push(`filter "${state.filter}"`);
  if (sortName) parts.push(`sorted by ${sortName}${state.reversed ? ', reversed' : ''}`);
  if (state.marked.size > 0) parts.push(`${state.marked.size} marked`);
  return parts.join(' · ');
}
