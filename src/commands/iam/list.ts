import { listServerCertificates, type ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import { byExpiry } from '../../core/iam/server-certificate-rows.js';
import { describeExpiry } from '../../core/time/expiry.js';
import { printJson, type Output } from '../output.js';
import { EXIT } from '../../core/lifecycle.js';
import { connect, type ConnectionFlags } from './connect.js';
import { formatTable } from './table.js';

function expiresCell(row: ServerCertificateRow, now: Date): string {
  if (!row.expiration) return '?';
  return `${row.expiration.slice(0, 10)} (${describeExpiry(new Date(row.expiration), now).replace(/^expires /, '')})`;
}

export async function runList(
  flags: ConnectionFlags & { pathPrefix?: string; json?: boolean },
  output: Output,
  now = new Date(),
): Promise<number> {
  const clients = await connect(flags, output);
  const rows = (await listServerCertificates(clients, { pathPrefix: flags.pathPrefix, now })).sort(byExpiry);
  if (flags.json) {
    printJson(output, rows);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    output.out(
      `No server certificates${flags.pathPrefix ? ` under ${flags.pathPrefix}` : ''}. Upload one with: iamcert upload --name NAME --cert C --key K`,
    );
    return EXIT.ok;
  }
  output.out(
    formatTable(
      ['NAME', 'PATH', 'EXPIRES', 'UPLOADED', 'ID'],
      rows.map((row) => [row.name, row.path, expiresCell(row, now), row.uploadDate?.slice(0, 10) ?? '', row.id]),
    ),
  );
  const expired = rows.filter((row) => row.expiryState === 'expired').length;
  const soon = rows.filter((row) => row.expiryState === '≤30 days').length;
  output.out(
    `${rows.length} certificate${rows.length === 1 ? '' : 's'}; ${expired} expired, ${soon} expiring within 30 days.`,
  );
  return EXIT.ok;
}
