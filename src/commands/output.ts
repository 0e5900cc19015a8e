import type { Problem } from '../core/errors.js';
import { sanitise, sanitiseLines, terminalSafeJson } from '../core/text/sanitise.js';

/** Where a headless command writes; tests hand in their own. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const asLines = (text: string) => sanitiseLines(text.endsWith('\n') ? text : `${text}\n`);

/** Text for a terminal: whatever a value from outside holds, no control character but the line break gets through. */
export const processOutput: Output = {
  out: (text) => process.stdout.write(asLines(text)),
  err: (text) => process.stderr.write(asLines(text)),
};

/** One line, whatever the message holds (a file name with a newline, an IAM message with an ESC). */
export function problemLine(problem: Problem): string {
  return `error ${problem.code}: ${sanitise(problem.message)} Fix: ${sanitise(problem.fix)}`;
}

/** Exact for a parser: JSON escapes what a terminal would act on. */
export function printJson(output: Output, value: unknown): void {
  output.out(terminalSafeJson(value));
}
