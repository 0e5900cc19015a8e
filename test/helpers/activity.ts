import type { Services } from '../../src/ui/services.js';

/**
 * Knows when the app under test has nothing left to do: no service call in flight, no short timer pending
 * (a debounced check, a delayed load), no immediate (Ink's flush of a lone Esc) and no work React has
 * scheduled (test/setup/react-work.ts). Waiting for that, instead of for a fixed stillness, makes
 * "this key changed nothing" a fact rather than a guess, and costs no more time than the work takes.
 */
export interface Activity {
  /** The services, each call counted while it runs. */
  services: Services;
  /** Resolves once no call and no short timer is pending, and React has run what they caused. */
  idle(): Promise<void>;
  /** Puts the timers back. */
  stop(): void;
}

/** Timers longer than this (a message that clears itself after seconds) are not work the app waits on. */
const SHORT_TIMER_MS = 1_000;
const IDLE_LIMIT_MS = 10_000;

export function trackActivity(services: Services): Activity {
  const reactWork = (globalThis as { iamcertReactWork?: Set<unknown> }).iamcertReactWork;
  if (!reactWork) throw new Error('trackActivity needs test/setup/react-work.ts among the setup files of this tier');
  let calls = 0;
  const timers = new Set<unknown>();
  const immediates = new Set<unknown>();
  const saved = {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setImmediate: globalThis.setImmediate,
    clearImmediate: globalThis.clearImmediate,
  };
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const short = (ms ?? 0) <= SHORT_TIMER_MS;
    const handle = saved.setTimeout(
      (...callArgs: unknown[]) => {
        timers.delete(handle);
        callback(...callArgs);
      },
      ms,
      ...args,
    );
    if (short) timers.add(handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = (handle: Parameters<typeof clearTimeout>[0]) => {
    timers.delete(handle);
    saved.clearTimeout(handle);
  };
  globalThis.setImmediate = ((callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    const handle = saved.setImmediate(
      (...callArgs: unknown[]) => {
        immediates.delete(handle);
        callback(...callArgs);
      },
      ...args,
    );
    immediates.add(handle);
    return handle;
  }) as typeof setImmediate;
  globalThis.clearImmediate = ((handle: NodeJS.Immediate) => {
    immediates.delete(handle);
    saved.clearImmediate(handle);
  }) as typeof clearImmediate;

  const counted = Object.fromEntries(
    Object.entries(services).map(([name, member]) => {
      if (typeof member !== 'function') return [name, member];
      return [
        name,
        (...args: unknown[]) => {
          const result: unknown = (member as (...callArgs: unknown[]) => unknown)(...args);
          if (!(result instanceof Promise)) return result;
          calls += 1;
          return result.finally(() => {
            calls -= 1;
          });
        },
      ];
    }),
  ) as unknown as Services;

  const busy = () => calls > 0 || timers.size > 0 || immediates.size > 0 || reactWork.size > 0;
  const idle = async () => {
    const deadline = Date.now() + IDLE_LIMIT_MS;
    // Two quiet turns in a row: a promise that settled in the last one may still schedule work.
    for (let quiet = 0; quiet < 2;) {
      await new Promise((resolve) => saved.setImmediate(resolve));
      if (!busy()) {
        quiet += 1;
        continue;
      }
      quiet = 0;
      if (Date.now() > deadline) {
        throw new Error(
          `Still busy after ${IDLE_LIMIT_MS} ms: ${calls} calls, ${timers.size} timers, ${reactWork.size} React tasks`,
        );
      }
      if (calls > 0 || timers.size > 0) await new Promise((resolve) => saved.setTimeout(resolve, 1));
    }
  };
  return {
    services: counted,
    idle,
    stop: () => Object.assign(globalThis, saved),
  };
}
