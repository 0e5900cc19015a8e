import React from 'react';
import { Box } from 'ink';
import { Text } from '../tui/safe-text.js';
import SelectInput from 'ink-select-input';
import { Toned } from './Toned.js';

export interface MenuItem<V> {
  label: string;
  value: V;
  /** One line under the highlighted item saying why you would pick it. */
  why?: string;
  key?: string;
}

function Indicator({ isSelected = false }: { isSelected?: boolean }): React.JSX.Element {
  return <Text>{isSelected ? '› ' : '  '}</Text>;
}

function Item({ isSelected = false, label }: { isSelected?: boolean; label: string }): React.JSX.Element {
  return (
    <Text bold={isSelected} inverse={isSelected}>
      {label}
    </Text>
  );
}

/** A vertical choice list: ↑/↓ or j/k, Enter picks. */
export function Menu<V>({ items, onSelect, onHighlight, focus, limit, initialIndex }: { items: Array<MenuItem<V>>; onSelect(item: MenuItem<V>): void; onHighlight?(item: MenuItem<V>): void; focus: boolean; limit?: number; initialIndex?: number }): React.JSX.Element {
  const [highlighted, setHighlighted] = React.useState<MenuItem<V> | undefined>(items[initialIndex ?? 0]);
  // The same Menu may be handed new items (the next wizard step): fall back to their first.
  const shown = highlighted && items.some((item) => item.label === highlighted.label) ? highlighted : items[initialIndex ?? 0];
  return (
    <Box flexDirection="column">
      <SelectInput
        items={items.map((item) => ({ ...item, key: item.key ?? item.label }))}
        isFocused={focus}
        limit={limit}
        initialIndex={initialIndex}
        indicatorComponent={Indicator}
        itemComponent={Item}
        onSelect={(item) => onSelect(item as MenuItem<V>)}
        onHighlight={(item) => {
          setHighlighted(item as MenuItem<V>);
          onHighlight?.(item as MenuItem<V>);
        }}
      />
      {shown?.why ? <Toned tone="muted">  {shown.why}</Toned> : null}
    </Box>
  );
}
