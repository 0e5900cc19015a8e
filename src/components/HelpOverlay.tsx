import React from 'react';
import { Box, useInput } from 'ink';
import { Text } from '../tui/safe-text.js';
import type { Hint } from '../tui/frame-context.js';

const GLOBAL_KEYS: Hint[] = [
  ['↑/↓ j/k', 'move'],
  ['enter', 'open'],
  ['esc', 'back'],
  ['/', 'filter lists'],
  ['y', 'copy (OSC 52, works over SSH)'],
  ['?', 'this help'],
  ['ctrl-c', 'quit from anywhere'],
];

export function HelpOverlay({ title, hints, help, onClose }: { title: string; hints: Hint[]; help: string[]; onClose: () => void }): React.JSX.Element {
  useInput((input, key) => {
    if (key.escape || input === '?' || input === 'q' || key.return) onClose();
  });
  const rows = [...hints, ...GLOBAL_KEYS.filter(([key]) => !hints.some(([own]) => own === key))];
  const half = Math.ceil(rows.length / 2);
  const column = (entries: Hint[]) => (
    <Box flexDirection="column" width="50%">
      {entries.map(([key, label]) => (
        <Text key={key} wrap="truncate-end">
          <Text bold>{key.padEnd(9)}</Text> {label}
        </Text>
      ))}
    </Box>
  );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} flexShrink={0}>
      <Text bold>Help: {title}</Text>
      <Box>
        {column(rows.slice(0, half))}
        {column(rows.slice(half))}
      </Box>
      {help.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <Text dimColor>esc or ? closes this help</Text>
    </Box>
  );
}
