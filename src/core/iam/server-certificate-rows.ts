import { join } from 'node:path';
import type { FileToWrite } from '../files/safe-write.js';
import type { ServerCertificateRow } from './server-certificate-list.js';
import type { ServerCertificateDetails } from './server-certificates.js';
import { fileNamePart } from '../files/name-part.js';

// Made at the first sort, not on load: building a collator costs the app's first frame about 7 ms.
let collator: Intl.Collator | undefined;
const byName = (a: string, b: string) => (collator ??= new Intl.Collator('en')).compare(a, b);

/** Soonest expiry first, rows without an expiry last, then by name: the inventory's default order. */
export function byExpiry(a: ServerCertificateRow, b: ServerCertificateRow): number {
  const left = a.expiration ?? '\uffff';
  const right = b.expiration ?? '\uffff';
  // ISO timestamps order as plain strings; one shared collator for names (localeCompare makes one per call).
  return left < right ? -1 : left > right ? 1 : byName(a.name, b.name);
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** NAME.pem and, when there is a chain, NAME-chain.pem: what exporting a server certificate writes. */
export function exportFiles(
  details: Pick<ServerCertificateDetails, 'name' | 'body' | 'chain'>,
  folder: string,
): FileToWrite[] {
  const name = fileNamePart(details.name, 'certificate name');
  return [
    { path: join(folder, `${name}.pem`), data: withNewline(details.body) },
    ...(details.chain ? [{ path: join(folder, `${name}-chain.pem`), data: withNewline(details.chain) }] : []),
  ];
}
