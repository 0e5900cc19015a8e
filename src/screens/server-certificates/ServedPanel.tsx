import React from 'react';
import { fixInApp } from '../../core/errors.js';
import { Box } from 'ink';
import { Toned } from '../../ui/Toned.js';
import { Hanging } from '../../ui/Hanging.js';
import { useKeymap } from '../../ui/keys/focus.js';
import { describeConsumer, usedBySummary } from '../../core/usage/usage-map.js';
import { capped } from '../../core/text/capped.js';
import { splitByServed, type InventoryModal } from './inventory-state.js';

/** At most this many consumers are listed; the rest are counted. */
const SHOWN = 8;

/**
 * Why a delete did not happen: who serves each certificate, or where that could not be checked. Of several marked,
 * those nothing serves can still be deleted from here (d), once every place was looked at.
 */
export function ServedPanel({
  modal,
  onClose,
  onRotate,
  onDeleteUnserved,
}: {
  modal: Extract<InventoryModal, { kind: 'served' }>;
  onClose(): void;
  onRotate(name: string): void;
  onDeleteUnserved(): void;
}): React.JSX.Element {
  const { served, unserved } = splitByServed(modal.rows, modal.found);
  const { notes } = modal.found;
  const one = modal.rows.length === 1;
  useKeymap([
    {
      keys: ['R'],
      label: 'rotate instead',
      when: served.length === 1,
      run: () => onRotate(served[0]!.row.name),
    },
    {
      keys: ['d'],
      label: `delete the ${unserved.length} nothing serves`,
      when: served.length > 0 && unserved.length > 0,
      run: onDeleteUnserved,
    },
    { keys: ['esc', 'enter'], label: 'close; nothing was deleted', run: onClose },
  ]);
  const { shown, rest } = capped(
    served.flatMap(({ row, consumers }) => consumers.map((consumer) => ({ row, consumer }))),
    SHOWN,
  );
  const names = (rows: Array<{ name: string }>) => rows.map((row) => row.name).join(', ');
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      {served.length > 0 ? (
        <Toned tone="danger" bold>
          {one
            ? `Not deleted: ${modal.rows[0]!.name} is still served by`
            : `Not deleted: ${served.length} of ${modal.rows.length} are still served (${names(served.map((entry) => entry.row))})`}
        </Toned>
      ) : (
        <Toned tone="warning" bold>
          Not deleted: could not check everywhere {names(modal.rows)} might be served
        </Toned>
      )}
      {shown.map(({ row, consumer }, index) => (
        <Hanging key={`${index}`} prefix="  ">
          {one ? describeConsumer(consumer) : `${row.name}: ${describeConsumer(consumer)}`}
        </Hanging>
      ))}
      {rest.length > 0 ? (
        <Hanging prefix="  ">{`and ${rest.length} more (${usedBySummary(rest.map((entry) => entry.consumer))})`}</Hanging>
      ) : null}
      {notes.map((note) => (
        <Hanging key={note.where} prefix="  ! ">
          {`${note.where}: ${note.message} Fix: ${fixInApp(note)}`}
        </Hanging>
      ))}
      {served.length > 0 && unserved.length > 0 ? (
        <Hanging prefix="" tone="ok">
          {`Nothing serves ${names(unserved)}: d deletes ${unserved.length === 1 ? 'it' : `those ${unserved.length}`} (after you type ${unserved.length === 1 ? 'its name' : 'their count'}).`}
        </Hanging>
      ) : null}
      <Hanging prefix="" tone="muted">
        {served.length === 0
          ? 'Deleting could stop HTTPS where it could not be checked.'
          : served.length === 1
            ? `Deleting ${one ? 'it' : served[0]!.row.name} would stop HTTPS there. R rotates it instead: another certificate goes in its place on each of these, then it is retired.`
            : 'Deleting them would stop HTTPS there. Rotate each first (R on it in the list), then delete.'}
      </Hanging>
    </Box>
  );
}
