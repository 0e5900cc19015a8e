import React, { useEffect, useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import type { AcmDetails } from '../../core/acm/describe.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useTask } from '../../ui/use-task.js';
import { useFrame } from '../../ui/frame-context.js';
import { acmDetailLines } from './acm-detail-lines.js';
import { ScrollingReport } from '../../widgets/report/ScrollingReport.js';

/** One ACM certificate: its facts, and all ACM says uses it, each labelled this account's, another's or AWS's. */
export function AcmDetailsScreen({ arn }: { arn: string }): React.JSX.Element {
  const { services, copy } = useFrame();
  const [state, run] = useTask<AcmDetails>();
  const [now] = useState(() => new Date());
  useEffect(() => {
    void run('Reading the certificate from ACM…', (signal) => services.describeAcmCertificate(arn, signal));
  }, [arn, run, services]);
  const details = state.status === 'done' ? state.value : undefined;
  useScreenKeymap(
    [
      { keys: ['y'], label: 'copy ARN', run: () => copy(arn, 'the ARN') },
      {
        keys: ['n'],
        label: 'copy domain',
        when: details !== undefined,
        run: () => details && copy(details.domain, 'the domain'),
      },
    ],
    {
      help: [
        'ACM keeps the key: an imported certificate is renewed by re-importing over its ARN (i on its row in the list).',
      ],
    },
  );
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      <Text bold>{details?.domain ?? arn}</Text>
      {state.status === 'running' ? <Spinner label={state.label} /> : null}
      <ProblemLine problem={state.status === 'failed' ? state.problem : undefined} />
      {details ? <ScrollingReport lines={acmDetailLines(details, now)} /> : null}
    </Box>
  );
}
