import React from 'react';
import { Box, Transform } from 'ink';
import { Text } from './safe-text.js';
import { colourFor, type Tone } from './theme.js';

// eslint-disable-next-line no-control-regex -- a row may start with its colour's escape code
const CARRIED_SPACE = /^((?:\u001b\[[0-9;]*m)*) (?=\S)/;

/**
 * Ink wraps keeping spaces (wrap-ansi, trim off): where a row ends exactly at the width, the space it broke at starts
 * the next row, one column out of line with the others. That one space goes; an indent of two or more stays.
 */
function withoutCarriedSpace(row: string, index: number): string {
  return index === 0 ? row : row.replace(CARRIED_SPACE, '$1');
}

/**
 * A line with a hanging indent: the prefix ("✗ ", "  fix: ", "    ") in its own column and the
 * text wrapping under itself, never back to the margin.
 */
export function Hanging({
  prefix,
  tone,
  children,
}: {
  prefix: string;
  tone?: Tone;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <Box>
      <Box width={prefix.length} flexShrink={0}>
        <Text color={colourFor(tone)}>{prefix}</Text>
      </Box>
      <Transform transform={withoutCarriedSpace}>
        <Text color={colourFor(tone)} wrap="wrap">
          {children}
        </Text>
      </Transform>
    </Box>
  );
}
