import wrapAnsi from 'wrap-ansi';
import { sanitise } from '../../core/text/sanitise.js';
import type { Tone } from '../../ui/theme.js';

/** A line of a report: an optional prefix in its own column ("ARN       ", "! "), and the text that wraps under it. */
export interface ReportLine {
  prefix?: string;
  /** The prefix is a label: drawn bold. */
  label?: boolean;
  text: string;
  tone?: Tone;
  bold?: boolean;
}

/** One row on screen: a line's first row carries its prefix, its continuation rows blanks of the same width. */
export interface ReportRow extends Required<Pick<ReportLine, 'text'>> {
  prefix: string;
  label: boolean;
  tone?: Tone;
  bold: boolean;
}

/** Label and value, the label in a column of ten: an ARN is never cut, it wraps under itself. */
export function labelled(label: string, value: string, tone?: Tone): ReportLine {
  return { prefix: label.padEnd(Math.max(10, label.length + 1)), label: true, text: value, tone };
}

/** The rows the lines take at this width, so a scrolled report counts rows as they appear. */
export function reportRows(lines: ReportLine[], width: number): ReportRow[] {
  return lines.flatMap((line) => {
    const prefix = sanitise(line.prefix ?? '');
    const room = Math.max(10, width - prefix.length);
    const parts = wrapAnsi(sanitise(line.text), room, { hard: true, trim: true }).split('\n');
    return parts.map((text, index) => ({
      prefix: index === 0 ? prefix : ' '.repeat(prefix.length),
      label: line.label === true && index === 0,
      text,
      tone: line.tone,
      bold: line.bold === true,
    }));
  });
}
