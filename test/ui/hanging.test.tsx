import { render } from 'ink-testing-library';
import { Box } from 'ink';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Hanging } from '../../src/ui/Hanging.js';

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
