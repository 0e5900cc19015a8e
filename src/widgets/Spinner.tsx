import React, { useEffect, useState } from 'react';
import { Text } from '../ui/safe-text.js';
import { Toned } from '../ui/Toned.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Busy, with words saying what is happening. */
export function Spinner({ label }: { label: string }): React.JSX.Element {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((current) => (current + 1) % FRAMES.length), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text>
      <Toned tone="accent">{FRAMES[frame]}</Toned> {label}
    </Text>
  );
}
