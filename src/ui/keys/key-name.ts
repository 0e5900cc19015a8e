import type { Key } from 'ink';

/**
 * A key press as one name, the name keymaps are written in: 'enter', 'esc', 'up', 'pgdn', 'space',
 * 'ctrl-u', or the character itself ('d', 'G', '/'). Several characters at once are a paste.
 */
export function keyName(input: string, key: Key): string {
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.backspace || key.delete) return key.meta ? 'alt-backspace' : 'backspace';
  // Ctrl-Space is NUL and Ctrl-\ is FS: Ink names the first a ctrl-` and passes the second through as it came.
  if (key.ctrl && input === '`') return 'ctrl-space';
  if (input === '\u001c') return 'ctrl-\\';
  if (key.ctrl && input.length === 1) return `ctrl-${input.toLowerCase()}`;
  if (key.meta && input.length === 1) return `alt-${input}`;
  if (input === ' ') return 'space';
  return input.length === 1 ? input : 'paste';
}

/** Keys that are text while a field has focus: they never reach a keymap then. */
export function isText(name: string): boolean {
  return name.length === 1 || name === 'space' || name === 'paste';
}

const SHOWN: Record<string, string> = { up: '↑', down: '↓', left: '←', right: '→' };

/** How a key is written in the footer and the help. */
export function displayKey(name: string): string {
  return SHOWN[name] ?? name;
}

/** What a terminal sends for each named key: tests and the table-driven check press keys by name. */
export const KEY_SEQUENCES: Record<string, string> = {
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  'shift-tab': '\u001B[Z',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pgup: '\u001B[5~',
  pgdn: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  backspace: '\u007F',
  space: ' ',
  'ctrl-space': '\u0000',
  'ctrl-\\': '\u001c',
};

export function sequenceFor(name: string): string {
  if (KEY_SEQUENCES[name]) return KEY_SEQUENCES[name];
  const ctrl = /^ctrl-([a-z])$/.exec(name);
  if (ctrl) return String.fromCharCode(ctrl[1]!.charCodeAt(0) - 96);
  return name;
}
