import wrapAnsi from 'wrap-ansi';
import { sanitise } from '../core/text/sanitise.js';

/**
 * Wraps each line to the width, continuation rows indented under the line's own text, so a
 * scrolled report counts rows as they appear and long messages are read whole, not cut off.
 */
export function wrapLines(lines: string[], width: number): string[] {
  return lines.map(sanitise).flatMap((line) => {
    const indent = `${/^ */.exec(line)?.[0] ?? ''}    `;
    const [first = '', ...rest] = wrapAnsi(line, Math.max(20, width), { hard: true, trim: false }).split('\n');
    if (rest.length === 0) return [first];
    const continued = wrapAnsi(rest.join(' ').trimStart(), Math.max(20, width - indent.length), { hard: true }).split(
      '\n',
    );
    return [first, ...continued.map((part) => `${indent}${part}`)];
  });
}
