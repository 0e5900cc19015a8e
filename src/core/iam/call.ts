import type { IamClients } from './client.js';
import { checkAnswer } from '../aws/answer-shape.js';
import { awsError } from './errors.js';

interface Sendable<Output> {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<Output>;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** What is acted on, for error messages: 'server certificate "web"'. */
  subject?: string;
  /** Send once, never retried by the SDK: for calls whose lost answer must be looked into, not repeated. */
  once?: boolean;
}

/** Sends one IAM command; any failure becomes one line with the fix. */
export async function callIam<Output>(
  clients: IamClients,
  command: { constructor: { name: string } },
  options: CallOptions = {},
): Promise<Output> {
  const action = command.constructor.name.replace(/Command$/, '');
  let answer: Output;
  try {
    const client = options.once ? clients.iamWithoutRetries() : clients.iam;
    answer = await (client as unknown as Sendable<Output>).send(command, { abortSignal: options.signal });
  } catch (error) {
    throw awsError(error, {
      action,
      subject: options.subject,
      endpoint: clients.endpointLabel,
      profile: clients.profile,
    });
  }
  checkAnswer('IAM', action, answer, clients.endpointLabel);
  return answer;
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === code;
}

/** True when the error means the thing is not there (so "get or create" can create it). */
export function isNoSuchEntity(error: unknown): boolean {
  return hasCode(error, 'NO_SUCH_ENTITY');
}

/** True when IAM says the thing exists already: after a lost answer, maybe because our own first attempt made it. */
export function isAlreadyExists(error: unknown): boolean {
  return hasCode(error, 'ENTITY_ALREADY_EXISTS');
}
