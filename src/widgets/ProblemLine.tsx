import React from 'react';
import { fixInApp } from '../core/errors.js';
import { Box } from 'ink';
import type { Problem } from '../core/errors.js';
import { Hanging } from '../ui/Hanging.js';

/** An error inline, in one line with the fix; the user stays where they are, input kept. */
export function ProblemLine({ problem }: { problem: Problem | undefined }): React.JSX.Element | null {
  if (!problem) return null;
  return (
    <Box flexDirection="column">
      <Hanging prefix="✗ " tone="danger">
        {problem.message}
      </Hanging>
      <Hanging prefix="  fix: " tone="muted">
        {fixInApp(problem)}
      </Hanging>
    </Box>
  );
}
