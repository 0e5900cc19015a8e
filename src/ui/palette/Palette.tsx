import React, { useState } from 'react';
import { Box } from 'ink';
import { Text } from '../safe-text.js';
import { KeyScope } from '../keys/focus.js';
import { LineView } from '../text-field/LineView.js';
import { useLineEditor } from '../text-field/use-line-editor.js';
import { Toned } from '../Toned.js';
import { completeCommand, matchingCommands, runCommand, type PaletteOutcome } from './commands.js';

function PaletteLine({
  onOutcome,
  onClose,
}: {
  onOutcome(outcome: Exclude<PaletteOutcome, { kind: 'unknown' }>): void;
  onClose(): void;
}): React.JSX.Element {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const line = useLineEditor({
    value: text,
    focus: true,
    onChange: (value) => {
      setText(value);
      setProblem(undefined);
    },
    onSubmit: (value) => {
      const outcome = runCommand(value);
      if (outcome.kind === 'unknown') setProblem(outcome.message);
      else onOutcome(outcome);
    },
    submitLabel: 'run',
    onCancel: onClose,
    cancelLabel: 'close',
    bindings: [
      {
        keys: ['tab'],
        label: 'complete',
        when: completeCommand(text) !== text,
        run: () => setText(completeCommand(text)),
      },
    ],
  });
  const matches = matchingCommands(text);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} flexShrink={0}>
      <Box>
        <Text bold>:</Text>
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
