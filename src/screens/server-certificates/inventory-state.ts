import { byExpiry } from '../../core/iam/server-certificate-rows.js';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import type { ListShape } from '../../widgets/list/list-state.js';
import { rowText, storeCell, type InventoryRow } from './inventory-rows.js';
import type { ServedBy } from '../../core/usage/served-by.js';
import type { Consumer } from '../../core/usage/consumers.js';
import { serves } from '../../core/usage/usage-map.js';
import { capped } from '../../core/text/capped.js';

const byText =
  (pick: (row: ServerCertificateRow) => string | undefined) => (a: ServerCertificateRow, b: ServerCertificateRow) =>
    (pick(a) ?? '').localeCompare(pick(b) ?? '') || a.name.localeCompare(b.name);

/**
 * The inventory as a list: filtered on what each row shows; expiry first, soonest on top. A row is its ARN: the
 * highlight and the marks stay on the same certificate whatever comes, goes or moves.
 */
export const INVENTORY_SHAPE: ListShape<InventoryRow> = {
  key: (row) => row.arn,
  text: rowText,
  sorts: [
    { name: 'expiry', compare: byExpiry },
    { name: 'name', compare: byText((row) => row.name) },
    {
      name: 'uploaded',
      compare: (a, b) => (b.uploadDate ?? '').localeCompare(a.uploadDate ?? '') || a.name.localeCompare(b.name),
    },
    { name: 'store', compare: byText((row) => storeCell(row as InventoryRow)) },
  ],
};

/** What has the keyboard on top of the list: nothing, or one of the forms and confirmations. */
export type InventoryModal =
  | { kind: 'none' }
  | { kind: 'checking'; rows: ServerCertificateRow[] }
  /** Served somewhere, or not checked everywhere: not deleted, and said why. */
  | { kind: 'served'; rows: ServerCertificateRow[]; found: ServedBy }
  | { kind: 'delete'; rows: ServerCertificateRow[] }
  | { kind: 'rename'; row: ServerCertificateRow; field: 0 | 1; name: string; path: string }
  | { kind: 'export'; row: ServerCertificateRow; folder: string };

export type InventoryModalAction =
  | { type: 'close' }
  | { type: 'check'; rows: ServerCertificateRow[] }
  | { type: 'checked'; rows: ServerCertificateRow[]; found: ServedBy }
  /** From the refusal of a bulk delete: go on with the marked certificates nothing serves. */
  | { type: 'delete-unserved' }
  | { type: 'rename'; row: ServerCertificateRow }
  | { type: 'rename-field' }
  | { type: 'rename-edit'; name?: string; path?: string }
  | { type: 'export'; row: ServerCertificateRow; folder: string }
  | { type: 'export-edit'; folder: string };

export function inventoryModalReducer(modal: InventoryModal, action: InventoryModalAction): InventoryModal {
  switch (action.type) {
    case 'close':
      return { kind: 'none' };
    case 'check':
      return action.rows.length > 0 ? { kind: 'checking', rows: action.rows } : modal;
    case 'checked':
      // Only the check still open gets its answer: Esc while checking leaves it unanswered.
      if (modal.kind !== 'checking') return modal;
      return action.found.consumers.length > 0 || action.found.notes.length > 0
        ? { kind: 'served', rows: action.rows, found: action.found }
        : { kind: 'delete', rows: action.rows };
    case 'delete-unserved': {
      const unserved = modal.kind === 'served' ? splitByServed(modal.rows, modal.found).unserved : [];
      return unserved.length > 0 ? { kind: 'delete', rows: unserved } : modal;
    }
    case 'rename':
      return { kind: 'rename', row: action.row, field: 0, name: action.row.name, path: action.row.path };
    case 'rename-field':
      return modal.kind === 'rename' ? { ...modal, field: modal.field === 0 ? 1 : 0 } : modal;
    case 'rename-edit':
      return modal.kind === 'rename'
        ? { ...modal, name: action.name ?? modal.name, path: action.path ?? modal.path }
        : modal;
    case 'export':
      return { kind: 'export', row: action.row, folder: action.folder };
    case 'export-edit':
      return modal.kind === 'export' ? { ...modal, folder: action.folder } : modal;
  }
}

/**
 * The certificates of a refused delete, split by what the check found: each served one with who serves it, and those
 * nothing serves. None counts as unserved unless every place was looked at.
 */
export function splitByServed(
  rows: ServerCertificateRow[],
  found: ServedBy,
): { served: Array<{ row: ServerCertificateRow; consumers: Consumer[] }>; unserved: ServerCertificateRow[] } {
  const served = rows
    .map((row) => ({ row, consumers: found.consumers.filter((consumer) => serves(consumer, row)) }))
    .filter((entry) => entry.consumers.length > 0);
  const unserved =
    found.notes.length > 0 ? [] : rows.filter((row) => !served.some((entry) => entry.row.arn === row.arn));
  return { served, unserved };
}

/** What a delete confirmation asks to have typed: the name for one, the count for many. */
export function deleteConfirmation(rows: ServerCertificateRow[]): {
  action: string;
  expected: string;
  details: string[];
} {
  if (rows.length === 1)
    return {
      action: `Delete server certificate "${rows[0]!.name}" (${rows[0]!.path})`,
      expected: rows[0]!.name,
      details: [],
    };
  const { shown, rest } = capped(rows, 5);
  return {
    action: `Delete ${rows.length} server certificates`,
    expected: String(rows.length),
    details: [
      ...shown.map((row) => `${row.name} (${row.path})`),
      ...(rest.length > 0 ? [`and ${rest.length} more`] : []),
    ],
  };
}
