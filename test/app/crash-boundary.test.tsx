import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { CrashBoundary } from '../../src/app/CrashBoundary.js';

function Broken(): React.JSX.Element {
  throw new Error('render failed');
}

describe('crash boundary', () => {
  it('hands a render error to the exit path instead of showing a stack trace', () => {
    const crashes: unknown[] = [];
    const originalError = console.error;
    console.error = () => undefined;
    try {
      const { lastFrame } = render(
        <CrashBoundary onCrash={(error) => crashes.push(error)}>
          <Broken />
        </CrashBoundary>,
      );
      expect(crashes).toHaveLength(1);
      expect(lastFrame() ?? '').not.toMatch(/render failed|at Broken/);
    } finally {
      console.error = originalError;
    }
  });
});
