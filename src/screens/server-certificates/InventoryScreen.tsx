import { useMomentOf } from '../../ui/use-moment-of.js';
import { lastFolder, rememberFolder } from '../../ui/remembered-folders.js';
import React, { useEffect, useMemo, useReducer } from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { deleteWarning, KEY_NOT_READABLE } from '../../core/iam/notices.js';
import { exportFiles } from '../../core/iam/server-certificate-rows.js';
import { checkName, checkPath } from '../../core/preflight/rules.js';
import { ConfirmByTyping } from '../../widgets/ConfirmByTyping.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { TextField } from '../../widgets/TextField.js';
import { Toned } from '../../ui/Toned.js';
import { KeyScope, useKeymap } from '../../ui/keys/focus.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useMeasuredHeight } from '../../ui/use-measured-height.js';
import { ListView, type Column } from '../../widgets/list/ListView.js';
import { useList } from '../../widgets/list/use-list.js';
import { useFrame } from '../../ui/frame-context.js';
import { useNavigation } from '../routes.js';
import { expiresCell } from '../../widgets/expires-cell.js';
import {
  deleteConfirmation,
  INVENTORY_SHAPE,
  inventoryModalReducer,
  type InventoryModal,
  type InventoryModalAction,
} from './inventory-state.js';
import { useInventory } from './use-inventory.js';
import { ServedPanel } from './ServedPanel.js';
import { serves, usedByNarrow, usedByShort } from '../../core/usage/usage-map.js';
import type { ServedBy } from '../../core/usage/served-by.js';
import type { TaskState } from '../../ui/use-task.js';
import type { Tone } from '../../ui/theme.js';
import { toProblem } from '../../core/errors.js';
import { Hanging } from '../../ui/Hanging.js';
import { keyTypeWords } from '../../core/acm/key-types.js';
import { storeCell, type InventoryRow } from './inventory-rows.js';
import { notesHelp, notesLine } from './notes-line.js';

/** USED BY: "…" while looking, then "2 ALB, CF" or "—"; red when an expired certificate is still served. */
function usedByCell(
  row: InventoryRow,
  usage: TaskState<ServedBy>,
  now: Date,
): { text: string; narrow: string; tone?: Tone } {
  if (usage.status === 'running' || usage.status === 'idle') return { text: '…', narrow: '…', tone: 'muted' };
  if (usage.status === 'failed') return { text: '?', narrow: '?', tone: 'warning' };
  const consumers = usage.value.consumers.filter((consumer) => serves(consumer, row));
  // ACM knows users iamcert does not look at (API Gateway, App Runner…): "in use" says so rather than "—".
  if (consumers.length === 0 && row.store === 'ACM' && row.acm.inUse) return { text: 'other', narrow: 'other' };
  const expired = row.expiration !== undefined && new Date(row.expiration).getTime() <= now.getTime();
  return {
    text: usedByShort(consumers),
    narrow: usedByNarrow(consumers),
    tone: consumers.length > 0 && expired ? 'danger' : consumers.length === 0 ? 'muted' : undefined,
  };
}

/**
 * NAME tells rows apart and is never left out (cut in the middle, its telling end kept); EXPIRES and USED BY (or
 * ACCOUNT) come next, USED BY keeping every kind ("2E 6A CF" when narrow); STORE, ID / KEY and UPLOADED take the rest.
 */
function columnsFor(now: Date, usage: TaskState<ServedBy>, everywhere: boolean): Array<Column<InventoryRow>> {
  return [
    { title: 'NAME', min: 12, priority: 0, cut: 'middle', sort: 'name', cell: (row) => row.name },
    { title: 'STORE', min: 5, priority: 3, sort: 'store', cell: storeCell, narrow: (row) => row.store },
    {
      title: 'EXPIRES',
      // "2026-11-30!": the date of an expired one, and that it is.
      min: 11,
      priority: 1,
      sort: 'expiry',
      cell: (row) => expiresCell(row, now).text,
      narrow: (row) => expiresCell(row, now).narrow,
      tone: (row) => expiresCell(row, now).tone,
    },
    // Every account: whose each row is takes USED BY's place (who serves what is looked up in this account only).
    everywhere
      ? { title: 'ACCOUNT', min: 12, priority: 2, cell: (row: InventoryRow) => row.account ?? '' }
      : {
          title: 'USED BY',
          min: 8,
          priority: 2,
          cell: (row: InventoryRow) => usedByCell(row, usage, now).text,
          narrow: (row: InventoryRow) => usedByCell(row, usage, now).narrow,
          tone: (row: InventoryRow) => usedByCell(row, usage, now).tone,
        },
    {
      title: 'ID / KEY',
      min: 10,
      priority: 4,
      whole: true,
      cell: (row: InventoryRow) => (row.store === 'IAM' ? row.id : keyTypeWords(row.acm.keyType)),
    },
    {
      title: 'UPLOADED',
      min: 10,
      priority: 5,
      whole: true,
      sort: 'uploaded',
      cell: (row: InventoryRow) => row.uploadDate?.slice(0, 10) ?? '',
    },
  ];
}

