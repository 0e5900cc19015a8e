import { useEffect, useRef, useState } from 'react';
import { measureElement, type DOMElement } from 'ink';

/**
 * The rows a flexible box was given by the layout (the frame less the header, the footer and the
 * screen's other lines), measured after each render, so a list fills exactly what is left.
 */
export function useMeasuredHeight(): [React.RefObject<DOMElement | null>, number | undefined] {
  const ref = useRef<DOMElement | null>(null);
  const [height, setHeight] = useState<number | undefined>(undefined);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- measured after every render: any render may move the box
  useEffect(() => {
    if (!ref.current) return;
    const measured = Math.floor(measureElement(ref.current).height);
    if (measured !== height) setHeight(measured);
  });
  return [ref, height];
}
