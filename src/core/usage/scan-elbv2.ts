import {
  DescribeListenerCertificatesCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  type DescribeListenerCertificatesCommandOutput,
  type DescribeListenersCommandOutput,
  type DescribeLoadBalancersCommandOutput,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Consumer } from './consumers.js';
import { callService, type ServingClients } from './serving-clients.js';

const SECURE = new Set(['HTTPS', 'TLS']);

/** Follows ELBv2's Marker/NextMarker to the last page. */
async function pages<T>(fetch: (marker: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    all.push(...page.items);
    marker = page.next;
  } while (marker);
  return all;
}

/** ALBs and NLBs in one region: every HTTPS/TLS listener's certificates, the default one and each SNI one. */
export async function elbv2Consumers(clients: ServingClients, region: string, signal?: AbortSignal): Promise<Consumer[]> {
  const client = await clients.elbv2(region);
  const call = <Output>(command: { constructor: { name: string } }) => callService<Output>(client, command, { service: 'elasticloadbalancing', clients, signal });
  const balancers = await pages<LoadBalancer>(async (Marker) => {
    const page = await call<DescribeLoadBalancersCommandOutput>(new DescribeLoadBalancersCommand({ Marker, PageSize: 400 }));
    return { items: page.LoadBalancers ?? [], next: page.NextMarker };
  });
  const found: Consumer[] = [];
  for (const balancer of balancers) {
    const kind = balancer.Type === 'network' ? 'NLB' : 'ALB';
    const listeners = await pages(async (Marker) => {
      const page = await call<DescribeListenersCommandOutput>(new DescribeListenersCommand({ LoadBalancerArn: balancer.LoadBalancerArn, Marker, PageSize: 400 }));
      return { items: page.Listeners ?? [], next: page.NextMarker };
    });
    for (const listener of listeners.filter((entry) => SECURE.has(entry.Protocol ?? ''))) {
      const certificates = await pages(async (Marker) => {
        const page = await call<DescribeListenerCertificatesCommandOutput>(new DescribeListenerCertificatesCommand({ ListenerArn: listener.ListenerArn, Marker, PageSize: 400 }));
        return { items: page.Certificates ?? [], next: page.NextMarker };
      });
      // A listener's default certificate is also in its Certificates; listings that leave it out still name it.
      const all = certificates.length > 0 ? certificates : (listener.Certificates ?? []).map((entry) => ({ ...entry, IsDefault: true }));
      for (const certificate of all) {
        if (!certificate.CertificateArn) continue;
        found.push({
          kind,
          region,
          name: balancer.LoadBalancerName ?? '?',
          arn: balancer.LoadBalancerArn,
          listener: `${listener.Protocol}:${listener.Port}`,
          listenerArn: listener.ListenerArn,
          role: certificate.IsDefault ? 'default' : 'sni',
          certificate: { arn: certificate.CertificateArn },
        });
      }
    }
  }
  return found;
}
