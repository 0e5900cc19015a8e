import React, { useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { KeyScope } from '../../ui/keys/focus.js';
import { LineView } from '../../ui/text-field/LineView.js';
import { useLineEditor } from '../../ui/text-field/use-line-editor.js';
import { Toned } from '../../ui/Toned.js';
import { useFrame } from '../../ui/frame-context.js';
import { choicesLine, usePathCompletion } from '../../ui/use-path-completion.js';
import { completeCommand, completeName, matchingCommands, runCommand, split, type PaletteOutcome } from './commands.js';

function PaletteLine({
  onOutcome,
  onClose,
}: {
  onOutcome(outcome: Exclude<PaletteOutcome, { kind: 'unknown' }>): void;
  onClose(): void;
}): React.JSX.Element {
  const { identity, services, columns } = useFrame();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  /** What Tab found to choose from, when it could not complete on its own. */
  const [choices, setChoices] = useState<string[]>([]);
  const paths = usePathCompletion();
  const [name, argument] = split(text);
  const takesPath = name === 'inspect' && text.includes(' ');
  const takesUser = name === 'signing' && text.includes(' ');
  const completeArgument = async () => {
    if (takesPath) {
      setText(`${name} ${await paths.complete(argument)}`);
      setChoices([]);
    } else if (takesUser) {
      const users = await services.listUsers().catch(() => []);
      const { value, candidates } = completeName(
        argument,
        users.map((user) => user.name),
      );
      setText(`${name} ${value}`);
      setChoices(candidates.length > 1 ? candidates : []);
    }
  };
  const line = useLineEditor({
    value: text,
    focus: true,
    onChange: (value) => {
      setText(value);
      setProblem(undefined);
      setChoices([]);
      paths.clear();
    },
    onSubmit: (value) => {
      const outcome = runCommand(value, { offline: identity.state === 'offline' });
      if (outcome.kind === 'unknown') setProblem(outcome.message);
      else onOutcome(outcome);
    },
    submitLabel: 'run',
    onCancel: onClose,
    cancelLabel: 'close',
    bindings: [
      {
        keys: ['tab'],
        label: takesPath ? 'complete the path' : takesUser ? 'complete the user name' : 'complete',
        when: completeCommand(text) !== text || takesPath || takesUser,
        run: () => (takesPath || takesUser ? void completeArgument() : setText(completeCommand(text))),
      },
    ],
  });
  const matches = matchingCommands(text);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} flexShrink={0}>
      <Box>
        <Box flexShrink={0}>
          <Text bold>:</Text>
        </Box>
        <LineView line={line} focus placeholder="certs, signing USER, inspect PATH, …" />
      </Box>
      <Text wrap="truncate-end">
        {matches.length === 0 ? (
          <Text dimColor>no command starts with that</Text>
        ) : (
          matches.map((command, index) => (
            <Text key={command.name}>
              {index > 0 ? '  ' : ''}
              <Text bold>{command.name}</Text>
              {command.argument ? ` ${command.argument}` : ''}
              {matches.length === 1 ? <Text dimColor>: {command.what}</Text> : null}
            </Text>
          ))
        )}
      </Text>
      {[...choices, ...paths.choices].length > 0 ? (
        <Toned tone="muted">{choicesLine([...choices, ...paths.choices], columns - 2)}</Toned>
      ) : null}
      {problem ? <Toned tone="warning">{problem}</Toned> : null}
    </Box>
  );
}

/** The `:` command line: a screen by name, Tab completes, Enter goes, Esc closes. */
export function Palette(props: {
  onOutcome(outcome: Exclude<PaletteOutcome, { kind: 'unknown' }>): void;
  onClose(): void;
}): React.JSX.Element {
  return (
    <KeyScope>
      <PaletteLine {...props} />
    </KeyScope>
  );
}
