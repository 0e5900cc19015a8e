import type { ScanNote } from '../../core/usage/consumers.js';
import { fixInApp } from '../../core/errors.js';

/**
 * What a listing could not read, in one line however many places it is: one is named; several are counted by code,
 * and the help (?) lists each. A list of 38 regions would push the list and the footer off the screen.
 */
export function notesLine(what: string, notes: ScanNote[]): string {
  if (notes.length === 1) return `! ${what} incomplete: ${notes[0]!.where} (${notes[0]!.code}).`;
  const counts = new Map<string, number>();
  for (const note of notes) counts.set(note.code, (counts.get(note.code) ?? 0) + 1);
  const codes = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${count} ${code}`)
    .join(', ');
  // What to do comes before the counts: a narrow terminal cuts the end of the line.
  return `! ${what} incomplete: ${notes.length} places not read, ? lists them (${codes}).`;
}

/** Each note whole, for the help. */
export function notesHelp(what: string, notes: ScanNote[]): string[] {
  return notes.map((note) => `${what} could not read ${note.where}: ${note.code} ${note.message} ${fixInApp(note)}`);
}
