import { describe, expect, it } from 'vitest';
import { capped } from '../../../src/core/text/capped.js';

describe('a list that says "and N more"', () => {
  it('never says "and 1 more": that one item is shown in the row its mention would take', () => {
    const items = (count: number) => Array.from({ length: count }, (_, index) => index);
    expect(capped(items(5), 5)).toEqual({ shown: items(5), rest: [] });
    expect(capped(items(6), 5)).toEqual({ shown: items(6), rest: [] });
    expect(capped(items(7), 5)).toEqual({ shown: items(5), rest: [5, 6] });
    expect(capped([], 5)).toEqual({ shown: [], rest: [] });
  });
});
