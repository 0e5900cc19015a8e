import { useEffect, useRef } from 'react';
import { useInput, type Key } from 'ink';
import { useFrame, type Hint } from '../tui/frame-context.js';
import { useIsTopScreen, useNavigation } from '../tui/navigation.js';

export interface ScreenKeys {
  hints: Hint[];
  /** Longer lines for the `?` help. */
  help?: string[];
  /** Keys for this screen; return true when handled. */
  onKey?: (input: string, key: Key) => boolean | void;
  /** A modal or text field owns the keyboard: Esc, ? and q are theirs, not the screen's. */
  typing?: boolean;
  /** False while a modal on this screen takes the keys. */
  enabled?: boolean;
  /** The home screen quits on q and has nothing to go back to. */
  home?: boolean;
}

/** k9s-style keys: Esc back, ? help, q quit from home; the rest goes to the screen. Only the top screen listens. */
export function useScreenKeys({ hints, help, onKey, typing = false, enabled = true, home = false }: ScreenKeys): boolean {
  const frame = useFrame();
  const navigation = useNavigation();
  const top = useIsTopScreen();
  const active = top && enabled && !frame.helpOpen;
  // The latest handler, read at key time: keys typed faster than React re-subscribes must not reach stale state.
  const latest = useRef({ onKey, typing, home });
  latest.current = { onKey, typing, home };
  const hintsKey = JSON.stringify([hints, help]);
  useEffect(() => {
    if (top) frame.setHints(hints, help);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [top, hintsKey]);
  useInput(
    (input, key) => {
      const current = latest.current;
      if (current.onKey?.(input, key)) return;
      // Esc is never a dead end: when the screen has no use for it, it goes back, typing or not.
      if (key.escape && !current.home) navigation.pop();
      else if (current.typing) return;
      else if (input === '?') frame.setHelpOpen(true);
      else if (input === 'q' && current.home) navigation.quit();
    },
    { isActive: active },
  );
  return active;
}
