import { fail, worded } from '../errors.js';
import type { IamClients } from '../iam/client.js';
import type { ServerCertificateRow } from '../iam/server-certificate-list.js';
import { deleteServerCertificate, getServerCertificate } from '../iam/server-certificates.js';
import type { Consumer, ScanNote } from './consumers.js';
import type { ServingClients } from './serving-clients.js';
import { scanConsumers } from './scan.js';
import { describeConsumer, notLookedAt, serves, usedBySummary } from './usage-map.js';
import { capped } from '../text/capped.js';

export interface ServedBy {
  consumers: Consumer[];
  /** Where it could not be looked: what is served there is unknown. */
  notes: ScanNote[];
}

/** Who serves these certificates, from one scan. */
export async function servedBy(
  clients: ServingClients,
  certificates: Array<Pick<ServerCertificateRow, 'arn' | 'id'>>,
  options: { regions?: string[]; signal?: AbortSignal } = {},
): Promise<ServedBy> {
  const scan = await scanConsumers(clients, options);
  return {
    consumers: scan.consumers.filter((consumer) => certificates.some((certificate) => serves(consumer, certificate))),
    notes: scan.notes,
  };
}

/**
 * Before a delete: a certificate that is served is refused with who serves it; one that could not be
 * checked everywhere is refused too, saying where, since deleting it could take HTTPS down there.
 */
export function refuseDeleteIfServed(name: string, found: ServedBy): void {
  if (found.consumers.length > 0) {
    const { shown: listed, rest } = capped(found.consumers, 5);
    const shown = listed.map(describeConsumer).join('; ');
    const more = rest.length > 0 ? `; and ${rest.length} more (${usedBySummary(rest)})` : '';
    fail(
      'CERTIFICATE_IN_USE',
      `"${name}" is served by ${shown}${more}; deleting it would stop HTTPS there.`,
      worded(
        `Put another certificate in its place on each of these first (iamcert usage ${name} lists them), then delete it.`,
        'Rotate it first (R): another certificate goes in its place on each of these; then it is retired.',
      ),
    );
  }
  if (found.notes.length > 0) {
    fail(
      'USAGE_UNKNOWN',
      `Could not check what serves "${name}": ${notLookedAt(found.notes)}.`,
      worded(
        `Grant the permission named by iamcert usage ${name}, or give --regions with only the regions you use.`,
        'Grant the permission named in the details (enter), then try again.',
      ),
    );
  }
}

/**
 * Fails unless nothing is seen serving the certificate now, in every region and CloudFront; a name IAM does not
 * have is said first.
 */
export async function refuseIfServedNow(
  iam: IamClients,
  serving: ServingClients,
  name: string,
  options: { regions?: string[]; signal?: AbortSignal } = {},
): Promise<void> {
  const details = await getServerCertificate(iam, name, { signal: options.signal });
  refuseDeleteIfServed(name, await servedBy(serving, [details], options));
}

/**
 * Deletes a server certificate only on facts read now: who serves it is looked up immediately before the delete,
 * so a listener attached while a confirmation was open still stops it. Both front ends delete through here.
 */
export async function deleteIfUnserved(
  iam: IamClients,
  serving: ServingClients,
  name: string,
  options: { regions?: string[]; signal?: AbortSignal } = {},
): Promise<void> {
  await refuseIfServedNow(iam, serving, name, options);
  await deleteServerCertificate(iam, name, options.signal);
}
