import React, { useContext, useEffect, useRef } from 'react';
import { FrameContext } from '../ui/frame-context.js';
import { Box } from 'ink';
import { Text } from '../ui/safe-text.js';
import { LineView } from '../ui/text-field/LineView.js';
import { useLineEditor, type LineEditorOptions } from '../ui/text-field/use-line-editor.js';
import { Hanging } from '../ui/Hanging.js';
import { choicesLine, usePathCompletion } from '../ui/use-path-completion.js';

export interface TextFieldProps extends LineEditorOptions {
  label: string;
  placeholder?: string;
  /** Shown under the field while it is wrong, e.g. a name IAM would refuse. */
  error?: string;
  hint?: string;
  mask?: string;
  /** The field holds a file path: Tab completes it as a shell does, showing the choices when several match. */
  completePath?: boolean;
  /** Tab on a path with nothing left to complete (or an empty one) moves on, as Tab does in the other fields. */
  onTabPast?: () => void;
}

/** The one text field of the app: a label, the line with its cursor, and a hint or error under it. */
export function TextField({
  label,
  placeholder,
  error,
  hint,
  mask,
  completePath,
  onTabPast,
  ...editing
}: TextFieldProps): React.JSX.Element {
  const completion = usePathCompletion();
  // Outside the app frame (a widget on its own), the width is a terminal's usual 80.
  const frame = useContext(FrameContext);
  // The value as of the last key, not the last frame: a Tab typed right after the name completes what was typed.
  const latest = useRef(editing.value);
  latest.current = editing.value;
  const onChange = (value: string) => {
    latest.current = value;
    completion.clear();
    if (completePath) completion.readAhead(value);
    editing.onChange(value);
  };
  const complete = async () => {
    const typed = latest.current;
    const now = completion.completeNow(typed);
    if (now.kind === 'nothing') return onTabPast?.();
    if (now.kind === 'completed') {
      latest.current = now.value;
      return editing.onChange(now.value);
    }
    const value = await completion.complete(typed);
    if (value === typed || latest.current !== typed) return;
    latest.current = value;
    editing.onChange(value);
  };
  // A prefilled path is read ahead too, so its first Tab decides at once.
  useEffect(() => {
    if (completePath) completion.readAhead(latest.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [completePath]);
  const line = useLineEditor({
    ...editing,
    onChange,
    bindings: [
      ...(completePath
        ? [
            {
              keys: ['tab'],
              label: onTabPast ? 'complete the path (or next field)' : 'complete the path',
              run: () => void complete(),
            },
          ]
        : []),
      ...(editing.bindings ?? []),
    ],
  });
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
      {completion.choices.length > 0 && focus ? (
        <Hanging prefix="    " tone="muted">
          {choicesLine(completion.choices, (frame?.columns ?? 80) - 6)}
        </Hanging>
      ) : null}
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
