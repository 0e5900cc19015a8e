import type { IamClients } from '../../core/iam/client.js';
import type { Output } from '../output.js';

export interface ConnectionFlags {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/** Clients for a headless command; retries are announced on stderr so a slow run never looks hung. */
export async function connect(flags: ConnectionFlags, output: Output): Promise<IamClients> {
  const { createIamClients } = await import('../../core/iam/client.js');
  return createIamClients({
    profile: flags.profile,
    region: flags.region,
    endpointUrl: flags.endpointUrl,
    onRetry: ({ operation, attempt }) =>
      output.err(`IAM did not answer ${operation} cleanly; retrying (attempt ${attempt})…`),
  });
}
