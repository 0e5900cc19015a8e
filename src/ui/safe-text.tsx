import React from 'react';
import { Text as InkText, type TextProps } from 'ink';
import { sanitiseLines } from '../core/text/sanitise.js';

/**
 * Ink's Text, with every string child passed through the sanitiser: the TUI shows file names,
 * certificate fields and IAM messages, and none of them may drive the terminal. Every view draws
 * text through this one, so no screen can forget.
 */
export function Text({ children, ...props }: TextProps): React.JSX.Element {
  return (
    <InkText {...props}>
      {React.Children.map(children, (child) => (typeof child === 'string' ? sanitiseLines(child) : child))}
    </InkText>
  );
}
