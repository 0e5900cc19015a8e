import { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { namedExports } from '../commonjs.js';
import { fail } from '../errors.js';
import { reportWaiting, type Stackable, type WaitingEvent } from '../aws/waiting.js';
import type { HttpHandlerOptions, RequestHandler } from '@smithy/types';

export interface ConnectionOptions {
  profile?: string;
  /** IAM is global; the region only picks the signing region and STS endpoint. */
  region?: string;
  endpointUrl?: string;
  /** Tests hand in a handler that answers with real IAM XML. */
  requestHandler?: RequestHandler<unknown, unknown, HttpHandlerOptions>;
  /** Told when a call goes unanswered for a few seconds or is sent again, so a slow run never looks hung. */
  onWaiting?: (event: WaitingEvent) => void;
  maxAttempts?: number;
  /** How long one request may take; IAMCERT_TIMEOUT_MS overrides the default. */
  timeoutMs?: number;
}

export interface IamClients {
  iam: IAMClient;
  /** The same client without retries, for calls that must never be sent twice blindly (CreateAccessKey). */
  iamWithoutRetries: () => IAMClient;
  /** Made on first use: most commands never ask STS, and its client costs start-up time. */
  sts: () => Promise<STSClient>;
  /** Where calls go, for people: the endpoint when one is set, else "AWS". */
  endpointLabel: string;
  profile?: string;
  region: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** How long one request may take: the option, else IAMCERT_TIMEOUT_MS, else 30 s. */
export function requestTimeoutMs(timeoutMs?: number): number {
  const fromEnvironment = Number(process.env.IAMCERT_TIMEOUT_MS);
  return timeoutMs ?? (fromEnvironment > 0 ? fromEnvironment : DEFAULT_TIMEOUT_MS);
}

function timeouts(timeoutMs: number | undefined) {
  const requestTimeout = requestTimeoutMs(timeoutMs);
  return { connectionTimeout: Math.min(5_000, requestTimeout), requestTimeout, throwOnRequestTimeout: true };
}

export function endpointFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_ENDPOINT_URL_IAM ?? env.AWS_ENDPOINT_URL;
}

type StsModule = typeof import('@aws-sdk/client-sts');

export async function loadSts(): Promise<StsModule> {
  return namedExports<StsModule>(await import('@aws-sdk/client-sts'), 'STSClient');
}

/** An endpoint must be an http(s) URL; anything else is refused before the SDK sees it. */
export function checkEndpoint(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    fail(
      'ENDPOINT_INVALID',
      `"${url}" is not an endpoint URL.`,
      'Give a full URL such as http://127.0.0.1:5000 (for moto) or https://iam.amazonaws.com.',
    );
  }
}

/** The region calls are signed for when none is given: the environment's, else us-east-1. */
export function defaultRegion(options: ConnectionOptions = {}): string {
  return options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
}

/** What every SDK client of a run shares: credentials profile, endpoint, timeouts, retries; the region per client. */
export function sdkConfig(options: ConnectionOptions, region = defaultRegion(options)) {
  const endpoint = options.endpointUrl ?? endpointFromEnvironment();
  if (endpoint !== undefined) checkEndpoint(endpoint);
  return {
    region,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    requestHandler: options.requestHandler ?? timeouts(options.timeoutMs),
    maxAttempts: options.maxAttempts ?? 4,
  };
}

/** IAM and STS clients on the SDK's default credential chain (env, config files, profiles, SSO, instance roles). */
export function createIamClients(options: ConnectionOptions = {}): IamClients {
  const region = defaultRegion(options);
  const common = sdkConfig(options, region);
  const iam = new IAMClient(common);
  const watch = (client: Stackable, service: string) => {
    if (options.onWaiting)
      reportWaiting(client, { service, region, maxAttempts: common.maxAttempts }, options.onWaiting);
  };
  watch(iam, 'iam');
  let sts: Promise<STSClient> | undefined;
  let iamWithoutRetries: IAMClient | undefined;
  return {
    iam,
    iamWithoutRetries: () => (iamWithoutRetries ??= new IAMClient({ ...common, maxAttempts: 1 })),
    sts: () =>
      (sts ??= loadSts().then(({ STSClient }) => {
        const client = new STSClient(common);
        watch(client, 'sts');
        return client;
      })),
    endpointLabel: options.endpointUrl ?? endpointFromEnvironment() ?? 'AWS',
    profile: options.profile ?? process.env.AWS_PROFILE,
    region,
  };
}
