import React, { useEffect, useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { describeKeyShape } from '../../core/crypto/key-facts.js';
import { KEY_NOT_READABLE } from '../../core/iam/notices.js';
import type { ServerCertificateDetails } from '../../core/iam/server-certificates.js';
import { describeExpiry } from '../../core/time/expiry.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { Toned } from '../../ui/Toned.js';
import { useNavigation } from '../../ui/navigation.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useTask, type TaskState } from '../../ui/use-task.js';
import { Hanging } from '../../ui/Hanging.js';
import type { ServedBy } from '../../core/usage/served-by.js';
import { describeConsumer, usageMap, type Finding } from '../../core/usage/usage-map.js';
import { certificateNames } from '../../core/usage/names.js';
import { useFrame } from '../../ui/frame-context.js';
import { LabelledLines } from '../../widgets/LabelledLines.js';

function detailLines(details: ServerCertificateDetails, now: Date): Array<[string, string]> {
  const certificate = details.certificate;
  return [
    ['ARN', details.arn],
    ['path', details.path],
    ['ID', details.id],
    ['uploaded', details.uploadDate ?? '?'],
    ...(certificate
      ? ([
          ['subject', certificate.subject || '(empty)'],
          ['issuer', certificate.selfSigned ? 'itself (self-signed)' : certificate.issuer],
          ['names', certificate.sans.join(', ') || '(none)'],
          ['key', describeKeyShape(certificate)],
          [
            'valid',
            `${certificate.notBefore.toISOString().slice(0, 10)} to ${certificate.notAfter.toISOString().slice(0, 10)}, ${describeExpiry(certificate.notAfter, now)}`,
          ],
          ['sha256', certificate.sha256],
        ] as Array<[string, string]>)
      : ([['body', details.parseProblem ?? 'could not be parsed']] as Array<[string, string]>)),
    [
      'chain',
      details.chainCertificates.length === 0
        ? '(none)'
        : details.chainCertificates.map((link) => link.subject || '(empty)').join(' → '),
    ],
  ];
}

/** What being served means for this certificate: expired or expiring while served, names that miss an alias. */
function servedFindings(details: ServerCertificateDetails, usage: ServedBy, now: Date): Finding[] {
  const bodies = new Map([[details.arn, { names: certificateNames(details.certificate) }]]);
  const [entry] = usageMap(
    [details],
    { consumers: usage.consumers, notes: usage.notes, regions: [] },
    { now, bodies },
  ).certificates;
  // Unused or unknown is what the consumers and notes above already say.
  return (entry?.findings ?? []).filter((finding) => finding.code !== 'UNUSED' && finding.code !== 'USAGE_UNKNOWN');
}

/**
 * Every consumer of the certificate, one a row, or "nothing found", or where it could not be looked; then what that
 * means.
 */
function ServedByRows({
  usage,
  details,
  now,
}: {
  usage: TaskState<ServedBy>;
  details: ServerCertificateDetails;
  now: Date;
}): React.JSX.Element {
  if (usage.status === 'running') return <Spinner label={usage.label} />;
  if (usage.status === 'failed')
    return <Hanging prefix="served by " tone="warning">{`could not be looked up: ${usage.problem.message}`}</Hanging>;
  if (usage.status !== 'done') return <Text> </Text>;
  const { consumers, notes } = usage.value;
  return (
    <Box flexDirection="column">
      {consumers.length === 0 ? (
        <Hanging prefix="served by ">nothing found (load balancers in every enabled region, CloudFront)</Hanging>
      ) : null}
      {consumers.map((consumer, index) => (
        <Hanging key={`${index}`} prefix={index === 0 ? 'served by ' : '          '}>
          {describeConsumer(consumer)}
        </Hanging>
      ))}
      {notes.map((note) => (
        <Hanging
          key={note.where}
          prefix="          ! "
          tone="warning"
        >{`${note.where} not looked at: ${note.message}`}</Hanging>
      ))}
      {servedFindings(details, usage.value, now).map((finding) => (
        <Hanging key={finding.code} prefix="! " tone={finding.code === 'EXPIRED_IN_USE' ? 'danger' : 'warning'}>
          {`${finding.message}${finding.code.endsWith('_IN_USE') ? ' R rotates it.' : ''}`}
        </Hanging>
      ))}
    </Box>
  );
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
    { keys: ['y'], label: 'copy ARN', when: details !== undefined, run: () => details && copy(details.arn, 'the ARN') },
    {
      keys: ['n'],
      label: 'copy name',
      when: details !== undefined,
      run: () => details && copy(details.name, 'the name'),
    },
    {
      keys: ['R'],
      label: 'rotate: put another certificate where this one is served',
      when: details !== undefined,
      run: () => navigation.push({ screen: 'rotate', name }),
    },
  ]);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{name}</Text>
      {state.status === 'running' ? <Spinner label={state.label} /> : null}
      <ProblemLine problem={state.status === 'failed' ? state.problem : undefined} />
      {state.status === 'done' ? <LabelledLines lines={detailLines(state.value, now)} /> : null}
      {state.status === 'done' ? <ServedByRows usage={usage} details={state.value} now={now} /> : null}
      {state.status === 'done' ? <Toned tone="muted">{KEY_NOT_READABLE}</Toned> : null}
    </Box>
  );
}
