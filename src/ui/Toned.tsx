import React from 'react';
import { Text } from './safe-text.js';
import { colourFor, type Tone } from './theme.js';

/** Text with a tone; the words carry the meaning, the colour only helps (and is dropped under NO_COLOR). */
export function Toned({
  tone,
  bold,
  children,
  wrap,
}: {
  tone?: Tone;
  bold?: boolean;
  children: React.ReactNode;
  wrap?: 'wrap' | 'truncate-end' | 'truncate-start';
}): React.JSX.Element {
  return (
    <Text color={colourFor(tone)} bold={bold} wrap={wrap}>
      {children}
    </Text>
  );
}
