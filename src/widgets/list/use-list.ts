import { useMemo, useReducer } from 'react';
import type { Binding } from '../../ui/keys/keymap.js';
import { pagingBindings } from '../../ui/keys/paging.js';
import type { Column } from './column-layout.js';
import {
  initialListState,
  listReducer,
  selectedIndex,
  visibleRows,
  type ListAction,
  type ListShape,
  type ListState,
} from './list-state.js';

export interface ListOptions<Row> extends ListShape<Row> {
  rows: Row[];
  /** How many rows a page is: the list's measured height. */
  pageSize: number;
  filterable?: boolean;
  /** Space marks rows for a bulk action. */
  markable?: boolean;
  /** The columns shown: the filter looks in their cells too. Keep it the same array from render to render. */
  columns?: Array<Column<Row>>;
}

export interface List<Row> {
  state: ListState;
  dispatch(action: ListAction): void;
  visible: Row[];
  current: Row | undefined;
  /** The marked rows still in the list, in its order. */
  marked: Row[];
  bindings: Binding[];
  sortName?: string;
  key(row: Row): string;
}

/** One list's state and its keys, as data for the screen's keymap. */
export function useList<Row>(options: ListOptions<Row>): List<Row> {
  const [state, dispatch] = useReducer(listReducer, initialListState);
  const { rows, pageSize, filterable = true, markable = false, key, text, sorts, columns } = options;
  // Filtered and sorted again only when the rows, the filter or the order change, not on every move.
  const { filter, sort, reversed, marked: markedKeys } = state;
  // `/` finds what the rows show as well as what the shape says (ALB in USED BY, EXPIRED in EXPIRES).
  const searched = useMemo(
    () => (columns ? (row: Row) => [text(row), ...columns.map((column) => column.cell(row))].join(' ') : text),
    [columns, text],
  );
  const visible = useMemo(
    () => visibleRows(rows, { filter, sort, reversed }, { key, text: searched, sorts }),
    [rows, filter, sort, reversed, key, searched, sorts],
  );
  const keys = useMemo(() => visible.map(key), [visible, key]);
  const selected = visible.length === 0 ? -1 : selectedIndex(state, keys);
  const current = selected >= 0 ? visible[selected] : undefined;
  // In the list's order, including marked rows the filter hides now.
  const marked = useMemo(
    () =>
      markedKeys.size === 0
        ? []
        : visibleRows(rows, { filter: '', sort, reversed }, { key, text, sorts }).filter((row) =>
            markedKeys.has(key(row)),
          ),
    [rows, markedKeys, sort, reversed, key, text, sorts],
  );
  const total = visible.length;
  const page = Math.max(1, pageSize - 1);
  const sortName = sorts?.[state.sort]?.name;
  const at = Math.max(0, selected);
  const bindings: Binding[] = [
    ...pagingBindings({
      at,
      last: Math.max(0, total - 1),
      page,
      unit: 'row',
      footer: false,
      move: (by) => dispatch({ type: 'move', by, keys }),
    }),
    { keys: ['/'], label: 'filter', when: filterable, run: () => dispatch({ type: 'open-filter' }) },
    {
      keys: ['esc'],
      label: 'clear the filter',
      when: state.filter !== '' && !state.filtering,
      run: () => dispatch({ type: 'clear-filter' }),
    },
    {
      keys: ['s'],
      label: `sort: ${sortName ?? ''}`,
      when: (sorts?.length ?? 0) > 1 && rows.length > 1,
      run: () => dispatch({ type: 'next-sort', sorts: sorts?.length ?? 1 }),
    },
    {
      keys: ['S'],
      label: state.reversed ? 'sort the other way back' : 'reverse the order',
      footer: false,
      when: sortName !== undefined && rows.length > 1,
      run: () => dispatch({ type: 'reverse-sort' }),
    },
    {
      keys: ['space'],
      label: state.marked.size > 0 ? `mark (${state.marked.size} marked)` : 'mark for a bulk action',
      when: markable && current !== undefined,
      run: () => current && dispatch({ type: 'toggle-mark', key: key(current) }),
    },
    {
      keys: ['ctrl-space'],
      label: state.filter ? `mark all ${total} the filter shows` : `mark all ${total}`,
      footer: false,
      when: markable && total > 0 && keys.some((each) => !state.marked.has(each)),
      run: () => dispatch({ type: 'mark-all', keys }),
    },
    {
      keys: ['ctrl-\\'],
      label: 'clear every mark',
      footer: false,
      when: markable && state.marked.size > 0,
      run: () => dispatch({ type: 'clear-marks' }),
    },
  ];
  return {
    state: { ...state, selected: Math.max(0, selected) },
    dispatch,
    visible,
    current,
    marked,
    bindings,
    sortName,
    key,
  };
}
