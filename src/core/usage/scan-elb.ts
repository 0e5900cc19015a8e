import { DescribeLoadBalancersCommand, type DescribeLoadBalancersCommandOutput } from '@aws-sdk/client-elastic-load-balancing';
import type { Consumer } from './consumers.js';
import { callService, type ServingClients } from './serving-clients.js';

/** Classic load balancers in one region: each HTTPS/SSL listener's certificate ARN, with its port. */
export async function classicConsumers(clients: ServingClients, region: string, signal?: AbortSignal): Promise<Consumer[]> {
  const client = await clients.elb(region);
  const found: Consumer[] = [];
  let marker: string | undefined;
  do {
    const page = await callService<DescribeLoadBalancersCommandOutput>(client, new DescribeLoadBalancersCommand({ Marker: marker, PageSize: 400 }), { service: 'elasticloadbalancing', clients, signal });
    for (const balancer of page.LoadBalancerDescriptions ?? []) {
      for (const { Listener: listener } of balancer.ListenerDescriptions ?? []) {
        if (!listener?.SSLCertificateId) continue;
        found.push({ kind: 'ELB', region, name: balancer.LoadBalancerName ?? '?', listener: `${listener.Protocol}:${listener.LoadBalancerPort}`, certificate: { arn: listener.SSLCertificateId } });
      }
    }
    marker = page.NextMarker;
  } while (marker);
  return found;
}
