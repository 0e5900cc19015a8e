import React, { useEffect, useState } from 'react';
import { Box } from 'ink';
import { Text } from '../ui/safe-text.js';
import { LineView } from '../ui/text-field/LineView.js';
import { useLineEditor } from '../ui/text-field/use-line-editor.js';
import { completeTyped, expandHome, splitTyped, type FolderEntry } from '../core/files/path-completion.js';
import { useServices } from '../ui/frame-context.js';
import { Toned } from '../ui/Toned.js';
import { useList } from './list/use-list.js';
import { Hanging } from '../ui/Hanging.js';
import { sanitise } from '../core/text/sanitise.js';
import { useMeasuredHeight } from '../ui/use-measured-height.js';
import { windowStart } from './list/window.js';

export interface PathInputProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Called with the path, "~" expanded. */
  onSubmit(path: string): void;
  /** What Enter does with the file, for the footer: 'open', 'upload'. */
  submitLabel?: string;
  /** Esc in the field; without it Esc goes to the screen. */
  onCancel?(): void;
  cancelLabel?: string;
  focus: boolean;
  /** How many folder entries to show; 'fill' takes the rows the screen leaves (measured). */
  listRows?: number | 'fill';
}

/** A path field with Tab completion and a list of the current folder (↑/↓ to pick, Enter to open). */
const entryKey = (entry: FolderEntry) => entry.name;

export function PathInput({
  label,
  value,
  onChange,
  onSubmit,
  submitLabel = 'open',
  onCancel,
  cancelLabel,
  focus,
  listRows: rowsWanted = 8,
}: PathInputProps): React.JSX.Element {
  const [entriesBox, measured] = useMeasuredHeight();
  // The folder line takes one of the measured rows.
  const listRows = rowsWanted === 'fill' ? Math.max(1, (measured ?? 2) - 1) : rowsWanted;
  const [entries, setEntries] = useState<FolderEntry[]>([]);
  /** ↓ moves from the typed path into the folder's entries (the one list); ↑ from the first goes back. */
  const [picking, setPicking] = useState(false);
  /** Enter with nothing to open says so, where the user looks. */
  const [empty, setEmpty] = useState(false);
  const [folder, partial] = splitTyped(value);
  const services = useServices();
  useEffect(() => {
    let live = true;
    void services.listFolder(folder).then((found) => live && setEntries(found));
    return () => {
      live = false;
    };
  }, [folder, services]);
  const visible = entries.filter(
    (entry) => entry.name.startsWith(partial) && (partial.startsWith('.') || !entry.name.startsWith('.')),
  );
  const list = useList({ rows: visible, key: entryKey, text: entryKey, pageSize: listRows, filterable: false });
  const highlight = picking ? list.state.selected : -1;
  useEffect(() => {
    setPicking(false);
    setEmpty(false);
    list.dispatch({ type: 'first' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new typed value resets the pick, whatever else changed
  }, [value]);

  const submit = () => {
    const picked = highlight >= 0 ? visible[highlight] : undefined;
    if (picked?.folder) onChange(`${folder}${picked.name}/`);
    else if (picked) onSubmit(expandHome(`${folder}${picked.name}`));
    // A folder typed whole opens in the listing rather than being read as a file.
    else if (partial && entries.some((entry) => entry.folder && entry.name === partial))
      onChange(`${folder}${partial}/`);
    else if (value.trim() && !value.trim().endsWith('/')) onSubmit(expandHome(value.trim()));
    else setEmpty(true);
  };

  const completed = completeTyped(value, entries).value;
  const line = useLineEditor({
    value,
    focus,
    onChange,
    onSubmit: submit,
    submitLabel: highlight >= 0 && visible[highlight]?.folder ? 'open folder' : submitLabel,
    onCancel,
    cancelLabel,
    bindings: [
      { keys: ['tab'], label: 'complete the name', when: completed !== value, run: () => onChange(completed) },
      {
        keys: ['down'],
        label: 'pick from the folder',
        run: () => setPicking(true),
        when: !picking && visible.length > 0,
      },
      {
        keys: ['up'],
        label: 'back to the typed path',
        run: () => setPicking(false),
        when: picking && list.state.selected === 0,
        footer: false,
      },
      ...(picking ? list.bindings : []),
    ],
  });
  const start = windowStart(Math.max(0, highlight), visible.length, listRows);
  return (
    <Box flexDirection="column" flexGrow={rowsWanted === 'fill' ? 1 : 0}>
      <Box>
        <Box flexShrink={0}>
          <Text bold>{label}: </Text>
        </Box>
        <LineView line={line} focus={line.focused} placeholder="type a path; tab completes" />
      </Box>
      {empty ? (
        <Hanging prefix="  " tone="warning">
          {value.trim()
            ? `${value.trim()} is a folder: type a file's name in it (tab completes) or press ↓ to pick one.`
            : 'Nothing to open yet: type a path (tab completes) or press ↓ to pick from the folder.'}
        </Hanging>
      ) : null}
      <Box
        ref={entriesBox}
        flexDirection="column"
        {...(rowsWanted === 'fill' ? { flexGrow: 1, flexShrink: 1, flexBasis: 0, overflow: 'hidden' as const } : {})}
      >
        {/* One row whatever the folder's length: its start gives way, its own name and the count stay. */}
        <Box>
          <Box flexShrink={0}>
            <Toned tone="muted"> in </Toned>
          </Box>
          <Box flexShrink={1} minWidth={1}>
            <Toned tone="muted" wrap="truncate-start">
              {sanitise(folder) || './'}
            </Toned>
          </Box>
          <Box flexShrink={0}>
            <Toned tone="muted">
              {visible.length === 0
                ? ' (nothing matches)'
                : `: ${visible.length} entr${visible.length === 1 ? 'y' : 'ies'}`}
            </Toned>
          </Box>
        </Box>
        {visible.slice(start, start + listRows).map((entry, offset) => {
          const index = start + offset;
          return (
            <Text key={entry.name} inverse={index === highlight}>
              {index === highlight ? '› ' : '  '}
              {sanitise(entry.folder ? `${entry.name}/` : entry.name)}
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
