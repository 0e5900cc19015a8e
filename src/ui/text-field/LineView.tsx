import React, { useContext, useLayoutEffect, useRef, useState } from 'react';
import { FrameContext } from '../frame-context.js';
import { Box, measureElement, type DOMElement } from 'ink';
import { Text } from '../safe-text.js';
import type { LineState } from './line-editor.js';
import { lineWindow } from './line-window.js';

/**
 * The line with its cursor drawn as an inverse cell; masked text shows only the mask. It takes the width left beside
 * its label and never wraps: a longer line shows the part around the cursor, with "…" where the rest is.
 */
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
  const box = useRef<DOMElement>(null);
  // Known once laid out; until then the end of the line is shown, cut at the start (where a path's folders are).
  const [width, setWidth] = useState<number | undefined>();
  // Measured again when the terminal is resized.
  const columns = useContext(FrameContext)?.columns;
  useLayoutEffect(() => {
    if (!box.current) return;
    const measured = measureElement(box.current).width;
    if (measured > 0 && measured !== width) setWidth(measured);
  }, [width, columns]);
  const shown = mask ? mask.repeat(line.value.length) : line.value;
  const cursor = focus ? line.cursor : shown.length;
  const visible = width === undefined ? { shown, cursor } : lineWindow(shown, cursor, focus ? width : width + 1);
  let content: React.JSX.Element;
  if (!focus) content = <Text wrap="truncate-start">{visible.shown || <Text dimColor>{placeholder ?? ''}</Text>}</Text>;
  else if (shown.length === 0 && placeholder)
    content = (
      <Text wrap="truncate-end">
        <Text inverse>{placeholder[0]}</Text>
        <Text dimColor>{placeholder.slice(1)}</Text>
      </Text>
    );
  else
    content = (
      <Text wrap="truncate-start">
        {visible.shown.slice(0, visible.cursor)}
        <Text inverse>{visible.shown[visible.cursor] ?? ' '}</Text>
        {visible.shown.slice(visible.cursor + 1)}
      </Text>
    );
  return (
    <Box ref={box} flexGrow={1} flexShrink={1} minWidth={1}>
      {content}
    </Box>
  );
}
