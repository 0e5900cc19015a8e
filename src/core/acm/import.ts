import { ImportCertificateCommand, type ImportCertificateCommandOutput } from '@aws-sdk/client-acm';
import { certificateItem } from '../crypto/certificate.js';
import { fail, CHECK_THE_WAY_TO_AWS } from '../errors.js';
import { decodePemBlocks } from '../formats/pem.js';
import type { CertificateItem } from '../formats/items.js';
import { callService, type ServingClients } from '../usage/serving-clients.js';
import { getAcmCertificate } from './get.js';
import { listAcmCertificates } from './list.js';

export interface AcmImport {
  certificatePem: string;
  privateKeyPem: string;
  chainPem?: string;
  certificate: CertificateItem;
  region: string;
  /** Re-import over this certificate: every user of the ARN gets the new one, nothing to swap. */
  arn?: string;
}

export interface AcmImportResult {
  arn: string;
  /** The same certificate was in ACM already (imported before, or by a run whose answer was lost): nothing was sent. */
  alreadyThere: boolean;
  reimported: boolean;
}

const LOST_ANSWER = new Set(['TIMEOUT', 'CONNECTION_RESET', 'SERVICE_FAILURE']);

/** The one PEM certificate's DER, from what ACM hands back. */
export function certificateFromPem(pem: string): CertificateItem {
  const block = decodePemBlocks(pem).find((each) => each.label === 'CERTIFICATE');
  if (!block) fail('ANSWER_NOT_FROM_AWS', 'ACM handed back a certificate that is not PEM.', CHECK_THE_WAY_TO_AWS);
  return certificateItem(block.der);
}

/**
 * The certificate in this region whose bytes are these, if any: ACM's summaries carry the domain and expiry, so only
 * those that match both are fetched and compared.
 */
export async function findInAcm(
  clients: ServingClients,
  region: string,
  certificate: CertificateItem,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const rows = await listAcmCertificates(clients, region, { signal });
  const notAfter = Math.floor(certificate.notAfter.getTime() / 1000);
  const candidates = rows.filter(
    (row) => row.notAfter && Math.floor(new Date(row.notAfter).getTime() / 1000) === notAfter,
  );
  for (const row of candidates) {
    const held = await getAcmCertificate(clients, row.arn, region, signal);
    if (certificateFromPem(held.body).sha256 === certificate.sha256) return row.arn;
  }
  return undefined;
}

/**
 * Imports into ACM, or re-imports over an ARN. A new import is sent once, never retried blindly (a lost answer
 * retried makes a second certificate, as amazon.aws #1567 did): the region is searched for this certificate first,
 * and again after a lost answer.
 */
export async function importToAcm(
  clients: ServingClients,
  request: AcmImport,
  signal?: AbortSignal,
): Promise<AcmImportResult> {
  const command = new ImportCertificateCommand({
    Certificate: Buffer.from(request.certificatePem),
    PrivateKey: Buffer.from(request.privateKeyPem),
    ...(request.chainPem ? { CertificateChain: Buffer.from(request.chainPem) } : {}),
    ...(request.arn ? { CertificateArn: request.arn } : {}),
  });
  const context = { service: 'acm', clients, signal };
  if (request.arn) {
    // Re-importing the same bytes twice changes nothing: the SDK's retries are safe here.
    const answer = await callService<ImportCertificateCommandOutput>(
      await clients.acm(request.region),
      command,
      context,
    );
    return { arn: answer.CertificateArn ?? request.arn, alreadyThere: false, reimported: true };
  }
  const before = await findInAcm(clients, request.region, request.certificate, signal);
  if (before) return { arn: before, alreadyThere: true, reimported: false };
  try {
    const answer = await callService<ImportCertificateCommandOutput>(
      await clients.acmWithoutRetries(request.region),
      command,
      context,
    );
    return { arn: answer.CertificateArn!, alreadyThere: false, reimported: false };
  } catch (error) {
    if (!LOST_ANSWER.has((error as { code?: string }).code ?? '')) throw error;
    const after = await findInAcm(clients, request.region, request.certificate, signal);
    if (after) return { arn: after, alreadyThere: false, reimported: false };
    throw error;
  }
}
