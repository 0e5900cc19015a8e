import React, { useEffect } from 'react';
import { Box } from 'ink';
import { Text } from '../ui/safe-text.js';
import { useKeymap } from '../ui/keys/focus.js';
import { Hanging } from '../ui/Hanging.js';
import { useList } from './list/use-list.js';
import { windowStart } from './list/window.js';

export interface MenuItem<V> {
  label: string;
  value: V;
  /** One line under the highlighted item saying why you would pick it. */
  why?: string;
  key?: string;
}

const itemKey = (item: MenuItem<unknown>) => item.key ?? item.label;
const itemText = (item: MenuItem<unknown>) => item.label;

/** A vertical choice list on the one list: ↑/↓ or j/k, g/G, Enter picks; its keys join the screen's keymap. */
export function Menu<V>({
  items,
  onSelect,
  onHighlight,
  focus,
  limit,
  initialIndex = 0,
  selectLabel = 'choose',
}: {
  items: Array<MenuItem<V>>;
  onSelect(item: MenuItem<V>): void;
  onHighlight?(item: MenuItem<V>): void;
  focus: boolean;
  limit?: number;
  initialIndex?: number;
  selectLabel?: string;
}): React.JSX.Element {
  const list = useList<MenuItem<V>>({
    rows: items,
    key: itemKey,
    text: itemText,
    pageSize: limit ?? items.length,
    filterable: false,
  });
  const { dispatch } = list;
  useEffect(() => {
    if (initialIndex > 0) dispatch({ type: 'move', by: initialIndex, keys: list.visible.map(list.key) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the initial highlight is applied once, on mount
  }, []);
  const current = list.current;
  useEffect(() => {
    if (current) onHighlight?.(current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new highlight only
  }, [current]);
  useKeymap(
    [
      { keys: ['enter'], label: selectLabel, when: current !== undefined, run: () => current && onSelect(current) },
      ...list.bindings.map((binding) =>
        binding.label === 'up' || binding.label === 'down' ? { ...binding, footer: true } : binding,
      ),
    ],
    { active: focus },
  );
  const height = limit ?? items.length;
  const start = windowStart(list.state.selected, items.length, height);
  return (
    <Box flexDirection="column">
      {items.slice(start, start + height).map((item, offset) => {
        const selected = start + offset === list.state.selected;
        return (
          <Text key={itemKey(item)} bold={selected} inverse={selected}>
            {selected ? '› ' : '  '}
            {item.label}
          </Text>
        );
      })}
      {current?.why ? (
        <Hanging prefix="  " tone="muted">
          {current.why}
        </Hanging>
      ) : null}
    </Box>
  );
}
