import type { IamClients } from '../iam/client.js';
import type { ServerCertificateRow } from '../iam/server-certificate-list.js';
import { getServerCertificate } from '../iam/server-certificates.js';
import { mapLimited } from '../map-limited.js';
import type { BodyFacts } from './names.js';

/** Each certificate's body, a few at a time (one GetServerCertificate each), keyed by ARN. */
export async function bodyFacts(clients: IamClients, certificates: ServerCertificateRow[], options: { concurrency?: number; signal?: AbortSignal } = {}): Promise<Map<string, BodyFacts>> {
  const facts = await mapLimited(certificates, options.concurrency ?? 8, async (row) => {
    const details = await getServerCertificate(clients, row.name, { signal: options.signal });
    const dns = (details.certificate?.sans ?? []).filter((name) => name.startsWith('DNS:')).map((name) => name.slice(4).toLowerCase());
    const commonName = /(?:^|,\s*)CN=([^,]+)/.exec(details.certificate?.subject ?? '')?.[1]?.toLowerCase();
    return [row.arn, { sha256: details.certificate?.sha256, names: dns.length > 0 ? dns : commonName ? [commonName] : [] }] as const;
  });
  return new Map(facts);
}
