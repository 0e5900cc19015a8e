import { AddListenerCertificatesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { listenerCertificates } from '../usage/scan-elbv2.js';
import { callService, type ServingClients } from '../usage/serving-clients.js';
import { untilCertificateVisible, type VisibilityWait } from './certificate-visible.js';

export interface AddOptions {
  /** The listener, for people. */
  what: string;
  signal?: AbortSignal;
  onWait?: (wait: VisibilityWait) => void;
  maxWaitSeconds?: number;
  minDelaySeconds?: number;
}

/** Failures after which the add may or may not have happened: look, then try again. */
const UNSURE = new Set(['CONNECTION_RESET', 'TIMEOUT', 'UNREACHABLE', 'SERVICE_FAILURE', 'THROTTLED']);

/**
 * Puts certificates on a listener's SNI list, each once. The add is sent without the SDK's retries: an answer lost
 * after the work was done would have the SDK send it again, and some implementations list a certificate twice. Each
 * try first reads the list and sends only what is missing.
 */
export async function addToListener(
  clients: ServingClients,
  region: string,
  listenerArn: string,
  arns: string[],
  options: AddOptions,
): Promise<void> {
  const { signal } = options;
  const reader = await clients.elbv2(region);
  const writer = await clients.elbv2WithoutRetries(region);
  await untilCertificateVisible(
    async () => {
      const present = new Set(
        (await listenerCertificates(reader, clients, listenerArn, signal)).map((entry) => entry.CertificateArn),
      );
      const missing = arns.filter((arn) => !present.has(arn));
      if (missing.length === 0) return;
      await callService(
        writer,
        new AddListenerCertificatesCommand({
          ListenerArn: listenerArn,
          Certificates: missing.map((arn) => ({ CertificateArn: arn })),
        }),
        { service: 'elasticloadbalancing', clients, signal },
      );
    },
    { ...options, alsoRetry: (error) => UNSURE.has((error as { code?: string }).code ?? '') },
  );
}
