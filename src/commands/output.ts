import type { Problem } from '../core/errors.js';

export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

/** Where a headless command writes; tests hand in their own. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export function problemLine(problem: Problem): string {
  return `error ${problem.code}: ${problem.message} Fix: ${problem.fix}`;
}

export function printJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}
