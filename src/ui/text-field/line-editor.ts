/**
 * One line of text and its cursor, edited like a shell line. Pure: the field's hook turns keys into
 * these actions, and tests drive it without a terminal.
 */
export interface LineState {
  value: string;
  /** Between 0 and value.length. */
  cursor: number;
}

export type LineAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'kill-to-start' }
  | { type: 'kill-to-end' }
  | { type: 'delete-word-back' }
  /** The value was set from outside (completion, prefill, moving to the field): the cursor goes to the end. */
  | { type: 'set'; value: string };

/** A pasted chunk is kept whole, without the line breaks and control characters a single line cannot hold. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- a paste is stripped of control characters
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

export function lineAt(value: string): LineState {
  return { value, cursor: value.length };
}

export function editLine(state: LineState, action: LineAction): LineState {
  const { value, cursor } = state;
  switch (action.type) {
    case 'insert': {
      const text = printable(action.text);
      return { value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length };
    }
    case 'backspace':
      return cursor === 0 ? state : { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return cursor === value.length ? state : { value: value.slice(0, cursor) + value.slice(cursor + 1), cursor };
    case 'left':
      return { value, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { value, cursor: Math.min(value.length, cursor + 1) };
    case 'home':
      return { value, cursor: 0 };
    case 'end':
      return { value, cursor: value.length };
    case 'kill-to-start':
      return { value: value.slice(cursor), cursor: 0 };
    case 'kill-to-end':
      return { value: value.slice(0, cursor), cursor };
    case 'delete-word-back': {
      // Like a shell: spaces and slashes before the cursor, then the word before them.
      const before = value.slice(0, cursor);
      const start = before.replace(/[^\s/]*[\s/]*$/, '').length;
      return { value: value.slice(0, start) + value.slice(cursor), cursor: start };
    }
    case 'set':
      return lineAt(action.value);
  }
}
