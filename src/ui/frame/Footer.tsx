import React from 'react';
import { Box } from 'ink';
import { Text } from '../safe-text.js';
import { useShownKeys } from '../keys/focus.js';
import { fitHints } from './fit-hints.js';
import { Hanging } from '../Hanging.js';

/** The keys that work right now, from the focused keymap, on one line: what does not fit is behind "? more". */
export function Footer({ message, columns }: { message?: string; columns: number }): React.JSX.Element {
  const { rows } = useShownKeys();
  const hints = rows.filter(([, , footer]) => footer).map(([key, label]) => [key, label] as [string, string]);
  return (
    <Box flexDirection="column" width={columns} flexShrink={0}>
      {message ? (
        <Hanging prefix="" tone="accent">
          {message}
        </Hanging>
      ) : null}
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
