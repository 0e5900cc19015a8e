import {
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  type GetDistributionConfigCommandOutput,
  type ListDistributionsCommandOutput,
  type ViewerCertificate,
} from '@aws-sdk/client-cloudfront';
import { allPages } from '../iam/pages.js';
import type { Consumer } from './consumers.js';
import { callService, type ServingClients } from './serving-clients.js';

/**
 * CloudFront distributions that serve an IAM or ACM certificate. `IAMCertificateId` holds an IAM certificate's
 * ServerCertificateId, not its name or ARN; `ACMCertificateArn` an ACM certificate's ARN. A listing without
 * ViewerCertificate is asked again per distribution.
 */
export async function cloudFrontConsumers(clients: ServingClients, signal?: AbortSignal): Promise<Consumer[]> {
  const client = await clients.cloudfront();
  const call = <Output>(command: { constructor: { name: string } }) =>
    callService<Output>(client, command, { service: 'cloudfront', clients, signal });
  const distributions = await allPages(async (Marker) => {
    const list = (await call<ListDistributionsCommandOutput>(new ListDistributionsCommand({ Marker, MaxItems: 100 })))
      .DistributionList;
    return { items: list?.Items ?? [], marker: list?.IsTruncated ? list.NextMarker : undefined };
  });
  const found: Consumer[] = [];
  for (const summary of distributions) {
    let viewer: ViewerCertificate | undefined = summary.ViewerCertificate;
    let domains = summary.Aliases?.Items ?? [];
    if (!viewer) {
      const config = await call<GetDistributionConfigCommandOutput>(
        new GetDistributionConfigCommand({ Id: summary.Id }),
      );
      viewer = config.DistributionConfig?.ViewerCertificate;
      domains = config.DistributionConfig?.Aliases?.Items ?? domains;
    }
    const certificate = viewer?.IAMCertificateId
      ? { id: viewer.IAMCertificateId }
      : viewer?.ACMCertificateArn
        ? { arn: viewer.ACMCertificateArn }
        : undefined;
    if (!certificate) continue;
    found.push({ kind: 'CloudFront', name: summary.Id ?? '?', arn: summary.ARN, domains, certificate });
  }
  return found;
}
