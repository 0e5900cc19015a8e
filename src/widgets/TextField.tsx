import React from 'react';
import { Box } from 'ink';
import { Text } from '../ui/safe-text.js';
import { LineView } from '../ui/text-field/LineView.js';
import { useLineEditor, type LineEditorOptions } from '../ui/text-field/use-line-editor.js';
import { Hanging } from '../ui/Hanging.js';

export interface TextFieldProps extends LineEditorOptions {
  label: string;
  placeholder?: string;
  /** Shown under the field while it is wrong, e.g. a name IAM would refuse. */
  error?: string;
  hint?: string;
  mask?: string;
}

/** The one text field of the app: a label, the line with its cursor, and a hint or error under it. */
export function TextField({ label, placeholder, error, hint, mask, ...editing }: TextFieldProps): React.JSX.Element {
  const line = useLineEditor(editing);
  // Left with Esc, the field shows no cursor until Enter brings the keys back.
  const focus = line.focused;
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={0}>
          <Text bold={focus}>
            {focus ? '› ' : '  '}
            {label}:{' '}
          </Text>
        </Box>
        <LineView line={line} focus={focus} placeholder={placeholder} mask={mask} />
      </Box>
      {error ? (
        <Hanging prefix="    ✗ " tone="danger">
          {error}
        </Hanging>
      ) : hint && focus ? (
        <Hanging prefix="    " tone="muted">
          {hint}
        </Hanging>
      ) : null}
    </Box>
  );
}
