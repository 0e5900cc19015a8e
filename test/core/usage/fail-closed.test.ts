import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServerCertificateRow } from '../../../src/core/iam/server-certificate-list.js';
import { refuseDeleteIfServed } from '../../../src/core/usage/served-by.js';
import type { ServingClients } from '../../../src/core/usage/serving-clients.js';
import { scanConsumers } from '../../../src/core/usage/scan.js';
import { describeConsumer, usageMap } from '../../../src/core/usage/usage-map.js';
import { usageExit } from '../../../src/commands/iam/usage.js';

const REGIONS = ['ap-south-1', 'eu-west-1', 'us-east-1'];
const PLACES = ['regions', 'cloudfront', ...REGIONS.flatMap((region) => [`elb:${region}`, `elbv2:${region}`])];
const row = (name: string): ServerCertificateRow => ({
  name,
  path: '/',
  id: `ASCA${name.toUpperCase()}`,
  arn: `arn:aws:iam::111122223333:server-certificate/${name}`,
  expiration: '2027-06-01T00:00:00Z',
});
const served = row('served');
const idle = row('idle');
const ok = { $metadata: { requestId: 'r' } };

/**
 * Clients with the SDK's service IDs, so every answer crosses the real boundary. `served` is an ALB's default in one
 * region; each failing place answers with an empty 200 (what a proxy sends) or refuses (AccessDenied).
 */
function world(failing: Set<string>, how: 'empty' | 'denied', servedIn: string, sni?: string): ServingClients {
  const denied = Object.assign(new Error('not authorized'), {
    name: 'AccessDenied',
    $metadata: { httpStatusCode: 403 },
  });
  const client = (serviceId: string, place: string, answer: (command: string) => object) => ({
    config: { serviceId },
    send: async (command: { constructor: { name: string } }) => {
      if (failing.has(place)) {
        if (how === 'denied') throw denied;
        return {};
      }
      return { ...ok, ...answer(command.constructor.name) };
    },
  });
  return {
    region: 'us-east-1',
    endpointLabel: 'AWS',
    elbv2WithoutRetries: () => Promise.reject(new Error('a scan changes nothing')),
    acm: () => Promise.reject(new Error('a scan reads no ACM')),
    acmWithoutRetries: () => Promise.reject(new Error('a scan reads no ACM')),
    ec2: async () =>
      client('EC2', 'regions', () => ({ Regions: REGIONS.map((RegionName) => ({ RegionName })) })) as never,
    elb: async (region) =>
      client('Elastic Load Balancing', `elb:${region}`, () => ({ LoadBalancerDescriptions: [] })) as never,
    elbv2: async (region) =>
      client('Elastic Load Balancing v2', `elbv2:${region}`, (command) => {
        const here = region === servedIn;
        if (command === 'DescribeLoadBalancersCommand')
          return {
            LoadBalancers: here ? [{ LoadBalancerName: 'web', LoadBalancerArn: 'lb', Type: 'application' }] : [],
          };
        if (command === 'DescribeListenersCommand')
          return {
            Listeners: [
              { ListenerArn: 'l', Protocol: 'HTTPS', Port: 443, Certificates: [{ CertificateArn: served.arn }] },
            ],
          };
        // As some emulators answer: the SNI certificates only, the default left to DescribeListeners.
        return { Certificates: sni ? [{ CertificateArn: sni, IsDefault: false }] : [] };
      }) as never,
    cloudfront: async () =>
      client('CloudFront', 'cloudfront', () => ({ DistributionList: { IsTruncated: false, Quantity: 0 } })) as never,
  };
}

describe('fail closed over any set of failures', () => {
  it('a certificate is UNUSED only when every region and service answered, and delete refuses while any failed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(PLACES),
        fc.constantFrom('empty' as const, 'denied' as const),
        fc.constantFrom(...REGIONS),
        async (failing, how, servedIn) => {
          const scan = await scanConsumers(world(new Set(failing), how, servedIn), { concurrency: 2 });
          const map = usageMap([served, idle], scan);
          const findings = (certificate: ServerCertificateRow) =>
            map.certificates.find((entry) => entry.certificate.name === certificate.name)!.findings.map((f) => f.code);
          const deleteOf = (certificate: ServerCertificateRow) => {
            const consumers = scan.consumers.filter((consumer) => consumer.certificate.arn === certificate.arn);
            try {
              refuseDeleteIfServed(certificate.name, { consumers, notes: scan.notes });
              return 'deleted';
            } catch (error) {
              return (error as { code: string }).code;
            }
          };
          if (failing.length === 0) {
            expect(map.complete).toBe(true);
            expect(findings(idle)).toEqual(['UNUSED']);
            expect(deleteOf(idle)).toBe('deleted');
            expect(deleteOf(served)).toBe('CERTIFICATE_IN_USE');
          } else {
            expect(map.complete).toBe(false);
            expect(scan.notes.length).toBeGreaterThan(0);
            expect(findings(idle)).not.toContain('UNUSED');
            expect(findings(served)).not.toContain('UNUSED');
            expect(deleteOf(idle)).not.toBe('deleted');
            expect(deleteOf(served)).not.toBe('deleted');
          }
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });
});

