import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realServices } from '../../src/app/real-services.js';
import { renderApp } from '../helpers/render.js';

/** An endpoint that takes the connection and never answers: a hung proxy, a black-holed VPC endpoint. */
let server: Server;
const sockets = new Set<Socket>();
let endpoint: string;
const SET = { IAMCERT_WAIT_NOTICE_MS: '200', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
const before = Object.fromEntries(Object.keys(SET).map((name) => [name, process.env[name]]));

beforeAll(async () => {
  Object.assign(process.env, SET);
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const [name, value] of Object.entries(before)) {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('the app never waits in silence', () => {
  it('a call with no answer is told in the footer as it waits, naming the service and the call', async () => {
    const app = await renderApp(realServices({ endpointUrl: endpoint, maxAttempts: 1 }));
    const frame = await app.waitFor((text) => /No answer from (STS|IAM)/.test(text), 'the waiting notice');
    expect(frame).toMatch(
      /No answer from (STS in us-east-1 \(GetCallerIdentity\)|IAM \(ListServerCertificates\)) for \d+ s/,
    );
    app.unmount();
  });
});
