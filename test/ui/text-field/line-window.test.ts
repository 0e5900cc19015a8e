import { describe, expect, it } from 'vitest';
import { lineWindow } from '../../../src/ui/text-field/line-window.js';

const path = '/home/someone/projects/shop/certificates/2026/www.example.com/fullchain.pem';

describe('the part of a line a field shows', () => {
  it('a line that fits is shown whole, the cursor where it is', () => {
    expect(lineWindow('shop', 4, 20)).toEqual({ shown: 'shop', cursor: 4 });
    expect(lineWindow('shop', 0, 5)).toEqual({ shown: 'shop', cursor: 0 });
  });

  it('a long path typed: its end, with the cursor after it, and … where the start is left out', () => {
    const { shown, cursor } = lineWindow(path, path.length, 30);
    expect(shown).toBe(`…${path.slice(path.length - 28)}`);
    expect(cursor).toBe(29);
  });

  it('the cursor moved to the start: the start, … at the end; in the middle, … at both ends', () => {
    expect(lineWindow(path, 0, 30)).toEqual({ shown: `${path.slice(0, 29)}…`, cursor: 0 });
    const middle = lineWindow(path, 40, 30);
    expect(middle.shown).toHaveLength(30);
    expect(middle.shown.startsWith('…') && middle.shown.endsWith('…')).toBe(true);
    expect(middle.shown[middle.cursor]).toBe(path[40]);
  });

  it('at every cursor and width, the window fits and the cursor shows the character under it', () => {
    for (let width = 3; width < 90; width += 7)
      for (let at = 0; at <= path.length; at += 1) {
        const { shown, cursor } = lineWindow(path, at, width);
        // The cells drawn: the text, and one more when the cursor sits after it.
        expect(Math.max(shown.length, cursor + 1), `${width} ${at}`).toBeLessThanOrEqual(width);
        expect(shown[cursor] ?? ' ', `${width} ${at}`).toBe(path[at] ?? ' ');
      }
  });
});
