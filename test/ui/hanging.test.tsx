import { render } from 'ink-testing-library';
import { Box } from 'ink';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Hanging } from '../../src/ui/Hanging.js';
import { Text } from '../../src/ui/safe-text.js';

const TEXT =
  "cert-bob.pem is signing certificate fn61348n of bob, Active in IAM: its key is what signs bob's requests, and replacing it loses that key for good.";

describe('a line with a hanging indent', () => {
  it('wraps every row under the first at every width, even where a row ends exactly at a space', () => {
    const misplaced: string[] = [];
    for (let width = 24; width <= 80; width += 1) {
      const instance = render(
        <Box width={width}>
          <Hanging prefix=" ⚠ " tone="warning">
            {TEXT}
          </Hanging>
        </Box>,
      );
      const rows = stripVTControlCharacters(instance.lastFrame() ?? '').split('\n');
      instance.unmount();
      for (const row of rows.slice(1)) if (!/^ {3}\S/.test(row)) misplaced.push(`${width}: "${row}"`);
    }
    expect(misplaced).toEqual([]);
  });
});

describe('any text that wraps', () => {
  it('starts no row with the space it broke at, at any width, and keeps the spaces between the parts of a line', () => {
    const misplaced: string[] = [];
    for (let width = 20; width <= 80; width += 1) {
      const instance = render(
        <Box width={width}>
          <Text>
            {TEXT.slice(0, TEXT.indexOf(' Active'))}
            <Text bold>{TEXT.slice(TEXT.indexOf(' Active'))}</Text>
          </Text>
        </Box>,
      );
      const rows = stripVTControlCharacters(instance.lastFrame() ?? '').split('\n');
      instance.unmount();
      for (const row of rows) if (/^ /.test(row)) misplaced.push(`${width}: "${row}"`);
      // Nothing lost or joined: the rows are the text, broken at its spaces.
      expect(rows.join(' ').replace(/\s+/g, ' ')).toBe(TEXT);
    }
    expect(misplaced).toEqual([]);
  });
});
