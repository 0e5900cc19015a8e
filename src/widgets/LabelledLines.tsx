import React from 'react';
import { Box } from 'ink';
import { Text } from '../ui/safe-text.js';

/** Label and value a line: the label in its column, the value whole, wrapping under itself (an ARN is never cut). */
export function LabelledLines({ lines }: { lines: Array<[string, string]> }): React.JSX.Element {
  return (
    <Box flexDirection="column">
      {lines.map(([label, value]) => (
        <Box key={label}>
          <Box width={10} flexShrink={0}>
            <Text bold>{label}</Text>
          </Box>
          <Text wrap="wrap">{value}</Text>
        </Box>
      ))}
    </Box>
  );
}
