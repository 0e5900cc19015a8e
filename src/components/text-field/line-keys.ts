import type { Key } from 'ink';
import type { LineAction } from './line-editor.js';

/** The keys a field owns, as data: each one's editing action. What is not here is left to the screen (Tab, ↑/↓, Esc, Enter). */
export const LINE_KEYS: Array<{ keys: string; label: string; matches(input: string, key: Key): boolean; action: LineAction }> = [
  { keys: '←', label: 'cursor left', matches: (_, key) => key.leftArrow, action: { type: 'left' } },
  { keys: '→', label: 'cursor right', matches: (_, key) => key.rightArrow, action: { type: 'right' } },
  { keys: 'Home, Ctrl-A', label: 'to the start', matches: (input, key) => key.home || (key.ctrl && input === 'a'), action: { type: 'home' } },
  { keys: 'End, Ctrl-E', label: 'to the end', matches: (input, key) => key.end || (key.ctrl && input === 'e'), action: { type: 'end' } },
  { keys: 'Ctrl-U', label: 'clear to the start', matches: (input, key) => key.ctrl && input === 'u', action: { type: 'kill-to-start' } },
  { keys: 'Ctrl-K', label: 'clear to the end', matches: (input, key) => key.ctrl && input === 'k', action: { type: 'kill-to-end' } },
  { keys: 'Ctrl-W, Alt-Backspace', label: 'delete the word before', matches: (input, key) => (key.ctrl && input === 'w') || ((key.delete || key.backspace) && key.meta && !key.escape), action: { type: 'delete-word-back' } },
  // Terminals send DEL (0x7f) for Backspace, and Ink names it "delete", as it names the Delete key: both delete backwards.
  { keys: 'Backspace', label: 'delete before the cursor', matches: (_, key) => key.backspace || key.delete, action: { type: 'backspace' } },
  { keys: 'Ctrl-D', label: 'delete under the cursor', matches: (input, key) => key.ctrl && input === 'd', action: { type: 'delete' } },
];

/** The action for a key in a focused field, if the field owns it; printable text is inserted whole (a paste stays one piece). */
export function lineActionFor(input: string, key: Key): LineAction | undefined {
  const bound = LINE_KEYS.find((entry) => entry.matches(input, key));
  if (bound) return bound.action;
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  return input.length > 0 ? { type: 'insert', text: input } : undefined;
}
