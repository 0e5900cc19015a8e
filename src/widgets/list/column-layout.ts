import { sanitise } from '../../core/text/sanitise.js';
import type { Tone } from '../../ui/theme.js';

/**
 * A column as data: what it shows, the fewest characters it is useful in, and how much it matters when the terminal is
 * narrow. The layout gives each the room its widest cell needs, in order of priority, so no column is cut while another
 * has room to spare.
 */
export interface Column<Row> {
  title: string;
  cell(row: Row): string;
  tone?(row: Row): Tone | undefined;
  /** The fewest characters it is drawn in; where even that does not fit, the column is left out. */
  min: number;
  /**
   * Lower keeps it longer. 0: what tells rows apart (the name), never left out. 1–2: shown wherever it fits at its
   * minimum. 3 and up: extras, shown only where no more important column is cut for them.
   */
  priority: number;
  /** A shorter form of the cell, used whole where the full one does not fit (USED BY: "2E 6A CF"). */
  narrow?(row: Row): string;
  /** Where a cell that still does not fit is cut: at the end, or in the middle, keeping a name's telling end. */
  cut?: 'end' | 'middle';
  /** Shown only uncut (an ID or a digest cut short tells nothing). */
  whole?: boolean;
  /** The name of the list's sort that orders by this column: marked in the title, and kept while it is the order. */
  sort?: string;
}

export interface PlacedColumn<Row> {
  column: Column<Row>;
  width: number;
}

/** The cells this column would show: no column is given more room than its widest cell (or title) takes. */
function need<Row>(column: Column<Row>, rows: Row[], title: string): number {
  let widest = title.length;
  for (const row of rows) widest = Math.max(widest, sanitise(column.cell(row)).length);
  return widest;
}

/** From this priority on, a column is an extra: it goes before a more important column is cut. */
const EXTRA = 3;

/**
 * Widths for the columns in `width` characters (one space between columns): the columns that fit at their minimum, in
 * order of priority; then each, most important first, grows to what its cells need. While a column is still cut and an
 * extra is shown, the least important extra goes, so a cut is never the price of an extra column. A `whole`
 * column is shown only where it fits uncut. `sortedBy` keeps the column the rows are ordered by, whatever its priority.
 */
export function layoutColumns<Row>(
  columns: Array<Column<Row>>,
  rows: Row[],
  width: number,
  titles: (column: Column<Row>) => string = (column) => column.title,
  sortedBy?: string,
): Array<PlacedColumn<Row>> {
  const rank = (column: Column<Row>) => (column.sort !== undefined && column.sort === sortedBy ? 0 : column.priority);
  const byPriority = [...columns].sort((a, b) => rank(a) - rank(b));
  const needs = new Map(columns.map((column) => [column, need(column, rows, titles(column))]));
  const smallest = (column: Column<Row>) =>
    column.whole ? needs.get(column)! : Math.min(column.min, needs.get(column)!);
  let candidates = byPriority;
  for (;;) {
    const widths = place(candidates, width, rank, smallest, (column) => needs.get(column)!);
    const kept = candidates.filter((column) => widths.has(column));
    const cut = kept.findIndex((column) => widths.get(column)! < needs.get(column)!);
    const lastKept = kept.at(-1);
    if (cut < 0 || !lastKept || cut === kept.length - 1 || rank(lastKept) < EXTRA) {
      return columns.filter((column) => widths.has(column)).map((column) => ({ column, width: widths.get(column)! }));
    }
    candidates = candidates.filter((column) => column !== lastKept);
  }
}

/** One try: the columns that fit at their smallest, most important first, then each grown towards its need. */
function place<Row>(
  byPriority: Array<Column<Row>>,
  width: number,
  rank: (column: Column<Row>) => number,
  smallest: (column: Column<Row>) => number,
  needOf: (column: Column<Row>) => number,
): Map<Column<Row>, number> {
  const widths = new Map<Column<Row>, number>();
  let used = -1;
  for (const column of byPriority) {
    const cost = smallest(column) + 1;
    if (rank(column) === 0 || used + cost <= width) {
      widths.set(column, smallest(column));
      used += cost;
    }
  }
  let left = width - used;
  for (const column of byPriority.filter((each) => widths.has(each))) {
    const more = Math.max(0, Math.min(left, needOf(column) - widths.get(column)!));
    widths.set(column, widths.get(column)! + more);
    left -= more;
  }
  // What no cell needs goes to the column that matters most (the name), so the rows fill the line.
  const first = byPriority.find((column) => widths.has(column));
  if (first && left > 0) widths.set(first, widths.get(first)! + left);
  return widths;
}

/** Cut to the width: "www-example-…" at the end, or "www-ex…-2026" in the middle. */
export function cutTo(text: string, width: number, where: 'end' | 'middle' = 'end'): string {
  if (text.length <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  if (where === 'end') return `${text.slice(0, width - 1)}…`;
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`;
}

/** The cell as drawn: sanitised before it is measured, the narrow form where the full one does not fit, then cut. */
export function fitCell<Row>(column: Column<Row>, row: Row, width: number): string {
  const full = sanitise(column.cell(row));
  if (full.length <= width) return full.padEnd(width);
  const narrow = column.narrow ? sanitise(column.narrow(row)) : undefined;
  if (narrow !== undefined && narrow.length <= width) return narrow.padEnd(width);
  return cutTo(narrow ?? full, width, column.cut).padEnd(width);
}
