import React from 'react';
import { fixInApp } from '../../core/errors.js';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { Menu, type MenuItem } from '../../widgets/Menu.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Hanging } from '../../ui/Hanging.js';
import { Spinner } from '../../widgets/Spinner.js';
import { Toned } from '../../ui/Toned.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useFrame } from '../../ui/frame-context.js';
import { NEEDS_AWS, needsAws, useNavigation, type Route } from '../routes.js';
import { useAccountStatus } from './use-account-status.js';

const TASKS: Array<MenuItem<Route>> = [
  {
    label: 'Create key & certificate',
    value: { screen: 'create' },
    why: 'A new key and a self-signed certificate, or a CSR for a CA.',
  },
  {
    label: 'Inspect & convert a file',
    value: { screen: 'inspect' },
    why: 'What is in this file? Convert it, decrypt it, prepare it for IAM.',
  },
  {
    label: 'Server certificates',
    value: { screen: 'servers' },
    why: 'IAM and ACM together: expiry, who serves each, upload, rename, export, delete.',
  },
  {
    label: 'Expiry radar',
    value: { screen: 'radar' },
    why: "What expires or is due, soonest first: certificates in IAM and ACM, users' keys and signing certificates.",
  },
  {
    label: 'Signing certificates',
    value: { screen: 'signing' },
    why: "A user's X.509 signing certificates for the legacy EC2/ELB tools.",
  },
  {
    label: 'Onboard a new IAM user',
    value: { screen: 'onboard' },
    why: 'Group, user, access key and signing certificate in one pass.',
  },
];

function StatusLine(): React.JSX.Element {
  const { identity } = useFrame();
  const status = useAccountStatus();
  if (identity.state === 'loading') return <Spinner label="Finding out who you are…" />;
  if (identity.state === 'offline') {
    return (
      <Box flexDirection="column">
        <Toned tone="warning">Offline: {identity.problem.message}</Toned>
        <Hanging prefix="">{`The file tasks work without AWS. To connect: ${fixInApp(identity.problem)}`}</Hanging>
      </Box>
    );
  }
  if (status.status === 'running') return <Spinner label={status.label} />;
  if (status.status === 'failed') return <ProblemLine problem={status.problem} />;
  if (status.status !== 'done') return <Text> </Text>;
  const { expired, soon, notes } = status.value;
  return (
    <Box flexDirection="column">
      <Text>
        IAM and ACM certificates: <Toned tone={expired > 0 ? 'danger' : 'ok'}>{expired} EXPIRED</Toned>,{' '}
        <Toned tone={soon > 0 ? 'warning' : 'ok'}>{soon} expiring within 30 days</Toned>
      </Text>
      {notes.length > 0 ? (
        <Toned tone="warning">{`! Not read: ${notes.map((note) => note.where).join(', ')}; the Radar says why.`}</Toned>
      ) : null}
    </Box>
  );
}

export function HomeScreen(): React.JSX.Element {
  const { identity, flash } = useFrame();
  const navigation = useNavigation();
  useScreenKeymap([], {
    home: true,
    help: [
      'Pick a task. The file tasks work offline; the IAM ones need credentials.',
      'Or type : and a command: :certs, :radar, :signing USER, :inspect PATH, :onboard, :create, :import.',
      ':profile NAME acts as another AWS profile (another account), as k9s switches context.',
    ],
  });
  const offline = identity.state === 'offline';
  const items = TASKS.map((item) => ({
    ...item,
    label: needsAws(item.value) && offline ? `${item.label}  (needs AWS)` : item.label,
  }));
  return (
    <Box flexDirection="column" paddingX={1}>
      <StatusLine />
      <Text> </Text>
      <Menu
        items={items}
        focus
        selectLabel="open"
        onSelect={(item) => {
          if (needsAws(item.value) && offline) flash(NEEDS_AWS);
          else navigation.push(item.value);
        }}
      />
    </Box>
  );
}
