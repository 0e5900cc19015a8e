import { GetDistributionConfigCommand, ListDistributionsCommand, type GetDistributionConfigCommandOutput, type ListDistributionsCommandOutput, type ViewerCertificate } from '@aws-sdk/client-cloudfront';
import type { Consumer } from './consumers.js';
import { callService, type ServingClients } from './serving-clients.js';

/**
 * CloudFront distributions that serve an IAM certificate. `IAMCertificateId` holds the certificate's
 * ServerCertificateId, not its name or ARN. A listing without ViewerCertificate is asked again per distribution.
 */
export async function cloudFrontConsumers(clients: ServingClients, signal?: AbortSignal): Promise<Consumer[]> {
  const client = await clients.cloudfront();
  const call = <Output>(command: { constructor: { name: string } }) => callService<Output>(client, command, { service: 'cloudfront', clients, signal });
  const found: Consumer[] = [];
  let marker: string | undefined;
  do {
    const page = await call<ListDistributionsCommandOutput>(new ListDistributionsCommand({ Marker: marker, MaxItems: 100 }));
    const list = page.DistributionList;
    for (const summary of list?.Items ?? []) {
      let viewer: ViewerCertificate | undefined = summary.ViewerCertificate;
      let domains = summary.Aliases?.Items ?? [];
      if (!viewer) {
        const config = await call<GetDistributionConfigCommandOutput>(new GetDistributionConfigCommand({ Id: summary.Id }));
        viewer = config.DistributionConfig?.ViewerCertificate;
        domains = config.DistributionConfig?.Aliases?.Items ?? domains;
      }
      if (!viewer?.IAMCertificateId) continue;
      found.push({ kind: 'CloudFront', name: summary.Id ?? '?', arn: summary.ARN, domains, certificate: { id: viewer.IAMCertificateId } });
    }
    marker = list?.IsTruncated ? list.NextMarker : undefined;
  } while (marker);
  return found;
}
