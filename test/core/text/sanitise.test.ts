import { describe, expect, it } from 'vitest';
import { sanitise, sanitiseLines, terminalSafeJson } from '../../../src/core/text/sanitise.js';

const HOSTILE = 'cert\u001b]52;c;aGVsbG8=\u0007\u001b[2J\r\nforged line\u009b31m\u202eexe.pem';

/** Anything a terminal would act on: C0 and C1 controls, DEL, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex -- the test looks for control characters left in the output
const ACTS_ON_TERMINAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the sanitiser', () => {
  it('shows every control escaped, on one line', () => {
    const shown = sanitise(HOSTILE);
    expect(shown).not.toMatch(ACTS_ON_TERMINAL);
    expect(shown).not.toContain('\n');
    expect(shown).toBe('cert\\e]52;c;aGVsbG8=\\x07\\e[2J\\r\\nforged line\\x9b31m\\u202eexe.pem');
  });

  it('keeps line breaks of text made of lines, and nothing else', () => {
    const shown = sanitiseLines(`one\n${HOSTILE}`);
    expect(shown.split('\n')).toHaveLength(3);
    expect(shown).not.toMatch(ACTS_ON_TERMINAL);
  });

  it('leaves ordinary text, accents and emoji alone, and is idempotent', () => {
    for (const text of ['CN=www.example.com, O=Exämple', 'café ☕ 証明書', 'C:\\path\\file.pem'])
      expect(sanitise(text)).toBe(text);
    expect(sanitise(sanitise(HOSTILE))).toBe(sanitise(HOSTILE));
  });

  it('JSON stays exact for a parser while nothing in it acts on a terminal', () => {
    const json = terminalSafeJson({ file: HOSTILE });
    expect(json).not.toMatch(ACTS_ON_TERMINAL);
    expect(JSON.parse(json)).toEqual({ file: HOSTILE });
  });
});
