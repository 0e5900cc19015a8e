/**
 * Text from outside (file names, certificate fields, IAM messages, exception texts) must never drive
 * the terminal: an ESC starts a command (clear the screen, write the clipboard), a CR or newline
 * forges lines, and a bidi override makes text read in another order than it is stored.
 */
// eslint-disable-next-line no-control-regex -- the sanitiser exists to find control characters
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const UNSAFE_BUT_NEWLINE =
  // eslint-disable-next-line no-control-regex -- the sanitiser exists to find control characters
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeCharacter(character: string): string {
  const named = NAMED[character];
  if (named) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value from outside, shown with every control, invisible and bidi character escaped: it stays on one line. */
export function sanitise(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

/** Lines of text that may hold values from outside: the line breaks stay, every other control is escaped. */
export function sanitiseLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escapeCharacter);
}

/** JSON for a terminal, exact for a parser: the characters a terminal would act on are written as \uXXXX escapes. */
export function terminalSafeJson(value: unknown): string {
  // JSON.stringify has escaped every C0 control inside strings; the line breaks left are its own layout.
  return JSON.stringify(value, null, 2).replace(
    UNSAFE_BUT_NEWLINE,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
