import type { Consumer } from '../usage/consumers.js';

/** The API calls that move this consumer, for the plan (no SDK here: the plan view loads none). */
export function swapCalls(consumer: Consumer): string {
  if (consumer.kind === 'ELB') return 'SetLoadBalancerListenerSSLCertificate';
  if (consumer.kind === 'CloudFront') return 'GetDistributionConfig, UpdateDistribution';
  return consumer.role === 'sni' ? 'AddListenerCertificates, RemoveListenerCertificates' : 'ModifyListener';
}
