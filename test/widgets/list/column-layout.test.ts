import { describe, expect, it } from 'vitest';
import { cutTo, fitCell, layoutColumns, type Column } from '../../../src/widgets/list/column-layout.js';

interface Row {
  name: string;
  kind: string;
  id: string;
}

const rows: Row[] = [
  { name: 'www-example-2026', kind: '2 ELB, 6 ALB, CF', id: 'ASCAAAAAAAAAAAAAAAAA' },
  { name: 'www-example-2028', kind: '—', id: 'ASCABBBBBBBBBBBBBBBB' },
];

const columns: Array<Column<Row>> = [
  { title: 'NAME', min: 12, priority: 0, cut: 'middle', cell: (row) => row.name },
  {
    title: 'USED BY',
    min: 8,
    priority: 1,
    cell: (row) => row.kind,
    narrow: (row) => (row.kind === '—' ? '—' : '2E 6A CF'),
  },
  { title: 'ID', min: 10, priority: 2, whole: true, cell: (row) => row.id },
];

const widths = (width: number, sortedBy?: string) =>
  Object.fromEntries(
    layoutColumns(columns, rows, width, undefined, sortedBy).map(({ column, width: given }) => [column.title, given]),
  );

describe('the column layout', () => {
  it('gives each column what its cells need, most important first, and the rest to the name', () => {
    expect(widths(80)).toEqual({ NAME: 80 - 2 - 16 - 20, 'USED BY': 16, ID: 20 });
  });

  it('leaves out a column that would only fit cut, before it cuts a more important one', () => {
    // 40: NAME 16 and USED BY 16 whole leave 6, too few for the ID whole: it goes, USED BY keeps every kind.
    expect(widths(40)).toEqual({ NAME: 23, 'USED BY': 16 });
    expect(widths(24)).toEqual({ NAME: 15, 'USED BY': 8 });
  });

  it('never leaves out the name, however narrow', () => {
    expect(widths(10)).toEqual({ NAME: 12 });
  });

  it('keeps the column the rows are sorted by', () => {
    const sorted: Array<Column<Row>> = columns.map((column) =>
      column.title === 'ID' ? { ...column, sort: 'id' } : column,
    );
    const placed = layoutColumns(sorted, rows, 34, undefined, 'id').map(({ column }) => column.title);
    expect(placed).toContain('ID');
  });

  it('cuts a name in the middle so its telling end stays, and uses the narrow form where the full one does not fit', () => {
    expect(cutTo('www-example-2026', 12, 'middle')).toBe('www-ex…-2026');
    expect(cutTo('www-example-2028', 12, 'middle')).not.toBe(cutTo('www-example-2026', 12, 'middle'));
    expect(cutTo('www-example-2026', 12)).toBe('www-example…');
    expect(fitCell(columns[1]!, rows[0]!, 8)).toBe('2E 6A CF');
    expect(fitCell(columns[1]!, rows[0]!, 16)).toBe('2 ELB, 6 ALB, CF');
    // A control character is escaped before it is measured: the cell takes the room it is drawn in.
    expect(fitCell(columns[0]!, { ...rows[0]!, name: 'a\u001b[31mb' }, 12)).toHaveLength(12);
  });
});
