import React from 'react';
import { Text } from '../safe-text.js';
import type { LineState } from './line-editor.js';

/** The line with its cursor drawn as an inverse cell; masked text shows only the mask. */
export function LineView({
  line,
  focus,
  placeholder,
  mask,
}: {
  line: LineState;
  focus: boolean;
  placeholder?: string;
  mask?: string;
}): React.JSX.Element {
  const shown = mask ? mask.repeat(line.value.length) : line.value;
  if (!focus) return <Text>{shown || <Text dimColor>{placeholder ?? ''}</Text>}</Text>;
  if (shown.length === 0 && placeholder) {
    return (
      <Text>
        <Text inverse>{placeholder[0]}</Text>
        <Text dimColor>{placeholder.slice(1)}</Text>
      </Text>
    );
  }
  return (
    <Text>
      {shown.slice(0, line.cursor)}
      <Text inverse>{shown[line.cursor] ?? ' '}</Text>
      {shown.slice(line.cursor + 1)}
    </Text>
  );
}
