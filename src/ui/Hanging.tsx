import React from 'react';
import { Box } from 'ink';
import { Text } from './safe-text.js';
import { colourFor, type Tone } from './theme.js';

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
      <Text color={colourFor(tone)} wrap="wrap">
        {children}
      </Text>
    </Box>
  );
}
