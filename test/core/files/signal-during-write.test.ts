import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../../helpers/cli.js';

/**
 * A signal at any moment of a key-pair write leaves both files whole or neither, and never a temp file:
 * headless through the one exit path, at every event-loop turn of the write, for each signal; then the real
 * `iamcert create`, signalled from outside at moments spread over its whole run. (The app: test/e2e/flows.)
 */
const SIGNALS = [
  ['SIGHUP', 129],
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const;
const root = mkdtempSync(join(tmpdir(), 'iamcert-signal-'));
const child = join(root, 'child.mjs');
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  await build({
    entryPoints: [new URL('signal-writer-child.ts', import.meta.url).pathname],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
});

function run(file: string, args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    // A run that has not ended after 30 s is hung: killed, it fails its case with SIGKILL, naming the offset.
    execFile(process.execPath, [file, ...args], { timeout: 30_000, killSignal: 'SIGKILL' }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout });
    });
  });
}

/** Whole or nothing: the folder's names, and a pair that openssl could read is not asked here (the bytes are ours). */
function outcome(folder: string): 'neither' | 'both' {
  const names = existsSync(folder) ? readdirSync(folder).sort() : [];
  expect(
    names.filter((name) => name.endsWith('.tmp')),
    `a temp file in ${folder}`,
  ).toEqual([]);
  expect([[], ['cert-amazon.pem', 'pk-amazon.pem']], `half a pair in ${folder}`).toContainEqual(names);
  return names.length === 0 ? 'neither' : 'both';
}

async function inBatches<T>(jobs: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < jobs.length; start += size)
    results.push(...(await Promise.all(jobs.slice(start, start + size).map((job) => job()))));
  return results;
}

describe('a signal during a key-pair write', () => {
  it("at offsets spread over the whole write, for SIGHUP, SIGTERM and SIGINT: both files or neither, no temp file, the signal's exit code", async () => {
    const calibration = await run(child, [join(root, 'calibration'), 'SIGTERM', '100000']);
    const span = Number(/written after (\d+) turns/.exec(calibration.stdout)?.[1]);
    expect(span).toBeGreaterThan(0);
    // The write spans more turns on a busy machine (immediates spin while the thread pool works): 34 offsets spread
    // evenly from the first turn to past the last, whatever the span. A short span repeats an offset, so each run has
    // its own folder: two runs in one folder would each see the other's write under way.
    const offsets = Array.from({ length: 34 }, (_, index) => 1 + Math.round((index * (span + 3)) / 33));
    const jobs = SIGNALS.flatMap(([signal, code]) =>
      [0, 1].flatMap((round) =>
        offsets.map((turn, index) => async () => {
          const folder = join(root, `${signal}-${round}-${index}-${turn}`, 'out');
          const result = await run(child, [folder, signal, String(turn)]);
          expect(result.code, `${signal} at turn ${turn}`).toBe(code);
          return outcome(folder);
        }),
      ),
    );
    expect(jobs.length).toBeGreaterThanOrEqual(200);
    const outcomes = await inBatches(jobs, 4);
    // The offsets reach both sides of the write: some runs stopped before it, some after it.
    expect(new Set(outcomes)).toEqual(new Set(['neither', 'both']));
  }, 300_000);

  it('iamcert create, signalled from outside at moments spread over its run: both files or neither, no temp file', async () => {
    const timed = (folder: string) => {
      const started = performance.now();
      execFileSync(process.execPath, [CLI, 'create', '--key-type', 'ec256', '--out-dir', folder]);
      return performance.now() - started;
    };
    const whole = timed(join(root, 'timed'));
    const jobs = SIGNALS.flatMap(([signal, code]) =>
      Array.from({ length: 12 }, (_, step) => async () => {
        const folder = join(root, `cli-${signal}-${step}`);
        const started = spawn(process.execPath, [CLI, 'create', '--key-type', 'ec256', '--out-dir', folder], {
          stdio: 'ignore',
        });
        const ended = new Promise<number | null>((resolve) => started.on('exit', (exitCode) => resolve(exitCode)));
        await new Promise((resolve) => setTimeout(resolve, (whole * (step + 1)) / 12));
        started.kill(signal);
        const exitCode = await ended;
        const result = outcome(folder);
        const when = `${signal} after ${step + 1}/12 of the run`;
        // Finished before the signal: exit 0 with both files. Ended by it: its exit code. Before Node had loaded
        // iamcert, or while it tore down after a finished run, no handler is there and the signal's default action
        // ends it: outcome() has checked the folder holds both files whole or neither either way.
        if (exitCode === 0) expect(result, when).toBe('both');
        else if (exitCode === null) expect(started.signalCode, when).toBe(signal);
        else expect(exitCode, when).toBe(code);
        return result;
      }),
    );
    await inBatches(jobs, 3);
  }, 300_000);
});
