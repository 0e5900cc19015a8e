import React, { useEffect, useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { KEY_NOT_READABLE } from '../../core/iam/notices.js';
import type { ServerCertificateDetails } from '../../core/iam/server-certificates.js';
import type { ServedBy } from '../../core/usage/served-by.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { ScrollingReport } from '../../widgets/report/ScrollingReport.js';
import type { ReportLine } from '../../widgets/report/report-lines.js';
import { useNavigation } from '../routes.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useTask, type TaskState } from '../../ui/use-task.js';
import { useFrame } from '../../ui/frame-context.js';
import { findingLines, serverDetailLines, servedLines } from './server-detail-lines.js';

/** Findings first, then the facts, then every consumer: the whole report scrolls, nothing is cut. */
function reportOf(details: ServerCertificateDetails, usage: TaskState<ServedBy>, now: Date): ReportLine[] {
  const served = usage.status === 'done' ? usage.value : undefined;
  return [
    ...(served ? findingLines(details, served, now) : []),
    ...serverDetailLines(details, now),
    ...(served ? servedLines(served) : []),
    ...(usage.status === 'failed'
      ? [{ prefix: 'served by ', text: `could not be looked up: ${usage.problem.message}`, tone: 'warning' as const }]
      : []),
    { text: KEY_NOT_READABLE, tone: 'muted' },
  ];
}

export function ServerDetailsScreen({ name }: { name: string }): React.JSX.Element {
  const { services, copy } = useFrame();
  const navigation = useNavigation();
  const [state, run] = useTask<ServerCertificateDetails>();
  const [now] = useState(() => new Date());
  const [usage, lookUp] = useTask<ServedBy>();
  useEffect(() => {
    void run(`Reading ${name}…`, (signal) => services.getServerCertificate(name, signal)).then((found) => {
      if (found) void lookUp('Looking for what serves it…', (signal) => services.servedBy([found], signal));
    });
  }, [name, run, lookUp, services]);
  const details = state.status === 'done' ? state.value : undefined;
  useScreenKeymap([
    {
      keys: ['R'],
      label: 'rotate: another certificate in its place',
      when: details !== undefined,
      run: () => navigation.push({ screen: 'rotate', name }),
    },
    { keys: ['y'], label: 'copy ARN', when: details !== undefined, run: () => details && copy(details.arn, 'the ARN') },
    {
      keys: ['n'],
      label: 'copy name',
      when: details !== undefined,
      run: () => details && copy(details.name, 'the name'),
    },
  ]);
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      <Text bold>{name}</Text>
      {state.status === 'running' ? <Spinner label={state.label} /> : null}
      <ProblemLine problem={state.status === 'failed' ? state.problem : undefined} />
      {usage.status === 'running' ? <Spinner label={usage.label} /> : null}
      {details ? <ScrollingReport lines={reportOf(details, usage, now)} /> : null}
    </Box>
  );
}
