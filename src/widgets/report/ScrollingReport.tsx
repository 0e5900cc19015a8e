import React, { useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { Toned } from '../../ui/Toned.js';
import { colourFor } from '../../ui/theme.js';
import { useFrame } from '../../ui/frame-context.js';
import { useKeymap } from '../../ui/keys/focus.js';
import { pagingBindings } from '../../ui/keys/paging.js';
import { useMeasuredHeight } from '../../ui/use-measured-height.js';
import { reportRows, type ReportLine } from './report-lines.js';

/**
 * Lines in the rows the screen leaves (measured), scrolled with ↑/↓ j/k, pages, half pages and either end; the last row
 * says which lines are shown when they do not all fit. Nothing is cut: a long line wraps under its own prefix.
 */
export function ScrollingReport({
  lines,
  active = true,
  width,
}: {
  lines: ReportLine[];
  /** Whether its keys are live (a modal over it has them otherwise). */
  active?: boolean;
  /** The columns it is drawn in; by default the frame's less the screen's padding. */
  width?: number;
}): React.JSX.Element {
  const { columns } = useFrame();
  const [box, measured] = useMeasuredHeight();
  const [scroll, setScroll] = useState(0);
  const rows = reportRows(lines, width ?? columns - 2);
  const overflows = measured !== undefined && rows.length > measured;
  // The last row of the box says which lines are shown.
  const height = Math.max(1, (measured ?? 1) - (overflows ? 1 : 0));
  const last = Math.max(0, rows.length - height);
  const top = Math.min(scroll, last);
  useKeymap(
    pagingBindings({
      at: top,
      last,
      page: height,
      unit: 'line',
      move: (by) => setScroll(Math.max(0, Math.min(last, top + by))),
    }),
    { active },
  );
  return (
    <Box ref={box} flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden">
      {/* Drawn once the box is measured, so the report never flashes at a guessed height. */}
      {measured === undefined
        ? null
        : rows.slice(top, top + height).map((row, index) => (
            <Text key={`${top + index}`} wrap="truncate-end">
              <Text bold={row.label} color={row.label ? undefined : colourFor(row.tone)}>
                {row.prefix}
              </Text>
              <Text color={colourFor(row.tone)} bold={row.bold}>
                {/* An empty Text takes no row in Ink: a blank line is a space. */}
                {row.text || (row.prefix ? '' : ' ')}
              </Text>
            </Text>
          ))}
      {overflows ? (
        <Toned tone="muted">{`lines ${top + 1}–${Math.min(rows.length, top + height)} of ${rows.length}`}</Toned>
      ) : null}
    </Box>
  );
}
