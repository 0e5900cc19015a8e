import type { Key } from 'ink';

export interface KeyPress {
  input: string;
  key: Key;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** One character of a run Ink handed over whole, as Ink would have reported it typed alone. */
export function characterKey(character: string): KeyPress {
  if (character === '\r' || character === '\n') return { input: '', key: { ...NO_KEY, return: true } };
  if (character === '\t') return { input: '', key: { ...NO_KEY, tab: true } };
  if (character === '\u007f' || character === '\b') return { input: '', key: { ...NO_KEY, backspace: true } };
  const code = character.charCodeAt(0);
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } };
  return { input: character, key: { ...NO_KEY, shift: /[A-Z]/.test(character) } };
}

const SPECIAL: Array<keyof Key> = [
  'upArrow',
  'downArrow',
  'leftArrow',
  'rightArrow',
  'pageDown',
  'pageUp',
  'home',
  'end',
  'return',
  'escape',
  'ctrl',
  'tab',
  'backspace',
  'delete',
  'meta',
];

// eslint-disable-next-line no-control-regex -- a run with a control character in it was typed, not pasted
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The key presses in what Ink reports as one: characters that arrived in one read (typed fast, held down, sent by
 * tmux) come as one string, and are split into keys, in order. A field with focus takes a run of plain text whole,
 * as a paste; a run with a line break or another control in it is keys, whoever has focus.
 */
export function splitKeys(input: string, key: Key, typing: boolean): KeyPress[] {
  // Enter typed before the app set the terminal raw (a fast start) reaches it as a line feed, which Ink reports as
  // plain text: it is Enter, as Ctrl-J is in a shell.
  if (input === '\n') return [characterKey(input)];
  const characters = [...input];
  if (characters.length <= 1 || SPECIAL.some((name) => key[name] === true)) return [{ input, key }];
  if (typing && !CONTROL.test(input)) return [{ input, key }];
  return characters.map(characterKey);
}
