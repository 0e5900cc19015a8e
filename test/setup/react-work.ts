import { createRequire } from 'node:module';

/**
 * Counts the work React has scheduled and not yet done (renders, passive effects), so a test can wait for
 * the app to be idle rather than for a stretch of time (test/helpers/activity.ts). The reconciler takes the
 * scheduler's functions when it loads, so they are wrapped here, before any test file imports Ink.
 */
interface SchedulerModule {
  unstable_scheduleCallback(priority: number, callback: SchedulerCallback, options?: unknown): unknown;
  unstable_cancelCallback(task: unknown): void;
}
type SchedulerCallback = (didTimeout: boolean) => SchedulerCallback | null | undefined;

const scheduler = createRequire(import.meta.url)('scheduler') as SchedulerModule;
const tracked = globalThis as { iamcertReactWork?: Set<unknown> };

if (!tracked.iamcertReactWork) {
  const pending = new Set<unknown>();
  const schedule = scheduler.unstable_scheduleCallback.bind(scheduler);
  const cancel = scheduler.unstable_cancelCallback.bind(scheduler);
  scheduler.unstable_scheduleCallback = (priority, callback, options) => {
    let current = callback;
    const task: unknown = schedule(
      priority,
      function step(didTimeout) {
        const next = current(didTimeout);
        // A task that yields hands back its continuation; it is pending until one returns nothing.
        if (typeof next === 'function') {
          current = next;
          return step;
        }
        pending.delete(task);
        return next;
      },
      options,
    );
    pending.add(task);
    return task;
  };
  scheduler.unstable_cancelCallback = (task) => {
    pending.delete(task);
    cancel(task);
  };
  tracked.iamcertReactWork = pending;
}
