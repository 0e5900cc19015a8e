import React, { useState } from 'react';
import { Box } from 'ink';
import { Text } from '../tui/safe-text.js';
import { LineView } from './text-field/LineView.js';
import { useLineEditor } from './text-field/use-line-editor.js';
import { Toned } from './Toned.js';

export interface ConfirmByTypingProps {
  /** What will happen, e.g. 'Delete server certificate "www-2026"'. */
  action: string;
  /** The account (or endpoint) it happens in. */
  where: string;
  /** The text to type, usually the name. */
  expected: string;
  warning?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A dangerous action needs the name typed back; the account is shown; Esc cancels. */
export function ConfirmByTyping({ action, where, expected, warning, onConfirm, onCancel }: ConfirmByTypingProps): React.JSX.Element {
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const line = useLineEditor({
    value: typed,
    focus: true,
    onChange: (value) => {
      setTyped(value);
      setMismatch(false);
    },
    onSubmit: (value) => (value === expected ? onConfirm() : setMismatch(true)),
    onCancel,
  });
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Toned tone="danger" bold>
        {action}
      </Toned>
      <Text>in {where}</Text>
      {warning ? <Toned tone="warning">! {warning}</Toned> : null}
      <Text>
        Type <Text bold>{expected}</Text> to confirm (esc cancels):
      </Text>
      <Box>
        <Text>› </Text>
        <LineView line={line} focus />
      </Box>
      {mismatch ? <Toned tone="warning">That is not "{expected}"; nothing was done.</Toned> : null}
    </Box>
  );
}
