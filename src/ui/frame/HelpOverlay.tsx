import React, { useState } from 'react';
import { Box } from 'ink';
import { Text } from '../safe-text.js';
import { KeyScope, useKeymap } from '../keys/focus.js';
import type { KeyRow } from '../keys/keymap.js';
import { wrapLines } from '../wrap-lines.js';

export interface HelpContent {
  title: string;
  rows: KeyRow[];
  help: string[];
}

/** One key a row, its label whole and wrapped under itself; taller than the screen, it scrolls. */
function helpLines({ rows, help }: HelpContent, width: number): string[] {
  const keyWidth = Math.max(0, ...rows.map(([key]) => key.length)) + 2;
  return [
    ...rows.flatMap(([key, label]) =>
      wrapLines([label], width - keyWidth).map(
        (line, index) => (index === 0 ? key.padEnd(keyWidth) : ' '.repeat(keyWidth)) + line,
      ),
    ),
    ...wrapLines(help, width),
  ];
}

function HelpBody({
  content,
  columns,
  rows,
  onClose,
}: {
  content: HelpContent;
  columns: number;
  rows: number;
  onClose(): void;
}): React.JSX.Element {
  const lines = helpLines(content, Math.max(20, columns - 4));
  // The box's border, title and closing line take four rows.
  const height = Math.max(1, rows - 4);
  const [top, setTop] = useState(0);
  const last = Math.max(0, lines.length - height);
  const scrolls = lines.length > height;
  useKeymap([
    { keys: ['esc', '?', 'q', 'enter'], label: 'close the help', run: onClose },
    {
      keys: ['down', 'j'],
      label: 'scroll down',
      run: () => setTop((current) => Math.min(last, current + 1)),
      when: top < last,
    },
    { keys: ['up', 'k'], label: 'scroll up', run: () => setTop((current) => Math.max(0, current - 1)), when: top > 0 },
    {
      keys: ['pgdn', 'space'],
      label: 'a page down',
      run: () => setTop((current) => Math.min(last, current + height)),
      when: top < last,
    },
    {
      keys: ['pgup'],
      label: 'a page up',
      run: () => setTop((current) => Math.max(0, current - height)),
      when: top > 0,
    },
  ]);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} flexShrink={0}>
      <Text bold>Help: {content.title}</Text>
      {lines.slice(top, top + height).map((line, index) => (
        <Text key={`${top + index}`} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Text dimColor>
        {scrolls ? `lines ${top + 1}–${Math.min(lines.length, top + height)} of ${lines.length}; ↑/↓ scroll; ` : ''}esc
        or ? closes this help
      </Text>
    </Box>
  );
}

export function HelpOverlay(props: {
  content: HelpContent;
  columns: number;
  rows: number;
  onClose(): void;
}): React.JSX.Element {
  return (
    <KeyScope>
      <HelpBody {...props} />
    </KeyScope>
  );
}
