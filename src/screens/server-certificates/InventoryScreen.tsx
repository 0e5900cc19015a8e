import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../tui/safe-text.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { DELETE_WARNING, KEY_NOT_READABLE } from '../../core/iam/notices.js';
import { exportFiles } from '../../core/iam/server-certificate-rows.js';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import { checkName, checkPath } from '../../core/preflight/rules.js';
import { copyToClipboard } from '../../components/clipboard.js';
import { ConfirmByTyping } from '../../components/ConfirmByTyping.js';
import { FilterLine } from '../../components/FilterLine.js';
import { ProblemLine } from '../../components/ProblemLine.js';
import { Spinner } from '../../components/Spinner.js';
import { TextField } from '../../components/TextField.js';
import { Toned } from '../../components/Toned.js';
import { useScreenKeys } from '../../components/use-screen-keys.js';
import { useAction } from '../../components/use-action.js';
import { useTask } from '../../components/use-task.js';
import { WindowedTable, type Column } from '../../components/WindowedTable.js';
import { useFrame } from '../../tui/frame-context.js';
import { useIsTopScreen, useNavigation } from '../../tui/navigation.js';
import { expiresCell } from '../../components/expires-cell.js';
import { nextSort, visibleRows, type Sort } from './inventory-state.js';

type Modal = { kind: 'none' } | { kind: 'filter' } | { kind: 'delete'; row: ServerCertificateRow } | { kind: 'rename'; row: ServerCertificateRow; field: 0 | 1; name: string; path: string } | { kind: 'export'; row: ServerCertificateRow; folder: string };

