import React from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { Toned } from '../../ui/Toned.js';
import { colourFor, type Tone } from '../../ui/theme.js';
import { sanitise } from '../../core/text/sanitise.js';
import { useLineEditor } from '../../ui/text-field/use-line-editor.js';
import { LineView } from '../../ui/text-field/LineView.js';
import { countLine } from './list-state.js';
import type { List } from './use-list.js';

export interface Column<Row> {
  title: string;
  width: number;
  cell(row: Row): string;
  tone?(row: Row): Tone | undefined;
}

/** The first row to draw so the selected one stays in view. */
export function windowStart(selected: number, total: number, height: number): number {
  if (total <= height) return 0;
  return Math.min(Math.max(0, selected - Math.floor(height / 2)), total - height);
}

/** Sanitised before it is measured, so an escaped control takes the room it is drawn in. */
function fit(unsafe: string, width: number): string {
  const text = sanitise(unsafe);
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width);
}

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
      <Text>/</Text>
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
  height,
  total,
  empty,
}: {
  list: List<Row>;
  columns: Array<Column<Row>>;
  height: number;
  total: number;
  empty?: string;
}): React.JSX.Element {
  const { visible, state } = list;
  const statusRows = 1 + (state.filtering ? 1 : 0);
  const room = Math.max(1, height - 1 - statusRows);
  const start = windowStart(state.selected, visible.length, room);
  const shown = visible.slice(start, start + room);
  const marks = state.marked.size > 0;
  const range = visible.length > room ? ` · rows ${start + 1}–${start + shown.length}` : '';
  return (
    <Box flexDirection="column">
      {total === 0 ? (
        empty ? (
          <Text>{empty}</Text>
        ) : null
      ) : visible.length === 0 ? (
        <Text>
          Nothing matches "{state.filter}" (of {total}); esc clears the filter.
        </Text>
      ) : (
        <>
          <Text bold wrap="truncate-end">
            {marks ? '   ' : '  '}
            {columns.map((column) => fit(column.title, column.width)).join(' ')}
          </Text>
          {shown.map((row, offset) => {
            const isSelected = start + offset === state.selected;
            return (
              <Text key={`${start + offset}`} inverse={isSelected} wrap="truncate-end">
                {/* The selection and the marks are drawn as characters too: with NO_COLOR, they still show. */}
                {isSelected ? '›' : ' '}
                {marks ? (state.marked.has(list.key(row)) ? '●' : ' ') : ''}{' '}
                {columns.map((column, index) => (
                  <Text key={column.title} color={isSelected ? undefined : colourFor(column.tone?.(row))}>
                    {index > 0 ? ' ' : ''}
                    {fit(column.cell(row), column.width)}
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
