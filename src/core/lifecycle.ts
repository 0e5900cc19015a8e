/**
 * How a run ends, for both front ends: the exit codes, and one cleanup registry run once on every
 * way out (a finished command, Ctrl-C, SIGTERM, SIGHUP, the app's quit, a crash).
 */
/** incomplete: a scan could not look everywhere, so a gate cannot say nothing is due. */
export const EXIT = { ok: 0, problem: 1, usage: 2, incomplete: 3 } as const;

/** The conventional 128 + signal number, so a shell sees which signal ended the run. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type EndingSignal = keyof typeof SIGNAL_EXIT;

type Cleanup = () => void;
const cleanups: Cleanup[] = [];
let ran = false;

export function onCleanup(cleanup: Cleanup): void {
  cleanups.push(cleanup);
}

/** Runs every cleanup once, newest first; one that throws does not stop the others. */
export function runCleanups(): void {
  if (ran) return;
  ran = true;
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch {
      // the rest still run
    }
  }
}

/** On each signal: the cleanups, then `end` with the signal's exit code (by default, exit). */
export function endOnSignals(
  signals: EndingSignal[],
  end: (code: number) => void = (code) => process.exit(code),
): void {
  for (const signal of signals) {
    process.once(signal, () => {
      runCleanups();
      end(SIGNAL_EXIT[signal]);
    });
  }
}