type Perform = ReturnType<typeof useInventory>['perform'];

function RenameForm({
  modal,
  dispatch,
  perform,
}: {
  modal: Extract<InventoryModal, { kind: 'rename' }>;
  dispatch(action: InventoryModalAction): void;
  perform: Perform;
}): React.JSX.Element {
  const { services, flash } = useFrame();
  const problem = (checkName(modal.name) ?? checkPath(modal.path))?.message;
  const save = () => {
    if (problem) return flash('Not saved: correct the field marked ✗ first.');
    const change = {
      newName: modal.name !== modal.row.name ? modal.name : undefined,
      newPath: modal.path !== modal.row.path ? modal.path : undefined,
    };
    dispatch({ type: 'close' });
    // Enter answers even when there is nothing to send.
    if (!change.newName && !change.newPath) return flash(`Nothing changed: ${modal.row.name} keeps its name and path.`);
    void perform(
      `Updating ${modal.row.name}…`,
      (signal) => services.renameServerCertificate(modal.row.name, change, signal),
      `Updated ${modal.row.name}`,
    );
  };
  useKeymap([
    {
      keys: ['tab', 'up', 'down'],
      display: 'tab/↑/↓',
      label: 'the other field',
      run: () => dispatch({ type: 'rename-field' }),
    },
    { keys: ['esc'], label: 'cancel', run: () => dispatch({ type: 'close' }) },
  ]);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Rename or move {modal.row.name}</Text>
      <TextField
        label="Name"
        value={modal.name}
        focus={modal.field === 0}
        onChange={(name) => dispatch({ type: 'rename-edit', name })}
        onSubmit={() => dispatch({ type: 'rename-field' })}
        submitLabel="next field"
      />
      <TextField
        label="Path"
        value={modal.path}
        focus={modal.field === 1}
        onChange={(path) => dispatch({ type: 'rename-edit', path })}
        hint="CloudFront only uses certificates under /cloudfront/ (e.g. /cloudfront/prod/)."
        onSubmit={save}
        submitLabel={problem ? 'save (fix the ✗ first)' : 'save'}
      />
      {problem ? <Toned tone="danger">✗ {problem}</Toned> : null}
    </Box>
  );
}

function ExportForm({
  modal,
  dispatch,
  perform,
}: {
  modal: Extract<InventoryModal, { kind: 'export' }>;
  dispatch(action: InventoryModalAction): void;
  perform: Perform;
}): React.JSX.Element {
  const { services, flash } = useFrame();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Export the body and chain of {modal.row.name}</Text>
      <TextField
        label="Folder"
        value={modal.folder}
        focus
        onChange={(folder) => dispatch({ type: 'export-edit', folder })}
        submitLabel="export"
        onCancel={() => dispatch({ type: 'close' })}
        onSubmit={(folder) => {
          if (!folder.trim()) return flash('Give the folder to export to first.');
          dispatch({ type: 'close' });
          void perform(
            `Exporting ${modal.row.name}…`,
            async () => {
              const details = await services.getServerCertificate(modal.row.name);
              await services.writeFiles(exportFiles(details, folder), {});
              rememberFolder('export', folder);
            },
            `Exported ${modal.row.name} to ${folder}`,
          );
        }}
      />
      <Toned tone="muted">{KEY_NOT_READABLE}</Toned>
    </Box>
  );
}

