import React from 'react';
import { Box } from 'ink';
import { Text } from '../tui/safe-text.js';
import type { Hint } from '../tui/frame-context.js';
import { Toned } from './Toned.js';

/** The keys that work right now. */
export function Footer({ hints, message, columns }: { hints: Hint[]; message?: string; columns: number }): React.JSX.Element {
  return (
    <Box flexDirection="column" width={columns}>
      {message ? <Toned tone="accent">{message}</Toned> : null}
      <Text wrap="wrap">
        {hints.map(([key, label], index) => (
          <Text key={key}>
            {index > 0 ? '  ' : ''}
            <Text bold>{key}</Text> {label}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
