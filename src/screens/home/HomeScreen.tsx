import React from 'react';
import { Box } from 'ink';
import { Text } from '../../tui/safe-text.js';
import { Menu, type MenuItem } from '../../components/Menu.js';
import { ProblemLine } from '../../components/ProblemLine.js';
import { Spinner } from '../../components/Spinner.js';
import { Toned } from '../../components/Toned.js';
import { useScreenKeys } from '../../components/use-screen-keys.js';
import { useFrame, type Hint } from '../../tui/frame-context.js';
import { useIsTopScreen, useNavigation, type Route } from '../../tui/navigation.js';
import { useAccountStatus } from './use-account-status.js';

interface Task {
  route: Route;
  needsAws: boolean;
}

const TASKS: Array<MenuItem<Task>> = [
  { label: 'Create key & certificate', value: { route: { screen: 'create' }, needsAws: false }, why: 'A new key and a self-signed certificate, or a CSR for a CA.' },
  { label: 'Inspect & convert a file', value: { route: { screen: 'inspect' }, needsAws: false }, why: 'What is in this file? Convert it, decrypt it, prepare it for IAM.' },
  { label: 'Server certificates', value: { route: { screen: 'servers' }, needsAws: true }, why: 'The IAM inventory: expiry, upload, rename, export, delete.' },
  { label: 'Signing certificates', value: { route: { screen: 'signing' }, needsAws: true }, why: "A user's X.509 signing certificates for the legacy EC2/ELB tools." },
  { label: 'Onboard a new IAM user', value: { route: { screen: 'onboard' }, needsAws: true }, why: 'Group, user, access key and signing certificate in one pass.' },
];

function StatusLine(): React.JSX.Element {
  const { identity } = useFrame();
  const status = useAccountStatus();
  if (identity.state === 'loading') return <Spinner label="Finding out who you are…" />;
  if (identity.state === 'offline') {
    return (
      <Box flexDirection="column">
        <Toned tone="warning">Offline: {identity.problem.message}</Toned>
        <Text>The file tasks work without AWS. To connect: {identity.problem.fix}</Text>
        <Toned tone="muted">For a local emulator: iamcert --endpoint-url http://127.0.0.1:5000</Toned>
      </Box>
    );
  }
  if (status.status === 'running') return <Spinner label={status.label} />;
  if (status.status === 'failed') return <ProblemLine problem={status.problem} />;
  if (status.status !== 'done') return <Text> </Text>;
  const { total, expired, expiringSoon } = status.value;
  return (
    <Text>
      {total} server certificate{total === 1 ? '' : 's'}:{' '}
      <Toned tone={expired > 0 ? 'danger' : 'ok'}>{expired} EXPIRED</Toned>,{' '}
      <Toned tone={expiringSoon > 0 ? 'warning' : 'ok'}>{expiringSoon} expiring within 30 days</Toned>
    </Text>
  );
}

/** Known before the screen mounts, so the app's very first frame already shows them. */
export const HOME_KEYS: { hints: Hint[]; help: string[] } = {
  hints: [['↑/↓', 'move'], ['enter', 'open'], ['?', 'help'], ['q', 'quit']],
  help: ['Pick a task. The file tasks work offline; the IAM ones need credentials.'],
};

export function HomeScreen(): React.JSX.Element {
  const { identity, flash } = useFrame();
  const navigation = useNavigation();
  const active = useScreenKeys({ home: true, ...HOME_KEYS });
  const top = useIsTopScreen();
  const offline = identity.state === 'offline';
  const items = TASKS.map((item) => ({ ...item, label: item.value.needsAws && offline ? `${item.label}  (needs AWS)` : item.label }));
  return (
    <Box flexDirection="column" paddingX={1}>
      <StatusLine />
      <Text> </Text>
      <Menu
        items={items}
        focus={active && top}
        onSelect={(item) => {
          if (item.value.needsAws && offline) flash('That task needs AWS credentials; see the line above for how to connect.');
          else navigation.push(item.value.route);
        }}
      />
    </Box>
  );
}
