import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'reset'
  | 'slow'
  | 'status500'
  | 'status503'
  | 'throttle'
  | 'expired'
  | 'refuse-before'
  | 'reset-after'
  | 'hold-after'
  | 'hostile-message'
  | 'empty-200'
  | 'html-200'
  | 'certificate-not-found'
  | 'answer';

export interface FaultRule {
  /** The Action to hit (IAM, STS, EC2, ELB); undefined hits every call. */
  action?: string;
  /** The API version too: classic ELB (2012-06-01) and ELBv2 (2015-12-01) share action names. */
  version?: string;
  /** For REST services (CloudFront): the request path to hit. */
  path?: RegExp;
  /** The region the request is signed for (the same endpoint serves every region here). */
  region?: string;
  /** Only requests whose form parameters pass this (a GetServerCertificate of one name). */
  when?: (params: URLSearchParams) => boolean;
  fault: Fault;
  /** How many calls fail before the rule lets calls through; Infinity for all. */
  times: number;
  /** For 'answer': a recorded real response, sent instead of the emulator's (moto lacks the call). */
  answer?: { status: number; body: string };
}

export interface FaultProxy {
  endpoint: string;
  rules: FaultRule[];
  /** Actions seen, in order. */
  seen: string[];
  /** Each request's form parameters, in order. */
  requests: URLSearchParams[];
  close(): Promise<void>;
}

const xmlError = (code: string, message: string) =>
  `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>`;

/**
 * A loopback proxy in front of moto that injects faults: resets in the middle
 * of a response, slow answers, 500/503, Throttling, ExpiredToken. Every
 * request it does not fault is forwarded unchanged.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const rules: FaultRule[] = [];
  const seen: string[] = [];
  const requests: URLSearchParams[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const forward = (incoming: IncomingMessage, body: Buffer, onResponse: (response: IncomingMessage) => void) => {
    const outgoing = httpRequest(
      {
        hostname: targetUrl.hostname,
        port: targetUrl.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      onResponse,
    );
    outgoing.end(body);
  };

  const server: Server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const params = new URLSearchParams(body.toString());
      const action = params.get('Action') ?? '';
      seen.push(action);
      requests.push(params);
      const rule = rules.find(
        (candidate) =>
          candidate.times > 0 &&
          (!candidate.action || candidate.action === action) &&
          (!candidate.version || candidate.version === params.get('Version')) &&
          (!candidate.when || candidate.when(params)) &&
          (!candidate.path || candidate.path.test(incoming.url ?? '')) &&
          (!candidate.region ||
            new RegExp(`/\\d{8}/${candidate.region}/`).test(String(incoming.headers.authorization ?? ''))),
      );
      if (rule) rule.times -= 1;
      const fault = rule?.fault;
      const reply = (status: number, xml: string, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'text/xml', ...headers });
        response.end(xml);
      };
      switch (fault) {
        case 'refuse-before':
          incoming.socket.destroy();
          return;
        case 'reset':
          response.writeHead(200, { 'content-type': 'text/xml', 'content-length': '5000' });
          response.write('<ListServerCertificatesResponse><ListServerCertificatesResult>');
          setTimeout(() => incoming.socket.destroy(), 20);
          return;
        case 'slow':
          setTimeout(() => reply(200, '<late/>'), 60_000).unref();
          return;
        case 'status500':
          return reply(500, xmlError('ServiceFailure', 'Internal failure'));
        case 'status503':
          return reply(503, xmlError('ServiceUnavailable', 'Service unavailable'));
        case 'throttle':
          return reply(400, xmlError('Throttling', 'Rate exceeded'));
        case 'empty-200':
          return reply(200, '');
        case 'html-200':
          response.writeHead(200, { 'content-type': 'text/html' });
          return response.end('<html><body><h1>Sign in to the guest network</h1></body></html>');
        case 'certificate-not-found':
          return reply(
            400,
            xmlError(
              'CertificateNotFound',
              'The specified SSL ID does not refer to a valid SSL certificate in AWS Identity and Access Management (IAM).',
            ),
          );
        case 'answer':
          return reply(rule!.answer!.status, rule!.answer!.body, { 'x-amzn-requestid': 'recorded' });
        case 'hostile-message':
          return reply(400, xmlError('InvalidInput', 'bad\u001b]52;c;aGVsbG8=\u0007\u001b[2J input'));
        case 'expired':
          return reply(403, xmlError('ExpiredToken', 'The security token included in the request is expired'));
        case 'reset-after':
          // The server does the work; the answer is lost on the way back.
          return forward(incoming, body, () => incoming.socket.destroy());
        case 'hold-after':
          // The server does the work; the answer never comes (the client is killed while it waits).
          return forward(incoming, body, (upstream) => upstream.resume());
        default:
          forward(incoming, body, (upstream) => {
            response.writeHead(upstream.statusCode ?? 502, upstream.headers);
            upstream.pipe(response);
          });
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    rules,
    seen,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