describe('an endpoint that accepts and never answers', () => {
  it('ends the scan at its deadline with a note for each place, so nothing is called unused and no delete runs', async () => {
    const silent = (serviceId: string) => ({
      config: { serviceId },
      send: (_command: unknown, options?: { abortSignal?: AbortSignal }) =>
        new Promise((_resolve, reject) => {
          if (options?.abortSignal?.aborted) reject(new Error('aborted'));
          options?.abortSignal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const clients: ServingClients = {
      region: 'us-east-1',
      endpointLabel: 'http://127.0.0.1:9',
      elbv2WithoutRetries: () => Promise.reject(new Error('a scan changes nothing')),
      acm: () => Promise.reject(new Error('a scan reads no ACM')),
      acmWithoutRetries: () => Promise.reject(new Error('a scan reads no ACM')),
      ec2: async () => silent('EC2') as never,
      elb: async () => silent('Elastic Load Balancing') as never,
      elbv2: async () => silent('Elastic Load Balancing v2') as never,
      cloudfront: async () => silent('CloudFront') as never,
    };
    const scan = await scanConsumers(clients, { deadlineMs: 200 });
    expect(scan.notes.map((note) => note.code)).toEqual(['NO_ANSWER', 'NO_ANSWER', 'NO_ANSWER', 'NO_ANSWER']);
    expect(scan.notes.map((note) => note.where)).toEqual([
      'the list of regions',
      'classic load balancers in us-east-1',
      'application and network load balancers in us-east-1',
      'CloudFront',
    ]);
    expect(usageMap([idle], scan).certificates[0]!.findings.map((finding) => finding.code)).toEqual(['USAGE_UNKNOWN']);
    expect(() => refuseDeleteIfServed(idle.name, { consumers: [], notes: scan.notes })).toThrow(
      /Could not check what serves "idle": the list of regions \(NO_ANSWER\)/,
    );
  });

  it('a caller that stops the scan (Ctrl-C, leaving the screen) gets the stop, not a map', async () => {
    const controller = new AbortController();
    const waiting = scanConsumers(
      {
        region: 'us-east-1',
        endpointLabel: 'AWS',
        elbv2WithoutRetries: () => Promise.reject(new Error('a scan changes nothing')),
        acm: () => Promise.reject(new Error('a scan reads no ACM')),
        acmWithoutRetries: () => Promise.reject(new Error('a scan reads no ACM')),
        ec2: async () =>
          ({
            config: { serviceId: 'EC2' },
            send: (_command: unknown, options?: { abortSignal?: AbortSignal }) =>
              new Promise((_resolve, reject) => {
                if (options?.abortSignal?.aborted) reject(new Error('stopped'));
                options?.abortSignal?.addEventListener('abort', () => reject(new Error('stopped')));
              }),
          }) as never,
        elb: async () => ({}) as never,
        elbv2: async () => ({}) as never,
        cloudfront: async () => ({}) as never,
      },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(waiting).rejects.toThrow(/stopped/);
  });
});

describe("usage's exit code", () => {
  it('is 3 whenever a place could not be looked at, even beside a served certificate that is due; 1 when complete', async () => {
    const expired = { ...served, expiration: '2020-01-01T00:00:00Z' };
    const scan = await scanConsumers(world(new Set(['elbv2:eu-west-1']), 'empty', 'us-east-1'), { concurrency: 2 });
    expect(usageExit(usageMap([expired, idle], scan))).toBe(3);
    const complete = await scanConsumers(world(new Set(), 'empty', 'us-east-1'), { concurrency: 2 });
    expect(usageExit(usageMap([expired, idle], complete))).toBe(1);
    expect(usageExit(usageMap([idle], complete))).toBe(0);
  });
});

describe('listener certificates', () => {
  it("a listing of SNI certificates alone: DescribeListeners' first certificate is the default, the rest stay SNI", async () => {
    const scan = await scanConsumers(world(new Set(), 'empty', 'us-east-1', idle.arn), { regions: ['us-east-1'] });
    expect(scan.consumers.map((consumer) => [consumer.certificate.arn, consumer.role])).toEqual([
      [served.arn, 'default'],
      [idle.arn, 'sni'],
    ]);
  });

  it('a name from an answer carrying a line break stays on one line', () => {
    const line = describeConsumer({
      kind: 'ALB',
      region: 'us-east-1',
      name: 'web\n  ! EXPIRED_IN_USE forged',
      listener: 'HTTPS:443',
      role: 'sni',
      certificate: { arn: 'x' },
    });
    expect(line).not.toContain('\n');
    expect(line).toContain('web\\n  ! EXPIRED_IN_USE forged');
  });
});
