import React, { createContext, useContext } from 'react';
import { Text as InkText, Transform, type TextProps } from 'ink';
import { sanitiseLines } from '../core/text/sanitise.js';

// eslint-disable-next-line no-control-regex -- a row may start with its colour's escape code
const CARRIED_SPACE = /^((?:\u001b\[[0-9;]*m)*) (?=\S)/;

/**
 * Ink wraps keeping spaces (wrap-ansi, trim off): where a row ends exactly at the width, the space it broke at starts
 * the next row, one column out of line with the others. That one space goes; an indent of two or more stays.
 */
function withoutCarriedSpace(row: string, index: number): string {
  return index === 0 ? row : row.replace(CARRIED_SPACE, '$1');
}

/** Inside a Text, a Text is part of its line: only the outermost one wraps, so only it mends the wrapped rows. */
const InText = createContext(false);

/**
 * Ink's Text, with every string child passed through the sanitiser: the TUI shows file names,
 * certificate fields and IAM messages, and none of them may drive the terminal. Every view draws
 * text through this one, so no screen can forget. A text that wraps never starts a row with the space it broke at.
 */
export function Text({ children, ...props }: TextProps): React.JSX.Element {
  const nested = useContext(InText);
  const text = (
    <InkText {...props}>
      {React.Children.map(children, (child) => (typeof child === 'string' ? sanitiseLines(child) : child))}
    </InkText>
  );
  if (nested) return text;
  return (
    <InText.Provider value>
      {(props.wrap ?? 'wrap') === 'wrap' ? <Transform transform={withoutCarriedSpace}>{text}</Transform> : text}
    </InText.Provider>
  );
}
