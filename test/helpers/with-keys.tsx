import React from 'react';
import { FocusProvider, KeyScope } from '../../src/ui/keys/focus.js';

/** A widget rendered alone still needs the app's one keyboard reader and a scope to take keys in. */
export function WithKeys({
  children,
  onQuit = () => undefined,
}: {
  children: React.ReactNode;
  onQuit?: () => void;
}): React.JSX.Element {
  return (
    <FocusProvider onQuit={onQuit}>
      <KeyScope>{children}</KeyScope>
    </FocusProvider>
  );
}
