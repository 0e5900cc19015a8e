import { isNoSuchEntity } from '../iam/call.js';
import type { IamClients } from '../iam/client.js';
import type { ServerCertificateRow } from '../iam/server-certificate-list.js';
import { getServerCertificate } from '../iam/server-certificates.js';
import { mapLimited } from '../map-limited.js';
import { shareSignal } from '../shared-signal.js';
import { certificateNames, type BodyFacts } from './names.js';

/**
 * Each certificate's body, a few at a time (one GetServerCertificate each), keyed by ARN; `gone` names those deleted
 * between the listing and their body, so the rest is still reported.
 */
export async function bodyFacts(
  clients: IamClients,
  certificates: ServerCertificateRow[],
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<{ bodies: Map<string, BodyFacts>; gone: string[] }> {
  const concurrency = options.concurrency ?? 8;
  shareSignal(options.signal, concurrency);
  const gone: string[] = [];
  const facts = await mapLimited(certificates, concurrency, async (row) => {
    try {
      const details = await getServerCertificate(clients, row.name, { signal: options.signal });
      return [
        [row.arn, { sha256: details.certificate?.sha256, names: certificateNames(details.certificate) }] as const,
      ];
    } catch (error) {
      if (!isNoSuchEntity(error)) throw error;
      gone.push(row.name);
      return [];
    }
  });
  return { bodies: new Map(facts.flat()), gone };
}
