import { join } from 'node:path';
import type { FileToWrite } from '../files/safe-write.js';
import type { ServerCertificateDetails, ServerCertificateRow } from './server-certificates.js';

/** Soonest expiry first, rows without an expiry last, then by name: the inventory's default order. */
export function byExpiry(a: ServerCertificateRow, b: ServerCertificateRow): number {
  return (a.expiration ?? '\uffff').localeCompare(b.expiration ?? '\uffff') || a.name.localeCompare(b.name);
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** NAME.pem and, when there is a chain, NAME-chain.pem: what exporting a server certificate writes. */
export function exportFiles(details: Pick<ServerCertificateDetails, 'name' | 'body' | 'chain'>, folder: string): FileToWrite[] {
  return [
    { path: join(folder, `${details.name}.pem`), data: withNewline(details.body) },
    ...(details.chain ? [{ path: join(folder, `${details.name}-chain.pem`), data: withNewline(details.chain) }] : []),
  ];
}
