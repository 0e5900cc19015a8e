import { useCallback, useEffect, useRef, useState } from 'react';
import { toProblem, type Problem } from '../core/errors.js';

export type TaskState<T> =
  | { status: 'idle' }
  | { status: 'running'; label: string }
  | { status: 'done'; value: T }
  | { status: 'failed'; problem: Problem };

/**
 * Runs async core work for a screen: a label while busy, a Problem on failure, and the call aborted when the screen
 * goes away.
 */
export function useTask<T>(): [
  TaskState<T>,
  (label: string, work: (signal: AbortSignal) => Promise<T>) => Promise<T | undefined>,
  () => void,
] {
  const [state, setState] = useState<TaskState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const run = useCallback(async (label: string, work: (signal: AbortSignal) => Promise<T>) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'running', label });
    try {
      const value = await work(current.signal);
      if (!current.signal.aborted) setState({ status: 'done', value });
      return value;
    } catch (error) {
      if (!current.signal.aborted) setState({ status: 'failed', problem: toProblem(error) });
      return undefined;
    }
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return [state, run, reset];
}
