import type { ConnectionOptions, IamClients } from '../../core/iam/client.js';
import { waitingLine } from '../../core/aws/waiting.js';
import type { ServingClients } from '../../core/usage/serving-clients.js';
import type { Output } from '../output.js';

export interface ConnectionFlags {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/** A slow or repeated call is told on stderr, so a run never looks hung. */
function connection(flags: ConnectionFlags, output: Output): ConnectionOptions {
  return {
    profile: flags.profile,
    region: flags.region,
    endpointUrl: flags.endpointUrl,
    onWaiting: (event) => output.err(waitingLine(event)),
  };
}

/** IAM and STS clients for a headless command. */
export async function connect(flags: ConnectionFlags, output: Output): Promise<IamClients> {
  const { createIamClients } = await import('../../core/iam/client.js');
  return createIamClients(connection(flags, output));
}

/** The load balancer, CloudFront and EC2 clients, for the commands that look at what serves what. */
export async function connectServing(flags: ConnectionFlags, output: Output): Promise<ServingClients> {
  const { createServingClients } = await import('../../core/usage/serving-clients.js');
  return createServingClients(connection(flags, output));
}
