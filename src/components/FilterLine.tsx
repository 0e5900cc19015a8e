import React from 'react';
import { Box } from 'ink';
import { Text } from '../tui/safe-text.js';
import TextInput from 'ink-text-input';

/** The `/` filter prompt under a list; typing here never reaches the screen's keys. */
export function FilterLine({ value, focus, onChange }: { value: string; focus: boolean; onChange(value: string): void }): React.JSX.Element {
  return (
    <Box>
      <Text>/</Text>
      <TextInput value={value} focus={focus} onChange={onChange} />
    </Box>
  );
}
