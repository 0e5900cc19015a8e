import { useCallback } from 'react';
import { useTask, type TaskState } from './use-task.js';

/**
 * A change to IAM from a screen: busy label while it runs, the problem inline
 * if it fails, and on success a footer message and a refresh of the list.
 */
export function useAction(
  flash: (message: string) => void,
  refresh: () => void,
): [
  TaskState<boolean>,
  /** Resolves true once done, false when it failed (the problem is in the state). */
  (label: string, work: (signal: AbortSignal) => Promise<unknown>, done: string | (() => string)) => Promise<boolean>,
  /** Forgets the last failure: the user moved on (looked again, came back from another screen). */
  () => void,
] {
  const [state, run, reset] = useTask<boolean>();
  const perform = useCallback(
    /** `done` may be worked out by the work itself (a file name it chose), so it can be a function read afterwards. */
    (label: string, work: (signal: AbortSignal) => Promise<unknown>, done: string | (() => string)) =>
      run(label, async (signal) => {
        await work(signal);
        return true;
      }).then((succeeded) => {
        if (!succeeded) return false;
        flash(typeof done === 'function' ? done() : done);
        refresh();
        return true;
      }),
    [run, flash, refresh],
  );
  return [state, perform, reset];
}
