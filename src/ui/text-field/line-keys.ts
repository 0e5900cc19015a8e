import type { Key } from 'ink';
import type { LineAction } from './line-editor.js';

/** The keys a field owns, as data: each one's editing action. They join the field's keymap, so the help lists them. */
export const LINE_KEYS: Array<{ keys: string[]; display?: string; label: string; action: LineAction }> = [
  { keys: ['left'], label: 'cursor left', action: { type: 'left' } },
  { keys: ['right'], label: 'cursor right', action: { type: 'right' } },
  { keys: ['home', 'ctrl-a'], label: 'to the start of the line', action: { type: 'home' } },
  { keys: ['end', 'ctrl-e'], label: 'to the end of the line', action: { type: 'end' } },
  { keys: ['ctrl-u'], label: 'clear to the start', action: { type: 'kill-to-start' } },
  { keys: ['ctrl-k'], label: 'clear to the end', action: { type: 'kill-to-end' } },
  { keys: ['ctrl-w', 'alt-backspace'], label: 'delete the word before', action: { type: 'delete-word-back' } },
  // Terminals send DEL (0x7f) for Backspace, and Ink names it "delete", as it names the Delete key: both delete
  // backwards.
  { keys: ['backspace'], label: 'delete before the cursor', action: { type: 'backspace' } },
  { keys: ['ctrl-d'], label: 'delete under the cursor', action: { type: 'delete' } },
];

/** Text typed or pasted into a focused field: inserted whole (a paste stays one piece); anything else is a key. */
export function insertedText(input: string, key: Key): string | undefined {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete) return undefined;
  if (
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end
  )
    return undefined;
  return input.length > 0 ? input : undefined;
}
