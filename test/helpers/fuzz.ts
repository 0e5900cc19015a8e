import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Replayable fuzzing. A fixed seed by default, printed; FUZZ_SEED replays another, FUZZ_PATH goes straight to a
 * reported counterexample. `npm run fuzz` (FUZZ_SCALE) runs longer, from a fresh random seed unless one is given.
 * Each property has a fixed number of runs and each case a time limit: never a budget for the whole property,
 * so a busy machine makes a run slower, never a failure.
 */
export const FUZZ_SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const DEFAULT_SEED = 20261203;
export const FUZZ_SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : FUZZ_SCALE > 1
    ? Math.floor(Math.random() * 2 ** 31)
    : DEFAULT_SEED;
/** A single input the readers take longer than this over is a finding (they must answer any input in about 2 s). */
export const CASE_LIMIT_MS = 8_000;

export class SlowCase extends Error {}

/** Runs `check` on one input and fails the case, with its time, when it passes the per-case limit. */
export async function withinCaseLimit(what: string, check: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await check();
  const ms = performance.now() - started;
  if (ms > CASE_LIMIT_MS)
    throw new SlowCase(`${what} took ${ms.toFixed(0)} ms, over the ${CASE_LIMIT_MS} ms limit per case`);
}

/**
 * Checks a property with the run's seed. On failure the error names the seed and path that replay it, the
 * command to run, and where the failing input was saved.
 */
export async function checkProperty<T>(
  name: string,
  property: fc.IAsyncPropertyWithHooks<[T]>,
  runs: number,
  save: (value: T) => Buffer,
): Promise<void> {
  const details = await fc.check(property, {
    seed: FUZZ_SEED,
    numRuns: runs * FUZZ_SCALE,
    path: process.env.FUZZ_PATH,
    endOnFailure: true,
  });
  if (!details.failed) return;
  const bytes = details.counterexample ? save(details.counterexample[0]) : undefined;
  const saved = bytes ? join(mkdtempSync(join(tmpdir(), 'iamcert-fuzz-')), 'input.bin') : undefined;
  if (saved && bytes) writeFileSync(saved, bytes);
  throw new Error(
    [
      `${name}: ${fc.defaultReportMessage(details) ?? 'failed'}`,
      `The failure: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
      `Replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} npx vitest run test/fuzz -t "${name}"`,
      saved ? `The failing input: ${saved}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
