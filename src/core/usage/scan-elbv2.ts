import {
  DescribeListenerCertificatesCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  type DescribeListenerCertificatesCommandOutput,
  type DescribeListenersCommandOutput,
  type DescribeLoadBalancersCommandOutput,
  type Certificate,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { allPages } from '../iam/pages.js';
import type { Consumer } from './consumers.js';
import { callService, type ServingClients } from './serving-clients.js';

const SECURE = new Set(['HTTPS', 'TLS']);

/** A listener's certificates, the default one (IsDefault) and each SNI one, every page. */
export async function listenerCertificates(
  client: unknown,
  clients: ServingClients,
  listenerArn: string,
  signal?: AbortSignal,
): Promise<Certificate[]> {
  return allPages(async (Marker) => {
    const page = await callService<DescribeListenerCertificatesCommandOutput>(
      client,
      new DescribeListenerCertificatesCommand({ ListenerArn: listenerArn, Marker, PageSize: 400 }),
      { service: 'elasticloadbalancing', clients, signal },
    );
    return { items: page.Certificates ?? [], marker: page.NextMarker };
  });
}

/** ALBs and NLBs in one region: every HTTPS/TLS listener's certificates, the default one and each SNI one. */
export async function elbv2Consumers(
  clients: ServingClients,
  region: string,
  signal?: AbortSignal,
): Promise<Consumer[]> {
  const client = await clients.elbv2(region);
  const call = <Output>(command: { constructor: { name: string } }) =>
    callService<Output>(client, command, { service: 'elasticloadbalancing', clients, signal });
  const balancers = await allPages<LoadBalancer>(async (Marker) => {
    const page = await call<DescribeLoadBalancersCommandOutput>(
      new DescribeLoadBalancersCommand({ Marker, PageSize: 400 }),
    );
    return { items: page.LoadBalancers ?? [], marker: page.NextMarker };
  });
  const found: Consumer[] = [];
  for (const balancer of balancers) {
    const kind = balancer.Type === 'network' ? 'NLB' : 'ALB';
    const listeners = await allPages(async (Marker) => {
      const page = await call<DescribeListenersCommandOutput>(
        new DescribeListenersCommand({ LoadBalancerArn: balancer.LoadBalancerArn, Marker, PageSize: 400 }),
      );
      return { items: page.Listeners ?? [], marker: page.NextMarker };
    });
    for (const listener of listeners.filter((entry) => SECURE.has(entry.Protocol ?? ''))) {
      const certificates = await listenerCertificates(client, clients, listener.ListenerArn!, signal);
      // DescribeListeners names only the default certificate; DescribeListenerCertificates lists the SNI ones
      // (and the default, where the service includes it). Only the first is ever taken as the default.
      const listedDefault = certificates.some((entry) => entry.IsDefault === true);
      const fallbackDefault = listedDefault ? [] : (listener.Certificates ?? []).slice(0, 1);
      const all = [
        ...fallbackDefault.map((entry) => ({ ...entry, IsDefault: true })),
        ...certificates.filter(
          (entry) => entry.IsDefault === true || entry.CertificateArn !== fallbackDefault[0]?.CertificateArn,
        ),
      ];
      for (const certificate of all) {
        if (!certificate.CertificateArn) continue;
        found.push({
          kind,
          region,
          name: balancer.LoadBalancerName ?? '?',
          arn: balancer.LoadBalancerArn,
          listener: `${listener.Protocol}:${listener.Port}`,
          port: listener.Port,
          listenerArn: listener.ListenerArn,
          role: certificate.IsDefault ? 'default' : 'sni',
          certificate: { arn: certificate.CertificateArn },
        });
      }
    }
  }
  return found;
}