export function InventoryScreen(): React.JSX.Element {
  const { services, identity, columns, rows: terminalRows, flash } = useFrame();
  const navigation = useNavigation();
  const top = useIsTopScreen();
  const [loadState, load] = useTask<ServerCertificateRow[]>();
  const [all, setAll] = useState<ServerCertificateRow[]>([]);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>('expiry');
  const [selected, setSelected] = useState(0);
  const [modal, setModal] = useState<Modal>({ kind: 'none' });
  const [progress, setProgress] = useState(0);

  const refresh = useCallback(() => {
    setProgress(0);
    void load('Listing server certificates…', (signal) => services.listServerCertificates(signal, setProgress)).then((found) => found && setAll(found));
  }, [load, services]);
  useEffect(refresh, [refresh]);
  // Coming back from the upload screen: show what was added.
  const wasTop = useRef(top);
  useEffect(() => {
    if (top && !wasTop.current) refresh();
    wasTop.current = top;
  }, [top, refresh]);

  const rows = useMemo(() => visibleRows(all, filter, sort), [all, filter, sort]);
  const current = rows[Math.min(selected, rows.length - 1)];
  const now = useMemo(() => new Date(), [all]);
  const where = identity.state === 'ready' ? describeIdentity(identity.identity) : 'the current account';

  const tableColumns = useMemo<Array<Column<ServerCertificateRow>>>(() => {
    const wide = columns >= 100;
    const fixed = 18 + 22 + 10 + (wide ? 22 : 0) + 6;
    const nameWidth = Math.max(12, columns - fixed);
    return [
      { title: 'NAME', width: nameWidth, cell: (row) => row.name },
      { title: 'PATH', width: 18, cell: (row) => row.path },
      { title: 'EXPIRES', width: 22, cell: (row) => expiresCell(row, now).text, tone: (row) => expiresCell(row, now).tone },
      { title: 'UPLOADED', width: 10, cell: (row) => row.uploadDate?.slice(0, 10) ?? '' },
      ...(wide ? [{ title: 'ID', width: 22, cell: (row: ServerCertificateRow) => row.id }] : []),
    ];
  }, [columns, now]);

  const [actionState, perform] = useAction(flash, refresh);
  const runAndRefresh = (label: string, work: (signal: AbortSignal) => Promise<void>, done: string) => {
    setModal({ kind: 'none' });
    perform(label, work, done);
  };

  const active = useScreenKeys({
    typing: modal.kind !== 'none',
    enabled: modal.kind !== 'delete',
    hints:
      modal.kind === 'filter'
        ? [['enter', 'keep filter'], ['esc', 'clear']]
        : modal.kind !== 'none'
          ? [['enter', 'ok'], ['esc', 'cancel']]
          : // Most used first: the footer shows what fits, the help shows all.
            [['enter', 'details'], ['/', 'filter'], ['u', 'upload'], ['d', 'delete'], ['r', 'refresh'], ['esc', 'back'], ['s', `sort: ${sort}`], ['e', 'rename/move'], ['x', 'export'], ['y', 'copy ARN'], ['↑/↓ j/k', 'move'], ['g/G', 'first/last'], ['pgup/pgdn', 'a page']],
    help: ['Sorted by expiry, soonest first; s changes the order.', 'Expired certificates are marked EXPIRED, those within 30 days in red, 90 days in yellow.', KEY_NOT_READABLE],
    onKey: (input, key) => {
      if (modal.kind === 'filter') {
        if (key.escape) {
          setFilter('');
          setModal({ kind: 'none' });
        } else if (key.return) setModal({ kind: 'none' });
        return true;
      }
      if (modal.kind === 'rename') {
        if (key.escape) setModal({ kind: 'none' });
        else if (key.upArrow || key.downArrow || key.tab) setModal({ ...modal, field: modal.field === 0 ? 1 : 0 });
        return true;
      }
      if (modal.kind === 'export') {
        if (key.escape) setModal({ kind: 'none' });
        return true;
      }
      if (key.upArrow || input === 'k') setSelected(Math.max(0, selected - 1));
      else if (key.downArrow || input === 'j') setSelected(Math.min(rows.length - 1, selected + 1));
      else if (key.pageDown) setSelected(Math.min(rows.length - 1, selected + 10));
      else if (key.pageUp) setSelected(Math.max(0, selected - 10));
      else if (input === 'g') setSelected(0);
      else if (input === 'G') setSelected(Math.max(0, rows.length - 1));
      else if (input === '/') setModal({ kind: 'filter' });
      else if (input === 's') setSort(nextSort(sort));
      else if (input === 'r') refresh();
      else if (input === 'u') navigation.push({ screen: 'server-upload' });
      else if (!current) return false;
      else if (key.return) navigation.push({ screen: 'server-details', name: current.name });
      else if (input === 'd') setModal({ kind: 'delete', row: current });
      else if (input === 'e') setModal({ kind: 'rename', row: current, field: 0, name: current.name, path: current.path });
      else if (input === 'x') setModal({ kind: 'export', row: current, folder: process.cwd() });
      else if (input === 'y') {
        copyToClipboard(current.arn);
        flash(`Copied the ARN of ${current.name}`);
      } else return false;
      return true;
    },
  });

  const tableHeight = Math.max(3, terminalRows - 8 - (modal.kind === 'none' ? 0 : 6));
  const renameError = modal.kind === 'rename' ? (checkName(modal.name) ?? checkPath(modal.path))?.message : undefined;

  return (
    <Box flexDirection="column" paddingX={1}>
      {loadState.status === 'running' ? <Spinner label={`${loadState.label} ${progress > 0 ? `${progress} so far` : ''}`} /> : null}
      {actionState.status === 'running' ? <Spinner label={actionState.label} /> : null}
      <ProblemLine problem={loadState.status === 'failed' ? loadState.problem : actionState.status === 'failed' ? actionState.problem : undefined} />
      {loadState.status !== 'running' && all.length === 0 && loadState.status === 'done' ? <Text>No server certificates in {where}. Press u to upload one.</Text> : null}
      {rows.length > 0 ? <WindowedTable rows={rows} columns={tableColumns} selected={Math.min(selected, rows.length - 1)} height={tableHeight} rowKey={(row) => row.arn || row.name} /> : null}
      {all.length > 0 ? (
        <Toned tone="muted">
          {rows.length} of {all.length} shown{filter ? ` (filter "${filter}")` : ''}; sorted by {sort}
        </Toned>
      ) : null}
      {modal.kind === 'filter' ? (
        <FilterLine value={filter} focus={active} onChange={(value) => { setFilter(value); setSelected(0); }} />
      ) : null}
      {modal.kind === 'delete' ? (
        <ConfirmByTyping
          action={`Delete server certificate "${modal.row.name}" (${modal.row.path})`}
          where={where}
          expected={modal.row.name}
          warning={DELETE_WARNING}
          onCancel={() => setModal({ kind: 'none' })}
          onConfirm={() => runAndRefresh(`Deleting ${modal.row.name}…`, (signal) => services.deleteServerCertificate(modal.row.name, signal), `Deleted ${modal.row.name}`)}
        />
      ) : null}
      {modal.kind === 'rename' ? (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold>Rename or move {modal.row.name}</Text>
          <TextField label="Name" value={modal.name} focus={active && modal.field === 0} onChange={(name) => setModal({ ...modal, name })} onSubmit={() => setModal({ ...modal, field: 1 })} />
          <TextField
            label="Path"
            value={modal.path}
            focus={active && modal.field === 1}
            onChange={(path) => setModal({ ...modal, path })}
            hint="CloudFront only uses certificates under /cloudfront/ (e.g. /cloudfront/prod/)."
            onSubmit={() => {
              if (renameError) return;
              const change = { newName: modal.name !== modal.row.name ? modal.name : undefined, newPath: modal.path !== modal.row.path ? modal.path : undefined };
              if (!change.newName && !change.newPath) return setModal({ kind: 'none' });
              runAndRefresh(`Updating ${modal.row.name}…`, (signal) => services.renameServerCertificate(modal.row.name, change, signal), `Updated ${modal.row.name}`);
            }}
          />
          {renameError ? <Toned tone="danger">✗ {renameError}</Toned> : null}
        </Box>
      ) : null}
      {modal.kind === 'export' ? (
        <Box flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold>Export the body and chain of {modal.row.name}</Text>
          <TextField
            label="Folder"
            value={modal.folder}
            focus={active}
            onChange={(folder) => setModal({ ...modal, folder })}
            onSubmit={(folder) =>
              runAndRefresh(
                `Exporting ${modal.row.name}…`,
                async (signal) => {
                  const details = await services.getServerCertificate(modal.row.name, signal);
                  await services.writeFiles(exportFiles(details, folder), {});
                },
                `Exported ${modal.row.name} to ${folder}`,
              )
            }
          />
          <Toned tone="muted">{KEY_NOT_READABLE}</Toned>
        </Box>
      ) : null}
    </Box>
  );
}
