import React from 'react';
import { fixInApp } from '../core/errors.js';
import { Box } from 'ink';
import { Text } from '../ui/safe-text.js';
import { preflightChecklist, type CheckState } from '../core/preflight/checklist.js';
import type { PreflightReport } from '../core/preflight/server-certificate.js';
import { Hanging } from '../ui/Hanging.js';
import { Toned } from '../ui/Toned.js';

const MARK: Record<CheckState, [string, 'ok' | 'danger' | 'warning' | 'muted']> = {
  ok: ['✓', 'ok'],
  error: ['✗', 'danger'],
  warning: ['!', 'warning'],
  pending: ['·', 'muted'],
};

/** IAM's rules, each turning green as the inputs arrive; failures say what to do. */
export function PreflightChecklist({
  report,
  given = { certificate: true, privateKey: true, name: false, path: false },
}: {
  report: PreflightReport | undefined;
  given?: { certificate: boolean; privateKey: boolean; name: boolean; path: boolean };
}): React.JSX.Element {
  const checks = preflightChecklist(report, given);
  const notes = report?.findings.filter((finding) => finding.severity === 'note') ?? [];
  return (
    <Box flexDirection="column">
      {checks.map((check) => {
        const [mark, tone] = MARK[check.state];
        return (
          <Box key={check.label} flexDirection="column">
            <Box>
              <Box width={2} flexShrink={0}>
                <Toned tone={tone}>{mark}</Toned>
              </Box>
              <Text wrap="wrap">
                {check.label}
                {check.state === 'pending' ? <Text dimColor> ({check.why ?? 'waiting'})</Text> : null}
              </Text>
            </Box>
            {check.finding ? (
              <Hanging prefix="    " tone={tone}>
                {check.finding.message} {fixInApp(check.finding)}
              </Hanging>
            ) : null}
          </Box>
        );
      })}
      {notes.map((note) => (
        <Hanging key={note.code} prefix="· " tone="muted">
          {note.message}
        </Hanging>
      ))}
    </Box>
  );
}
