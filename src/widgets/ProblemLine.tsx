import React from 'react';
import { Box } from 'ink';
import type { Problem } from '../core/errors.js';
import { Toned } from '../ui/Toned.js';

/** An error inline, in one line with the fix; the user stays where they are, input kept. */
export function ProblemLine({ problem }: { problem: Problem | undefined }): React.JSX.Element | null {
  if (!problem) return null;
  return (
    <Box flexDirection="column">
      <Toned tone="danger">✗ {problem.message}</Toned>
      <Toned tone="muted">  fix: {problem.fix}</Toned>
    </Box>
  );
}
