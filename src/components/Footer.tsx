import React from 'react';
import { Box } from 'ink';
import { Text } from '../tui/safe-text.js';
import type { Hint } from '../tui/frame-context.js';
import { fitHints } from './fit-hints.js';
import { Toned } from './Toned.js';

/** The keys that work right now, on one line: what does not fit is behind "? more". */
export function Footer({ hints, message, columns }: { hints: Hint[]; message?: string; columns: number }): React.JSX.Element {
  return (
    <Box flexDirection="column" width={columns}>
      {message ? <Toned tone="accent">{message}</Toned> : null}
      <Text wrap="truncate-end">
        {fitHints(hints, columns).map(([key, label], index) => (
          <Text key={key}>
            {index > 0 ? '  ' : ''}
            <Text bold>{key}</Text> {label}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