export function InventoryScreen({ select }: { select?: string } = {}): React.JSX.Element {
  const { identity, columns, copy, services, flash } = useFrame();
  const navigation = useNavigation();
  const inventory = useInventory();
  const [modal, dispatch] = useReducer(inventoryModalReducer, { kind: 'none' });
  const [listBox, height] = useMeasuredHeight();
  const now = useMomentOf(inventory.rows);
  const cells = useMemo(
    () => columnsFor(now, inventory.usage, inventory.everywhere),
    [now, inventory.usage, inventory.everywhere],
  );
  const list = useList({
    rows: inventory.rows,
    pageSize: height ?? 1,
    markable: true,
    columns: cells,
    ...INVENTORY_SHAPE,
  });
  const where = identity.state === 'ready' ? describeIdentity(identity.identity) : 'the current account';
  const current = list.current;
  const busy = inventory.action.status === 'running';
  const { dispatch: listDispatch } = list;
  // Back from an upload: the new certificate is highlighted as soon as the reload lists it.
  useEffect(() => {
    if (select) listDispatch({ type: 'select', key: select });
  }, [select, listDispatch]);
  const targets = list.marked.length > 0 ? list.marked : current ? [current] : [];
  // Rename, export, rotate and delete are IAM's; an ACM certificate is renewed in place by a re-import. Every action
  // acts in this profile's account: a row of another account is only looked at (:profile switches).
  const thisAccount = identity.state === 'ready' ? identity.identity.account : undefined;
  const ours = (row: InventoryRow | undefined) => row !== undefined && (!row.account || row.account === thisAccount);
  const iamCurrent = current?.store === 'IAM' && ours(current) ? current : undefined;
  const iamTargets = targets.filter((row) => row.store === 'IAM' && ours(row));

  useScreenKeymap(
    [
      {
        keys: ['enter'],
        label: 'details',
        when: current !== undefined,
        run: () => {
          if (!current) return;
          if (!ours(current))
            return flash(
              `${current.name} is in account ${current.account}: type :profile ${current.profile ?? 'NAME'} to act there.`,
            );
          navigation.push(
            current.store === 'IAM'
              ? { screen: 'server-details', name: current.name }
              : { screen: 'acm-details', arn: current.arn },
          );
        },
      },
      ...list.bindings.filter((binding) => binding.keys.includes('/')),
      { keys: ['u'], label: 'upload', run: () => navigation.push({ screen: 'server-upload' }) },
      {
        keys: ['i'],
        label: current?.store === 'ACM' && ours(current) ? 're-import (ACM)' : 'import to ACM',
        run: () =>
          navigation.push(
            current?.store === 'ACM' && ours(current)
              ? { screen: 'acm-import', arn: current.arn }
              : { screen: 'acm-import' },
          ),
      },
      {
        keys: ['d'],
        label: list.marked.length > 0 ? `delete ${iamTargets.length} marked IAM` : 'delete',
        when: iamTargets.length > 0 && !busy && modal.kind === 'none',
        run: () => {
          // Never while something serves it: who does is looked up first, in every region and CloudFront.
          dispatch({ type: 'check', rows: iamTargets });
          void services.servedBy(iamTargets).then(
            (found) => dispatch({ type: 'checked', rows: iamTargets, found }),
            (error: unknown) =>
              dispatch({
                type: 'checked',
                rows: iamTargets,
                found: { consumers: [], notes: [{ where: 'where it is served', ...toProblem(error) }] },
              }),
          );
        },
      },
      {
        keys: ['R'],
        label: 'rotate',
        when: iamCurrent !== undefined && !busy && modal.kind === 'none',
        run: () => iamCurrent && navigation.push({ screen: 'rotate', name: iamCurrent.name }),
      },
      {
        keys: ['esc'],
        label: 'stop checking',
        when: modal.kind === 'checking',
        run: () => dispatch({ type: 'close' }),
      },
      { keys: ['r'], label: 'refresh', run: inventory.reload },
      {
        keys: ['A'],
        label: inventory.everywhere ? 'this account only' : 'every account (all profiles)',
        run: inventory.toggleEverywhere,
      },
      ...list.bindings.filter((binding) => !binding.keys.includes('/')),
      {
        keys: ['e'],
        label: 'rename/move',
        when: iamCurrent !== undefined && !busy,
        run: () => iamCurrent && dispatch({ type: 'rename', row: iamCurrent }),
      },
      {
        keys: ['x'],
        label: 'export',
        when: iamCurrent !== undefined,
        run: () => iamCurrent && dispatch({ type: 'export', row: iamCurrent, folder: lastFolder('export') }),
      },
      {
        keys: ['y'],
        label: 'copy ARN',
        when: current !== undefined,
        run: () => {
          if (!current) return;
          copy(current.arn, `the ARN of ${current.name}`);
        },
      },
    ],
    {
      help: [
        'Sorted by expiry, soonest first; s changes the order, S turns it round; the title of the column it follows is marked ↑ (or ↓).',
        'Expired certificates are marked EXPIRED (or ! after the date where it is narrow), those within 30 days in red, 90 days in yellow.',
        'USED BY, where it is narrow: E classic load balancer, A ALB, N NLB, CF CloudFront, each with its count ("2E 6A CF").',
        '/ finds text in any column (/ALB, /EXPIRED).',
        'IAM and ACM certificates are listed together; STORE says which (ACM with its region).',
        'A lists every account in the AWS config files, with an ACCOUNT column; actions stay in this one (:profile).',
        'Space marks certificates (ctrl-space all the list shows, ctrl-\\ none); d then deletes the marked IAM ones after you type their count.',
        'An ACM certificate is renewed in place by a re-import (i on its row), keeping its ARN.',
        KEY_NOT_READABLE,
        ...(inventory.acm.status === 'done' ? notesHelp('ACM', inventory.acm.value.notes) : []),
        ...(inventory.usage.status === 'done' ? notesHelp('USED BY', inventory.usage.value.notes) : []),
      ],
    },
  );

  const confirm = modal.kind === 'delete' ? deleteConfirmation(modal.rows) : undefined;
  const problem =
    inventory.load.status === 'failed'
      ? inventory.load.problem
      : inventory.action.status === 'failed'
        ? inventory.action.problem
        : undefined;
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      {inventory.load.status === 'running' ? (
        <Spinner label={`${inventory.load.label} ${inventory.progress > 0 ? `${inventory.progress} so far` : ''}`} />
      ) : null}
      {inventory.action.status === 'running' ? <Spinner label={inventory.action.label} /> : null}
      <ProblemLine problem={problem} />
      <Box ref={listBox} flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden">
        {height !== undefined ? (
          <ListView
            list={list}
            columns={cells}
            width={columns - 2}
            height={height}
            total={inventory.rows.length}
            empty={
              inventory.load.status === 'done'
                ? `No certificates in IAM or ACM in ${where}. Press u to upload one to IAM.`
                : undefined
            }
          />
        ) : null}
      </Box>
      {inventory.everywhere && inventory.all.status === 'running' ? <Spinner label={inventory.all.label} /> : null}
      {inventory.everywhere && inventory.all.status === 'failed' ? (
        <ProblemLine problem={inventory.all.problem} />
      ) : null}
      {inventory.everywhere && inventory.all.status === 'done'
        ? inventory.all.value.failures.map((failure) => (
            <Hanging key={`${failure.profile ?? ''}${failure.account ?? ''}`} prefix="! " tone="warning">
              {`${failure.profile ? `profile ${failure.profile}` : 'the default credentials'}${failure.account ? ` (account ${failure.account})` : ''} NOT READ: ${failure.code} ${failure.message}`}
            </Hanging>
          ))
        : null}
      {!inventory.everywhere && inventory.acm.status === 'failed' ? (
        <Hanging prefix="! " tone="warning">{`ACM could not be listed: ${inventory.acm.problem.message}`}</Hanging>
      ) : !inventory.everywhere && inventory.acm.status === 'done' && inventory.acm.value.notes.length > 0 ? (
        <Toned tone="warning" wrap="truncate-end">
          {notesLine('ACM', inventory.acm.value.notes)}
        </Toned>
      ) : null}
      {!inventory.everywhere && inventory.usage.status === 'done' && inventory.usage.value.notes.length > 0 ? (
        <Toned tone="warning" wrap="truncate-end">
          {notesLine('USED BY', inventory.usage.value.notes)}
        </Toned>
      ) : null}
      {inventory.usage.status === 'failed' ? (
        <Hanging
          prefix="! "
          tone="warning"
        >{`USED BY could not be looked up: ${inventory.usage.problem.message}`}</Hanging>
      ) : null}
      {modal.kind === 'delete' && confirm ? (
        <ConfirmByTyping
          action={confirm.action}
          details={confirm.details}
          where={where}
          expected={confirm.expected}
          warning={deleteWarning(modal.rows.length)}
          onCancel={() => dispatch({ type: 'close' })}
          onConfirm={() => {
            dispatch({ type: 'close' });
            inventory.deleteAll(modal.rows, () => list.dispatch({ type: 'clear-marks' }));
          }}
        />
      ) : null}
      {modal.kind === 'checking' ? (
        <Spinner
          label={`Checking what serves ${modal.rows.length === 1 ? modal.rows[0]!.name : `${modal.rows.length} certificates`} before deleting…`}
        />
      ) : null}
      {modal.kind === 'served' ? (
        <KeyScope>
          <ServedPanel
            modal={modal}
            onClose={() => dispatch({ type: 'close' })}
            onRotate={(name) => {
              dispatch({ type: 'close' });
              navigation.push({ screen: 'rotate', name });
            }}
            onDeleteUnserved={() => dispatch({ type: 'delete-unserved' })}
          />
        </KeyScope>
      ) : null}
      {modal.kind === 'rename' ? (
        <KeyScope>
          <RenameForm modal={modal} dispatch={dispatch} perform={inventory.perform} />
        </KeyScope>
      ) : null}
      {modal.kind === 'export' ? (
        <KeyScope>
          <ExportForm modal={modal} dispatch={dispatch} perform={inventory.perform} />
        </KeyScope>
      ) : null}
    </Box>
  );
}
