import type { ACMClient } from '@aws-sdk/client-acm';
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { namedExports } from '../commonjs.js';
import { checkAnswer } from '../aws/answer-shape.js';
import { reportWaiting, type Stackable } from '../aws/waiting.js';
import { awsError } from '../iam/errors.js';
import { defaultRegion, endpointFromEnvironment, sdkConfig, type ConnectionOptions } from '../iam/client.js';

/**
 * The clients of what serves certificates: load balancers per region, CloudFront and EC2 (for the
 * regions). Each SDK is loaded on first use, so commands that never look at usage never pay for it.
 */
export interface ServingClients {
  elb(region: string): Promise<ElasticLoadBalancingClient>;
  elbv2(region: string): Promise<ElasticLoadBalancingV2Client>;
  /** Without the SDK's retries, for a change that must never be sent twice blindly (AddListenerCertificates). */
  elbv2WithoutRetries(region: string): Promise<ElasticLoadBalancingV2Client>;
  cloudfront(): Promise<CloudFrontClient>;
  ec2(): Promise<EC2Client>;
  /** ACM in a region: where AWS advises server certificates live (CloudFront's in us-east-1). */
  acm(region: string): Promise<ACMClient>;
  /** Without the SDK's retries: an import sent twice blindly makes two certificates. */
  acmWithoutRetries(region: string): Promise<ACMClient>;
  region: string;
  endpointLabel: string;
  profile?: string;
}

export function createServingClients(options: ConnectionOptions = {}): ServingClients {
  const region = defaultRegion(options);
  const made = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!made.has(key)) made.set(key, make());
    return made.get(key) as Promise<T>;
  };
  /** A client of this service and region, its slow and repeated calls told (ConnectionOptions.onWaiting). */
  const client = async <T extends Stackable>(
    service: string,
    at: string,
    make: (config: ReturnType<typeof sdkConfig>) => Promise<T>,
    maxAttempts?: number,
  ): Promise<T> => {
    const config = { ...sdkConfig(options, at), ...(maxAttempts ? { maxAttempts } : {}) };
    const created = await make(config);
    if (options.onWaiting)
      reportWaiting(created, { service, region: at, maxAttempts: config.maxAttempts }, options.onWaiting);
    return created;
  };
  const acm = (at: string, maxAttempts?: number) =>
    client(
      'acm',
      at,
      async (config) => {
        const sdk = await import('@aws-sdk/client-acm');
        return new (namedExports<typeof import('@aws-sdk/client-acm')>(sdk, 'ACMClient').ACMClient)(config);
      },
      maxAttempts,
    );
  const elbv2 = (at: string, maxAttempts?: number) => client('elasticloadbalancing', at, elbv2Client, maxAttempts);
  return {
    region,
    endpointLabel: options.endpointUrl ?? endpointFromEnvironment() ?? 'AWS',
    profile: options.profile ?? process.env.AWS_PROFILE,
    elb: (at) =>
      once(`elb:${at}`, () =>
        client('elasticloadbalancing', at, async (config) => {
          const sdk = await import('@aws-sdk/client-elastic-load-balancing');
          const { ElasticLoadBalancingClient } = namedExports<typeof import('@aws-sdk/client-elastic-load-balancing')>(
            sdk,
            'ElasticLoadBalancingClient',
          );
          return new ElasticLoadBalancingClient(config);
        }),
      ),
    elbv2: (at) => once(`elbv2:${at}`, () => elbv2(at)),
    elbv2WithoutRetries: (at) => once(`elbv2-once:${at}`, () => elbv2(at, 1)),
    // CloudFront is global: its API lives in us-east-1.
    cloudfront: () =>
      once('cloudfront', () =>
        client('cloudfront', 'us-east-1', async (config) => {
          const sdk = await import('@aws-sdk/client-cloudfront');
          return new (namedExports<typeof import('@aws-sdk/client-cloudfront')>(
            sdk,
            'CloudFrontClient',
          ).CloudFrontClient)(config);
        }),
      ),
    acm: (at) => once(`acm:${at}`, () => acm(at)),
    acmWithoutRetries: (at) => once(`acm-once:${at}`, () => acm(at, 1)),
    ec2: () =>
      once('ec2', () =>
        client('ec2', region, async (config) => {
          const sdk = await import('@aws-sdk/client-ec2');
          return new (namedExports<typeof import('@aws-sdk/client-ec2')>(sdk, 'EC2Client').EC2Client)(config);
        }),
      ),
  };
}

async function elbv2Client(config: ReturnType<typeof sdkConfig>): Promise<ElasticLoadBalancingV2Client> {
  const sdk = await import('@aws-sdk/client-elastic-load-balancing-v2');
  return new (namedExports<typeof import('@aws-sdk/client-elastic-load-balancing-v2')>(
    sdk,
    'ElasticLoadBalancingV2Client',
  ).ElasticLoadBalancingV2Client)(config);
}

interface Sendable<Output> {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<Output>;
}

/**
 * Sends one command to any of these services; a failure becomes one line naming the permission, and an
 * answer without what the operation always returns is an error (answer-shape.ts), never an empty list.
 */
export async function callService<Output>(
  client: unknown,
  command: { constructor: { name: string } },
  context: { service: string; clients: ServingClients; signal?: AbortSignal },
): Promise<Output> {
  const action = command.constructor.name.replace(/Command$/, '');
  let answer: Output;
  try {
    answer = await (client as Sendable<Output>).send(command, { abortSignal: context.signal });
  } catch (error) {
    throw awsError(error, {
      action,
      service: context.service,
      endpoint: context.clients.endpointLabel,
      profile: context.clients.profile,
    });
  }
  const serviceId = (client as { config?: { serviceId?: string } }).config?.serviceId ?? context.service;
  checkAnswer(serviceId, action, answer, context.clients.endpointLabel);
  return answer;
}
