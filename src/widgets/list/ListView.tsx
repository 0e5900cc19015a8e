import React from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { Toned } from '../../ui/Toned.js';
import { colourFor } from '../../ui/theme.js';
import { useLineEditor } from '../../ui/text-field/use-line-editor.js';
import { LineView } from '../../ui/text-field/LineView.js';
import { countLine } from './list-state.js';
import { cutTo, fitCell, layoutColumns, type Column } from './column-layout.js';
import type { List } from './use-list.js';
import { windowStart } from './window.js';

export type { Column } from './column-layout.js';

function FilterField<Row>({ list }: { list: List<Row> }): React.JSX.Element {
  const line = useLineEditor({
    value: list.state.filter,
    focus: true,
    onChange: (text) => list.dispatch({ type: 'filter', text }),
    onSubmit: () => list.dispatch({ type: 'close-filter', keep: true }),
    submitLabel: 'keep the filter',
    onCancel: () => list.dispatch({ type: 'close-filter', keep: false }),
    cancelLabel: 'clear the filter',
  });
  return (
    <Box>
      <Box flexShrink={0}>
        <Text>/</Text>
      </Box>
      <LineView line={line} focus />
    </Box>
  );
}

/**
 * A list drawn in the rows it is given (`height`, measured by the screen): the column titles, only
 * the rows in view, and one line with the count ("3 of 120"), the filter, the order and the marks.
 */
/** `empty` says what an empty list means; leave it out while the rows are still loading. */
export function ListView<Row>({
  list,
  columns,
  width,
  height,
  total,
  empty,
  unmatched,
}: {
  list: List<Row>;
  columns: Array<Column<Row>>;
  /** The characters each row is drawn in. */
  width: number;
  height: number;
  total: number;
  empty?: string;
  /** What no row matching says, where the rows are narrowed outside the list (a search field of the screen). */
  unmatched?: string;
}): React.JSX.Element {
  const { visible, state } = list;
  const statusRows = 1 + (state.filtering ? 1 : 0);
  const room = Math.max(1, height - 1 - statusRows);
  const start = windowStart(state.selected, visible.length, room);
  const shown = visible.slice(start, start + room);
  const marks = state.marked.size > 0;
  const range = visible.length > room ? ` · rows ${start + 1}–${start + shown.length}` : '';
  // The column the rows are ordered by says so in its title: ↑ as sorted, ↓ reversed.
  const title = (column: Column<Row>) =>
    column.sort !== undefined && column.sort === list.sortName
      ? `${column.title} ${state.reversed ? '↓' : '↑'}`
      : column.title;
  const placed = layoutColumns(columns, visible, width - (marks ? 3 : 2), title, list.sortName);
  return (
    <Box flexDirection="column">
      {total === 0 ? (
        empty ? (
          <Text>{empty}</Text>
        ) : null
      ) : visible.length === 0 ? (
        <Text>{unmatched ?? `Nothing matches "${state.filter}" (of ${total}); esc clears the filter.`}</Text>
      ) : (
        <>
          <Text bold wrap="truncate-end">
            {marks ? '   ' : '  '}
            {placed.map(({ column, width: room }) => cutTo(title(column), room).padEnd(room)).join(' ')}
          </Text>
          {shown.map((row, offset) => {
            const isSelected = start + offset === state.selected;
            return (
              <Text key={`${start + offset}`} inverse={isSelected} wrap="truncate-end">
                {/* The selection and the marks are drawn as characters too: with NO_COLOR, they still show. */}
                {isSelected ? '›' : ' '}
                {marks ? (state.marked.has(list.key(row)) ? '●' : ' ') : ''}{' '}
                {placed.map(({ column, width: room }, index) => (
                  <Text key={column.title} color={isSelected ? undefined : colourFor(column.tone?.(row))}>
                    {index > 0 ? ' ' : ''}
                    {fitCell(column, row, room)}
                  </Text>
                ))}
              </Text>
            );
          })}
        </>
      )}
      {total > 0 ? <Toned tone="muted">{countLine(visible.length, total, state, list.sortName) + range}</Toned> : null}
      {state.filtering ? <FilterField list={list} /> : null}
    </Box>
  );
}
