import React, { useState } from 'react';
import { Box } from 'ink';
import { Text } from '../ui/safe-text.js';
import { KeyScope } from '../ui/keys/focus.js';
import { LineView } from '../ui/text-field/LineView.js';
import { useLineEditor } from '../ui/text-field/use-line-editor.js';
import { Toned } from '../ui/Toned.js';

export interface ConfirmByTypingProps {
  /** What will happen, e.g. 'Delete server certificate "www-2026"'. */
  action: string;
  /** The account (or endpoint) it happens in. */
  where: string;
  /** The text to type, usually the name. */
  expected: string;
  /** Other text that confirms too: the whole ID, where the short one is asked for (a copied ID is pasted whole). */
  alsoAccepted?: string[];
  warning?: string;
  /** More lines under the action: the names a bulk action covers. */
  details?: string[];
  onConfirm: () => void;
  onCancel: () => void;
}

function Confirm({
  action,
  where,
  expected,
  alsoAccepted = [],
  warning,
  details = [],
  onConfirm,
  onCancel,
}: ConfirmByTypingProps): React.JSX.Element {
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const line = useLineEditor({
    value: typed,
    focus: true,
    onChange: (value) => {
      setTyped(value);
      setMismatch(false);
    },
    onSubmit: (value) => (value === expected || alsoAccepted.includes(value.trim()) ? onConfirm() : setMismatch(true)),
    submitLabel: 'confirm',
    onCancel,
    cancelLabel: 'cancel, nothing is done',
  });
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Toned tone="danger" bold>
        {action}
      </Toned>
      {details.map((detail) => (
        <Text key={detail} wrap="truncate-end">
          {'  '}
          {detail}
        </Text>
      ))}
      <Text>in {where}</Text>
      {warning ? <Toned tone="warning">! {warning}</Toned> : null}
      <Text>
        Type <Text bold>{expected}</Text> to confirm (esc cancels):
      </Text>
      <Box>
        <Box flexShrink={0}>
          <Text>› </Text>
        </Box>
        <LineView line={line} focus />
      </Box>
      {mismatch ? <Toned tone="warning">That is not "{expected}"; nothing was done.</Toned> : null}
    </Box>
  );
}

/**
 * A dangerous action needs the name (or, for a bulk action, the count) typed back; the account is shown; it owns the
 * keyboard until Enter or Esc.
 */
export function ConfirmByTyping(props: ConfirmByTypingProps): React.JSX.Element {
  return (
    <KeyScope>
      <Confirm {...props} />
    </KeyScope>
  );
}
