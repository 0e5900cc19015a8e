import React, { useEffect, useState } from 'react';
import { useHoldKeys } from '../ui/keys/focus.js';
import { Spinner } from '../widgets/Spinner.js';

/** A module read once, on first need or ahead of it; what it holds is known at once after that. */
export interface ModuleLoader<T> {
  load(): Promise<T>;
  /** The module, once read. */
  read(): T | undefined;
}

export function moduleLoader<T>(load: () => Promise<T>): ModuleLoader<T> {
  let read: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load: () => (loading ??= load().then((loaded) => (read = loaded))),
    read: () => read,
  };
}

/**
 * What `draw` makes of the module: at once when it is read, else after a spinner while it is read. Keys typed
 * meanwhile wait and reach what is drawn, in order.
 */
export function Loaded<T>({
  loader,
  draw,
}: {
  loader: ModuleLoader<T>;
  draw: (loaded: T) => React.ReactNode;
}): React.JSX.Element {
  const [ready, setReady] = useState<T | undefined>(loader.read);
  const [failed, setFailed] = useState<unknown>();
  useHoldKeys(ready === undefined);
  useEffect(() => {
    if (ready === undefined) loader.load().then(setReady, setFailed);
  }, [loader, ready]);
  // A chunk that cannot be read (an install cut short) is a crash: the boundary says so and restores the terminal.
  if (failed !== undefined) throw failed;
  return ready === undefined ? <Spinner label="Opening…" /> : <>{draw(ready)}</>;
}
