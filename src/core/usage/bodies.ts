import type { IamClients } from '../iam/client.js';
import type { ServerCertificateRow } from '../iam/server-certificate-list.js';
import { getServerCertificate } from '../iam/server-certificates.js';
import { mapLimited } from '../map-limited.js';
import { shareSignal } from '../shared-signal.js';
import { certificateNames, type BodyFacts } from './names.js';

/** Each certificate's body, a few at a time (one GetServerCertificate each), keyed by ARN. */
export async function bodyFacts(
  clients: IamClients,
  certificates: ServerCertificateRow[],
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<Map<string, BodyFacts>> {
  const concurrency = options.concurrency ?? 8;
  shareSignal(options.signal, concurrency);
  const facts = await mapLimited(certificates, concurrency, async (row) => {
    const details = await getServerCertificate(clients, row.name, { signal: options.signal });
    return [row.arn, { sha256: details.certificate?.sha256, names: certificateNames(details.certificate) }] as const;
  });
  return new Map(facts);
}
