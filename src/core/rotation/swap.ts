import {
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
  type GetDistributionConfigCommandOutput,
} from '@aws-sdk/client-cloudfront';
import { SetLoadBalancerListenerSSLCertificateCommand } from '@aws-sdk/client-elastic-load-balancing';
import { ModifyListenerCommand, RemoveListenerCertificatesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { listenerCertificates } from '../usage/scan-elbv2.js';
import { fail, worded } from '../errors.js';
import type { Consumer } from '../usage/consumers.js';
import { callService, type ServingClients } from '../usage/serving-clients.js';
import { describeConsumer } from '../usage/usage-map.js';
import { untilCertificateVisible, type VisibilityWait } from './certificate-visible.js';
import { addToListener } from './listener-certificates.js';
import { clearSniRecord, recordSniList, type JournalPlace, type SniRecord } from './sni-journal.js';

export interface CertificateIds {
  arn: string;
  /** An IAM certificate's ServerCertificateId (CloudFront names it so); none for an ACM certificate. */
  id: string;
  /** ACM, when moving from IAM to ACM: CloudFront then takes ACMCertificateArn instead of IAMCertificateId. */
  store?: 'ACM';
}

export interface SwapOptions {
  signal?: AbortSignal;
  /** Told each time a load balancer does not see the new certificate yet and the call is tried again. */
  onWait?: (wait: VisibilityWait) => void;
  /** How long to keep trying while it does not (seconds). */
  maxWaitSeconds?: number;
  minDelaySeconds?: number;
  /** Where a listener's SNI list is written down before its default is replaced (the rotation's account). */
  journal?: JournalPlace;
}

/**
 * Puts the new certificate where the old one is served, leaving everything else as it was: an SNI
 * swap adds the new one before removing the old, so the listener never lacks it and every other
 * SNI certificate stays. Safe to repeat: each call leaves the same state when run twice.
 */
export async function swapConsumer(
  clients: ServingClients,
  consumer: Consumer,
  from: CertificateIds,
  to: CertificateIds,
  options: SwapOptions = {},
): Promise<void> {
  const { signal } = options;
  const visible = <T>(call: () => Promise<T>) =>
    untilCertificateVisible(call, { ...options, what: describeConsumer(consumer) });
  switch (consumer.kind) {
    case 'ELB': {
      const client = await clients.elb(consumer.region!);
      if (consumer.port === undefined)
        fail(
          'LISTENER_UNKNOWN',
          `The listener of ${describeConsumer(consumer)} has no port.`,
          worded('Run iamcert usage again and retry.', 'Press r to look again and retry.'),
        );
      await visible(() =>
        callService(
          client,
          new SetLoadBalancerListenerSSLCertificateCommand({
            LoadBalancerName: consumer.name,
            LoadBalancerPort: consumer.port,
            SSLCertificateId: to.arn,
          }),
          { service: 'elasticloadbalancing', clients, signal },
        ),
      );
      return;
    }
    case 'ALB':
    case 'NLB': {
      const region = consumer.region!;
      const listenerArn = consumer.listenerArn!;
      const client = await clients.elbv2(region);
      const call = (command: { constructor: { name: string } }) =>
        callService(client, command, { service: 'elasticloadbalancing', clients, signal });
      const add = (arns: string[]) =>
        addToListener(clients, region, listenerArn, arns, { ...options, what: describeConsumer(consumer) });
      if (consumer.role === 'sni') {
        // Added once only: a run stopped between adding and removing finds it there already.
        await add([to.arn]);
        await call(
          new RemoveListenerCertificatesCommand({
            ListenerArn: listenerArn,
            Certificates: [{ CertificateArn: from.arn }],
          }),
        );
        return;
      }
      const before = await listenerCertificates(client, clients, listenerArn, signal);
      const sni = before
        .filter((entry) => !entry.IsDefault && entry.CertificateArn && entry.CertificateArn !== from.arn)
        .map((entry) => entry.CertificateArn!);
      const record: SniRecord = {
        listenerArn,
        region,
        where: describeConsumer(consumer),
        sni,
        from: from.arn,
        to: to.arn,
        at: new Date().toISOString(),
      };
      // Written down first: a kill between the next two calls is mended by the next run (restoreSniList).
      if (sni.length > 0 && options.journal) await recordSniList(options.journal, record);
      await visible(() =>
        call(new ModifyListenerCommand({ ListenerArn: listenerArn, Certificates: [{ CertificateArn: to.arn }] })),
      );
      await restoreSniList(clients, record, options);
      return;
    }
    case 'CloudFront':
      await swapDistribution(clients, consumer.name, from, to, signal);
      return;
  }
}

/**
 * ModifyListener names only the default certificate. Some implementations drop the SNI list with it (the bug behind
 * Lemur PR #4056, and moto's): whatever SNI certificate went missing is put back, and the record is cleared.
 */
export async function restoreSniList(
  clients: ServingClients,
  record: SniRecord,
  options: SwapOptions = {},
): Promise<void> {
  const client = await clients.elbv2(record.region);
  let listed: Awaited<ReturnType<typeof listenerCertificates>>;
  try {
    listed = await listenerCertificates(client, clients, record.listenerArn, options.signal);
  } catch (error) {
    // The listener is gone (deleted since): nothing is left to put back, and its record must not stop every rerun.
    if ((error as { code?: string }).code !== 'AWS_LISTENERNOTFOUND') throw error;
    if (options.journal) await clearSniRecord(options.journal, record.listenerArn);
    return;
  }
  const now = new Set(listed.map((entry) => entry.CertificateArn));
  const missing = record.sni.filter((arn) => !now.has(arn));
  if (missing.length > 0)
    await addToListener(clients, record.region, record.listenerArn, missing, { ...options, what: record.where });
  if (options.journal) await clearSniRecord(options.journal, record.listenerArn);
}

const PRECONDITION_TRIES = 3;

/**
 * CloudFront: the whole config is read and written back with only the certificate changed (its
 * SSLSupportMethod and MinimumProtocolVersion kept), under the ETag read with it. Someone else's
 * change in between answers PreconditionFailed: read again and try again, a few times.
 */
async function swapDistribution(
  clients: ServingClients,
  id: string,
  from: CertificateIds,
  to: CertificateIds,
  signal?: AbortSignal,
): Promise<void> {
  const client = await clients.cloudfront();
  const call = <Output>(command: { constructor: { name: string } }) =>
    callService<Output>(client, command, { service: 'cloudfront', clients, signal });
  for (let attempt = 1; ; attempt += 1) {
    const current = await call<GetDistributionConfigCommandOutput>(new GetDistributionConfigCommand({ Id: id }));
    const config = current.DistributionConfig;
    const viewer = config?.ViewerCertificate;
    if (!config || !viewer)
      fail(
        'EMPTY_ANSWER',
        `CloudFront returned no configuration for distribution ${id}.`,
        'Try again; if it persists, check the distribution in the CloudFront console.',
      );
    if (to.store === 'ACM' ? viewer.ACMCertificateArn === to.arn : viewer.IAMCertificateId === to.id) return;
    if (viewer.IAMCertificateId !== from.id)
      fail(
        'DISTRIBUTION_CHANGED',
        `Distribution ${id} now serves certificate ${viewer.IAMCertificateId ?? 'none from IAM'}, not the one being replaced.`,
        worded(
          'Someone changed it meanwhile: run iamcert usage to see what it serves, then rotate again.',
          'Someone changed it meanwhile: press r to look again, then rotate.',
        ),
      );
    const updated = {
      ...config,
      ViewerCertificate:
        to.store === 'ACM'
          ? {
              ...viewer,
              // CloudFront takes one source: the IAM ID goes, the ACM ARN and its source come in.
              IAMCertificateId: undefined,
              ACMCertificateArn: to.arn,
              CertificateSource: 'acm' as const,
              ...(viewer.Certificate === from.id ? { Certificate: to.arn } : {}),
            }
          : {
              ...viewer,
              IAMCertificateId: to.id,
              ...(viewer.Certificate === from.id ? { Certificate: to.id } : {}),
            },
    };
    try {
      await call(new UpdateDistributionCommand({ Id: id, IfMatch: current.ETag, DistributionConfig: updated }));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'PRECONDITION_FAILED' || attempt >= PRECONDITION_TRIES) throw error;
    }
  }
}
