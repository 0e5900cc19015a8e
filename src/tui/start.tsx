import React from 'react';
import { render, Box, Text, useApp, useInput } from 'ink';
import { EXIT } from '../commands/output.js';

const TASKS_TO_COME = [
  'Create key & certificate',
  'Inspect & convert a file',
  'Server certificates',
  'Signing certificates',
  'Onboard a new IAM user',
];

function Placeholder(): React.JSX.Element {
  const { exit } = useApp();
  useInput((input, key) => {
    if (input === 'q' || key.escape) exit();
  });
  return (
    <Box flexDirection="column" padding={1}>
      <Text bold>iamcert {'—'} placeholder home screen</Text>
      <Text>The full-screen app is not built yet. These tasks are coming:</Text>
      {TASKS_TO_COME.map((task) => (
        <Text key={task}>  · {task}</Text>
      ))}
      <Text> </Text>
      <Text>Today, use the headless commands: iamcert --help</Text>
      <Text dimColor>q quit</Text>
    </Box>
  );
}

export async function startTui(_connection: { profile?: string; region?: string; endpointUrl?: string } = {}): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('iamcert: the full-screen app needs a terminal. Run a command instead, e.g. iamcert inspect FILE (see iamcert --help).\n');
    return EXIT.problem;
  }
  const app = render(<Placeholder />);
  await app.waitUntilExit();
  return EXIT.ok;
}
