import {
  DescribeLoadBalancersCommand,
  type DescribeLoadBalancersCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing';
import { allPages } from '../iam/pages.js';
import type { Consumer } from './consumers.js';
import { callService, type ServingClients } from './serving-clients.js';

/** Classic load balancers in one region: each HTTPS/SSL listener's certificate ARN, with its port. */
export async function classicConsumers(
  clients: ServingClients,
  region: string,
  signal?: AbortSignal,
): Promise<Consumer[]> {
  const client = await clients.elb(region);
  const balancers = await allPages(async (Marker) => {
    const page = await callService<DescribeLoadBalancersCommandOutput>(
      client,
      new DescribeLoadBalancersCommand({ Marker, PageSize: 400 }),
      { service: 'elasticloadbalancing', clients, signal },
    );
    return { items: page.LoadBalancerDescriptions ?? [], marker: page.NextMarker };
  });
  return balancers.flatMap((balancer) =>
    (balancer.ListenerDescriptions ?? []).flatMap(({ Listener: listener }): Consumer[] =>
      listener?.SSLCertificateId
        ? [
            {
              kind: 'ELB',
              region,
              name: balancer.LoadBalancerName ?? '?',
              listener: `${listener.Protocol}:${listener.LoadBalancerPort}`,
              port: listener.LoadBalancerPort,
              certificate: { arn: listener.SSLCertificateId },
            },
          ]
        : [],
    ),
  );
}
