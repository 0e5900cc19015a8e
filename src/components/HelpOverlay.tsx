import React from 'react';
import { Box, useInput } from 'ink';
import { Text } from '../tui/safe-text.js';
import type { Hint } from '../tui/frame-context.js';

/** The keys every screen has; each screen's own come from its footer hints, so none is listed where it does not work. */
const GLOBAL_KEYS: Hint[] = [
  ['?', 'this help'],
  ['ctrl-c', 'quit from anywhere'],
];


export function HelpOverlay({ title, hints, help, onClose }: { title: string; hints: Hint[]; help: string[]; onClose: () => void }): React.JSX.Element {
  useInput((input, key) => {
    if (key.escape || input === '?' || input === 'q' || key.return) onClose();
  });
  const rows = [...hints, ...GLOBAL_KEYS].filter(([key, label], index, all) => all.findIndex(([other, otherLabel]) => other === key || otherLabel === label) === index);
  const keyWidth = Math.max(...rows.map(([key]) => key.length)) + 2;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} flexShrink={0}>
      <Text bold>Help: {title}</Text>
      {rows.map(([key, label]) => (
        // One key a row, its label whole, wrapped under itself.
        <Box key={key}>
          <Box width={keyWidth} flexShrink={0}>
            <Text bold>{key}</Text>
          </Box>
          <Text wrap="wrap">{label}</Text>
        </Box>
      ))}
      {help.map((line) => (
        <Text key={line} wrap="wrap">
          {line}
        </Text>
      ))}
      <Text dimColor>esc or ? closes this help</Text>
    </Box>
  );
}
