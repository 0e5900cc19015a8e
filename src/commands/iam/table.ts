import { sanitise } from '../../core/text/sanitise.js';

/** Plain aligned columns, like `aws --output table` without the boxes. */
export function formatTable(headers: string[], unsafeRows: string[][]): string {
  const rows = unsafeRows.map((row) => row.map(sanitise));
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
