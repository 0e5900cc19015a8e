import React from 'react';
import { Box } from 'ink';
import { Text } from '../tui/safe-text.js';
import { colourFor, type Tone } from '../tui/theme.js';
import { sanitise } from '../core/text/sanitise.js';

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

/** A table that renders only the rows that fit, so 5,000 rows cost what 20 do. */
export function WindowedTable<Row>({ rows, columns, selected, height, rowKey }: { rows: Row[]; columns: Array<Column<Row>>; selected: number; height: number; rowKey(row: Row): string }): React.JSX.Element {
  const start = windowStart(selected, rows.length, height);
  const visible = rows.slice(start, start + height);
  return (
    <Box flexDirection="column">
      <Text bold>{columns.map((column) => fit(column.title, column.width)).join(' ')}</Text>
      {visible.map((row, offset) => {
        const isSelected = start + offset === selected;
        return (
          <Text key={rowKey(row)} inverse={isSelected} wrap="truncate-end">
            {columns.map((column, index) => (
              <Text key={column.title} color={isSelected ? undefined : colourFor(column.tone?.(row))}>
                {index > 0 ? ' ' : ''}
                {fit(column.cell(row), column.width)}
              </Text>
            ))}
          </Text>
        );
      })}
      {rows.length > height ? <Text dimColor>{`rows ${start + 1}–${start + visible.length} of ${rows.length}`}</Text> : null}
    </Box>
  );
}
