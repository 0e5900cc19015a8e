import React from 'react';
import { Box } from 'ink';
import { Text } from '../tui/safe-text.js';
import { LineView } from './text-field/LineView.js';
import { useLineEditor } from './text-field/use-line-editor.js';
import { Toned } from './Toned.js';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  onSubmit?(value: string): void;
  /** Esc in the field (leave the field, close the form); without it Esc goes to the screen. */
  onCancel?(): void;
  focus: boolean;
  placeholder?: string;
  /** Shown under the field while it is wrong, e.g. a name IAM would refuse. */
  error?: string;
  hint?: string;
  mask?: string;
}

/** The one text field of the app: a label, the line with its cursor, and a hint or error under it. */
export function TextField({ label, value, onChange, onSubmit, onCancel, focus, placeholder, error, hint, mask }: TextFieldProps): React.JSX.Element {
  const line = useLineEditor({ value, focus, onChange, onSubmit, onCancel });
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={0}>
          <Text bold={focus}>{focus ? '› ' : '  '}{label}: </Text>
        </Box>
        <LineView line={line} focus={focus} placeholder={placeholder} mask={mask} />
      </Box>
      {error ? <Toned tone="danger">    ✗ {error}</Toned> : hint && focus ? <Toned tone="muted">    {hint}</Toned> : null}
    </Box>
  );
}
