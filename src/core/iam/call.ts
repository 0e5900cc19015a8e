import type { IamClients } from './client.js';
import { awsError } from './errors.js';

interface Sendable<Output> {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<Output>;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** What is acted on, for error messages: 'server certificate "web"'. */
  subject?: string;
}

/** Sends one IAM command; any failure becomes one line with the fix. */
export async function callIam<Output>(clients: IamClients, command: { constructor: { name: string } }, options: CallOptions = {}): Promise<Output> {
  const action = command.constructor.name.replace(/Command$/, '');
  try {
    return await (clients.iam as unknown as Sendable<Output>).send(command, { abortSignal: options.signal });
  } catch (error) {
    throw awsError(error, { action, subject: options.subject, endpoint: clients.endpointLabel, profile: clients.profile });
  }
}

/** True when the error means the thing is not there (so "get or create" can create it). */
export function isNoSuchEntity(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'NO_SUCH_ENTITY';
}
