import { describe, expect, it } from 'vitest';
import { editLine, type LineAction, type LineState } from '../../src/ui/text-field/line-editor.js';

const run = (start: LineState, ...actions: LineAction[]) => actions.reduce(editLine, start);
const at = (value: string, cursor: number): LineState => ({ value, cursor });

describe('the line editor', () => {
  it('inserts at the cursor, and a pasted chunk stays whole without line breaks or controls', () => {
    expect(run(at('certs/', 6), { type: 'insert', text: 'leaf.pem' })).toEqual(at('certs/leaf.pem', 14));
    expect(run(at('ab', 1), { type: 'insert', text: 'XY' })).toEqual(at('aXYb', 3));
    expect(run(at('', 0), { type: 'insert', text: 'pasted\r\nline\u001b[2J' })).toEqual(at('pastedline[2J', 13));
  });

  it('a value set from outside puts the cursor at the end (Tab completion, the next field)', () => {
    const typed = run(at('', 0), { type: 'insert', text: 'certs/fi' }, { type: 'left' }, { type: 'left' });
    const completed = run(typed, { type: 'set', value: 'certs/files/' }, { type: 'insert', text: 'leaf.pem' });
    expect(completed.value).toBe('certs/files/leaf.pem');
  });

  it('moves: left, right, home, end, never out of the line', () => {
    expect(run(at('abc', 0), { type: 'left' })).toEqual(at('abc', 0));
    expect(run(at('abc', 3), { type: 'right' })).toEqual(at('abc', 3));
    expect(run(at('abc', 3), { type: 'home' }, { type: 'right' })).toEqual(at('abc', 1));
    expect(run(at('abc', 0), { type: 'end' })).toEqual(at('abc', 3));
  });

  it('deletes: backspace before the cursor, delete under it, nothing past the ends', () => {
    expect(run(at('abc', 2), { type: 'backspace' })).toEqual(at('ac', 1));
    expect(run(at('abc', 0), { type: 'backspace' })).toEqual(at('abc', 0));
    expect(run(at('abc', 1), { type: 'delete' })).toEqual(at('ac', 1));
    expect(run(at('abc', 3), { type: 'delete' })).toEqual(at('abc', 3));
  });

  it('clears like a shell: Ctrl-U to the start, Ctrl-K to the end, Ctrl-W the word before', () => {
    expect(run(at('hello world', 6), { type: 'kill-to-start' })).toEqual(at('world', 0));
    expect(run(at('hello world', 5), { type: 'kill-to-end' })).toEqual(at('hello', 5));
    expect(run(at('/tmp/certs/leaf.pem', 19), { type: 'delete-word-back' })).toEqual(at('/tmp/certs/', 11));
    expect(run(at('/tmp/certs/', 11), { type: 'delete-word-back' })).toEqual(at('/tmp/', 5));
    expect(run(at('two words', 9), { type: 'delete-word-back' }, { type: 'delete-word-back' })).toEqual(at('', 0));
  });
});
