import React from 'react';
import { Box } from 'ink';
import { Text } from '../tui/safe-text.js';
import TextInput from 'ink-text-input';
import { Toned } from './Toned.js';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  onSubmit?(value: string): void;
  focus: boolean;
  placeholder?: string;
  /** Shown under the field while it is wrong, e.g. a name IAM would refuse. */
  error?: string;
  hint?: string;
  mask?: string;
}

export function TextField({ label, value, onChange, onSubmit, focus, placeholder, error, hint, mask }: TextFieldProps): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={0}>
          <Text bold={focus}>{focus ? '› ' : '  '}{label}: </Text>
        </Box>
        {focus ? (
          <TextInput value={value} onChange={onChange} onSubmit={onSubmit} placeholder={placeholder} mask={mask} />
        ) : (
          <Text>{mask ? mask.repeat(value.length) : value || <Text dimColor>{placeholder ?? ''}</Text>}</Text>
        )}
      </Box>
      {error ? <Toned tone="danger">    ✗ {error}</Toned> : hint && focus ? <Toned tone="muted">    {hint}</Toned> : null}
    </Box>
  );
}
