import { spawnSync } from 'node:child_process';

/** Runs a shell command once, returning milliseconds. */
export function timeShell(command, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-c', command], { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`benchmark command failed (${result.status}): ${command}\n${result.stderr}`);
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Warm-up runs, then alternating measured runs of both sides so machine noise hits both alike. Each side may be async.
 */
export async function sideBySide(ours, theirs, { runs = 7, warmup = 1 } = {}) {
  for (let index = 0; index < warmup; index += 1) {
    await ours();
    await theirs();
  }
  const a = [];
  const b = [];
  for (let index = 0; index < runs; index += 1) {
    a.push(await ours());
    b.push(await theirs());
  }
  return { ours: median(a), theirs: median(b), ratio: median(a) / median(b) };
}
