import { getMaxListeners, setMaxListeners } from 'node:events';

/**
 * A signal handed to many calls at once: each AWS call listens for its abort while it runs. Past ten
 * listeners Node warns of a leak, which it is not; the app would print that warning on exit.
 */
export function shareSignal(signal: AbortSignal | undefined, callsAtOnce: number): void {
  if (!signal) return;
  // Each call may listen more than once (the SDK's handler and its timeout), hence the margin.
  const wanted = callsAtOnce * 4 + 10;
  if (getMaxListeners(signal) < wanted) setMaxListeners(wanted, signal);
}
