import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { createServingClients, type ServingClients } from '../../src/core/usage/serving-clients.js';
import type { ConnectionOptions } from '../../src/core/iam/client.js';
import { MOTO_ENV, UNSET_FOR_MOTO } from './moto.js';

Object.assign(process.env, MOTO_ENV);
for (const name of UNSET_FOR_MOTO) Reflect.deleteProperty(process.env, name);

export interface AcmCall {
  /** "ListCertificates", from the X-Amz-Target header. */
  action: string;
  region: string;
  input: Record<string, unknown>;
}

type Reply = { status: number; body: unknown } | Error;

/** ACM answers in JSON (awsJson1_1), its request ID in a header. */
function jsonResponse(status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    response: {
      statusCode: status,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomBytes(8).toString('hex') },
      body: Readable.from([Buffer.from(text)]),
    },
  };
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body || '{}';
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8') || '{}';
  throw new Error(`a request body of an unexpected kind: ${typeof body}`);
}

/** An ACM error as ACM writes it. */
export function acmError(type: string, message: string, status = 400): Reply {
  return { status, body: { __type: type, message } };
}

/**
 * Serving clients whose ACM calls are answered by `reply` (recorded answers, inside the process): `calls` holds each
 * request's action, region and JSON input, for asserting what iamcert asked.
 */
export function scriptedAcm(reply: (call: AcmCall) => Reply, options: ConnectionOptions = {}) {
  const calls: AcmCall[] = [];
  const handler = {
    async handle(request: { headers: Record<string, string>; body?: unknown; hostname?: string }) {
      const target = request.headers['x-amz-target'] ?? '';
      const region = /^acm\.([a-z0-9-]+)\./.exec(request.hostname ?? '')?.[1] ?? '?';
      const call = {
        action: target.replace(/^CertificateManager\./, ''),
        region,
        input: JSON.parse(bodyText(request.body)) as Record<string, unknown>,
      };
      calls.push(call);
      const answer = reply(call);
      if (answer instanceof Error) throw answer;
      return jsonResponse(answer.status, answer.body);
    },
  };
  const clients: ServingClients = createServingClients({
    requestHandler: handler as never,
    maxAttempts: 1,
    region: 'eu-west-1',
    ...options,
  });
  return { clients, calls };
}
