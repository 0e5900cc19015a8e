import { GetCertificateCommand, type GetCertificateCommandOutput } from '@aws-sdk/client-acm';
import { callService, type ServingClients } from '../usage/serving-clients.js';

/** An ACM certificate's body and chain (PEM), from ACM itself; the key never leaves ACM this way. */
export async function getAcmCertificate(
  clients: ServingClients,
  arn: string,
  region: string,
  signal?: AbortSignal,
): Promise<{ body: string; chain?: string }> {
  const answer = await callService<GetCertificateCommandOutput>(
    await clients.acm(region),
    new GetCertificateCommand({ CertificateArn: arn }),
    { service: 'acm', clients, signal },
  );
  return { body: answer.Certificate!, ...(answer.CertificateChain ? { chain: answer.CertificateChain } : {}) };
}
