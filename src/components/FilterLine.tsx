import React from 'react';
import { Box } from 'ink';
import { Text } from '../tui/safe-text.js';
import { LineView } from './text-field/LineView.js';
import { useLineEditor } from './text-field/use-line-editor.js';

/** The `/` filter prompt under a list; typing here never reaches the screen's keys. */
export function FilterLine({ value, focus, onChange }: { value: string; focus: boolean; onChange(value: string): void }): React.JSX.Element {
  const line = useLineEditor({ value, focus, onChange });
  return (
    <Box>
      <Text>/</Text>
      <LineView line={line} focus={focus} />
    </Box>
  );
}
