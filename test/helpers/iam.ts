import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createIamClients, type ConnectionOptions, type IamClients } from '../../src/core/iam/client.js';
import { MOTO_ENV, UNSET_FOR_MOTO } from './moto.js';

Object.assign(process.env, MOTO_ENV);
for (const name of UNSET_FOR_MOTO) Reflect.deleteProperty(process.env, name);

/** This file's moto (test/setup/moto-per-file.ts). */
export function motoEndpoint(): string {
  const endpoint = process.env.IAMCERT_TEST_MOTO_ENDPOINT;
  if (!endpoint)
    throw new Error('No moto for this file: it belongs in the integration or e2e tier (vitest.config.ts).');
  return endpoint;
}

/** Names no other test in the file uses, so tests stay independent of their order. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function motoClients(options: ConnectionOptions = {}): IamClients {
  return createIamClients({ endpointUrl: motoEndpoint(), maxAttempts: 1, ...options });
}

export interface Call {
  action: string;
  params: URLSearchParams;
}

type Handler = NonNullable<ConnectionOptions['requestHandler']>;
/** 'lose-answer': moto does the work, and the answer is lost on the way back (a reset the SDK retries). */
type Reply = { status: number; body: string } | 'pass' | 'lose-answer' | Error;

/** As IAM answers: XML, with the request ID in a header too. */
function xmlResponse(status: number, body: string) {
  return {
    response: {
      statusCode: status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': randomBytes(8).toString('hex') },
      body: Readable.from([Buffer.from(body)]),
    },
  };
}

/**
 * A request handler for the real SDK that answers with IAM XML we write, or
 * passes the call on to moto. `calls` records every action sent.
 */
export function scriptedHandler(reply: (call: Call) => Reply, passTo?: string): { handler: Handler; calls: Call[] } {
  const calls: Call[] = [];
  const real = new NodeHttpHandler();
  const handler = {
    async handle(
      request: { body?: unknown; hostname?: string; port?: number; protocol?: string },
      options?: { abortSignal?: AbortSignal },
    ) {
      const params = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      const call = { action: params.get('Action') ?? '', params };
      calls.push(call);
      const answer = reply(call);
      if (answer instanceof Error) throw answer;
      if (answer === 'pass' || answer === 'lose-answer') {
        if (!passTo) throw new Error('no server to pass to');
        const passed = await real.handle(request as never, options);
        if (answer === 'pass') return passed;
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
      return xmlResponse(answer.status, answer.body);
    },
  } as unknown as Handler;
  return { handler, calls };
}

export function iamError(code: string, message: string, status = 400): { status: number; body: string } {
  return {
    status,
    body: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`,
  };
}

export function iamOk(action: string, result = ''): { status: number; body: string } {
  return {
    status: 200,
    body: `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">${result ? `<${action}Result>${result}</${action}Result>` : ''}<ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** Clients whose every call goes to the scripted handler (with fake credentials; nothing leaves the process). */
export function scriptedClients(
  reply: (call: Call) => Reply,
  options: ConnectionOptions = {},
): { clients: IamClients; calls: Call[] } {
  const { handler, calls } = scriptedHandler(reply);
  return {
    clients: createIamClients({
      endpointUrl: 'http://127.0.0.1:9',
      requestHandler: handler,
      maxAttempts: 1,
      ...options,
    }),
    calls,
  };
}
