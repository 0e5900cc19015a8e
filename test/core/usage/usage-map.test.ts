import { describe, expect, it } from 'vitest';
import type { ServerCertificateRow } from '../../../src/core/iam/server-certificate-list.js';
import type { Consumer } from '../../../src/core/usage/consumers.js';
import type { ServingClients } from '../../../src/core/usage/serving-clients.js';
import { scanConsumers } from '../../../src/core/usage/scan.js';
import { usageMap, usedByShort, usedBySummary } from '../../../src/core/usage/usage-map.js';

const now = new Date('2026-11-24T00:00:00Z');
const row = (name: string, expiration: string): ServerCertificateRow => ({
  name,
  path: '/',
  id: `ASCA${name.toUpperCase()}`,
  arn: `arn:aws:iam::111122223333:server-certificate/${name}`,
  expiration,
});
const alb = (certificate: ServerCertificateRow, role: 'default' | 'sni'): Consumer => ({
  kind: 'ALB',
  region: 'eu-west-1',
  name: 'web',
  listener: 'HTTPS:443',
  role,
  certificate: { arn: certificate.arn },
});

describe('the usage map', () => {
  const expired = row('old', '2026-11-01T00:00:00Z');
  const soon = row('soon', '2026-12-10T00:00:00Z');
  const later = row('later', '2027-06-01T00:00:00Z');
  const idle = row('idle', '2027-06-01T00:00:00Z');
  const scan = {
    regions: ['eu-west-1'],
    notes: [],
    consumers: [
      alb(expired, 'default'),
      alb(soon, 'sni'),
      { kind: 'CloudFront', name: 'E123', domains: ['www.example.com'], certificate: { id: later.id } } as Consumer,
      alb(later, 'sni'),
    ],
  };

  it('matches load balancers by ARN and CloudFront by the certificate ID, never by name', () => {
    const map = usageMap([expired, soon, later, idle], scan, { now });
    expect(map.certificates.map((entry) => [entry.certificate.name, usedBySummary(entry.consumers)])).toEqual([
      ['old', '1 ALB'],
      ['soon', '1 ALB'],
      ['later', '1 CF, 1 ALB'],
      ['idle', '—'],
    ]);
    expect(usedByShort([...scan.consumers, alb(later, 'default')])).toBe('4 ALB, CF');
    expect(usedByShort([alb(later, 'sni')])).toBe('ALB');
  });

  it('says what needs doing: expired and served (an outage now), expiring within the window and served, unused', () => {
    const codes = (within?: number) =>
      usageMap([expired, soon, later, idle], scan, { now, withinDays: within }).certificates.map((entry) =>
        entry.findings.map((finding) => finding.code),
      );
    expect(codes()).toEqual([['EXPIRED_IN_USE'], ['EXPIRING_IN_USE'], [], ['UNUSED']]);
    expect(codes(10)).toEqual([['EXPIRED_IN_USE'], [], [], ['UNUSED']]);
    expect(codes(365)).toEqual([['EXPIRED_IN_USE'], ['EXPIRING_IN_USE'], ['EXPIRING_IN_USE'], ['UNUSED']]);
  });
});

describe('scanning regions', () => {
  /** Clients whose load balancers answer from a table, and refuse in one region as IAM policy would. */
  function clients(refused: string): ServingClients {
    const denied = Object.assign(
      new Error('User is not authorized to perform: elasticloadbalancing:DescribeLoadBalancers'),
      { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } },
    );
    const answering = (region: string) => ({
      send: async (command: { constructor: { name: string } }) => {
        if (region === refused) throw denied;
        const name = command.constructor.name;
        if (name === 'DescribeLoadBalancersCommand')
          return {
            LoadBalancerDescriptions: [
              {
                LoadBalancerName: `lb-${region}`,
                ListenerDescriptions: [
                  { Listener: { Protocol: 'HTTPS', LoadBalancerPort: 443, SSLCertificateId: `arn:${region}` } },
                ],
              },
            ],
            LoadBalancers: [],
          };
        return {};
      },
    });
    return {
      region: 'us-east-1',
      endpointLabel: 'AWS',
      elbv2WithoutRetries: () => Promise.reject(new Error('a scan changes nothing')),
      acm: () => Promise.reject(new Error('a scan reads no ACM')),
      acmWithoutRetries: () => Promise.reject(new Error('a scan reads no ACM')),
      elb: async (region) => answering(region) as never,
      elbv2: async (region) => answering(region) as never,
      cloudfront: async () =>
        ({ send: async () => ({ DistributionList: { Items: [], IsTruncated: false } }) }) as never,
      ec2: async () =>
        ({
          send: async () => ({
            Regions: [{ RegionName: 'us-east-1' }, { RegionName: 'eu-west-1' }, { RegionName: 'ap-south-1' }],
          }),
        }) as never,
    };
  }

  it('looks in every enabled region; one that refuses is a note naming the permission, the others still answer', async () => {
    const scan = await scanConsumers(clients('eu-west-1'), { concurrency: 2 });
    expect(scan.regions).toEqual(['ap-south-1', 'eu-west-1', 'us-east-1']);
    expect(scan.consumers.map((consumer) => consumer.name).sort()).toEqual(['lb-ap-south-1', 'lb-us-east-1']);
    expect(scan.notes).toHaveLength(2);
    expect(scan.notes[0]).toMatchObject({ where: 'classic load balancers in eu-west-1', code: 'ACCESS_DENIED' });
    expect(scan.notes[0]!.fix).toContain('elasticloadbalancing:DescribeLoadBalancers');
  });

  it('looks only in the regions given', async () => {
    const scan = await scanConsumers(clients('none'), { regions: ['us-east-1'] });
    expect(scan.regions).toEqual(['us-east-1']);
    expect(scan.consumers.map((consumer) => consumer.name)).toEqual(['lb-us-east-1']);
  });
});

describe('what the bodies say', () => {
  const www = row('www', '2027-06-01T00:00:00Z');
  const copy = row('www-copy', '2027-06-01T00:00:00Z');
  const api = row('api', '2027-06-01T00:00:00Z');
  const bodies = new Map([
    [www.arn, { sha256: 'aa'.repeat(32), names: ['www.example.com', '*.cdn.example.com'] }],
    [copy.arn, { sha256: 'aa'.repeat(32), names: ['www.example.com', '*.cdn.example.com'] }],
    [api.arn, { sha256: 'bb'.repeat(32), names: ['api.example.com'] }],
  ]);
  const scan = {
    regions: [],
    notes: [],
    consumers: [
      {
        kind: 'CloudFront',
        name: 'E1',
        domains: ['www.example.com', 'img.cdn.example.com'],
        certificate: { id: www.id },
      } as Consumer,
      {
        kind: 'CloudFront',
        name: 'E2',
        domains: ['shop.example.com', 'a.b.cdn.example.com'],
        certificate: { id: api.id },
      } as Consumer,
    ],
  };

  it('finds the same certificate uploaded under two names', () => {
    const map = usageMap([www, copy, api], scan, { now, bodies });
    expect(map.certificates[0]!.findings.find((finding) => finding.code === 'DUPLICATE')?.message).toContain(
      'also uploaded as www-copy',
    );
    expect(map.certificates[2]!.findings.map((finding) => finding.code)).not.toContain('DUPLICATE');
  });

  it("says which of a distribution's names the certificate does not cover (a wildcard covers one label)", () => {
    const map = usageMap([www, copy, api], scan, { now, bodies });
    expect(map.certificates[0]!.findings.map((finding) => finding.code)).not.toContain('NAMES_DO_NOT_COVER');
    const uncovered = map.certificates[2]!.findings.find((finding) => finding.code === 'NAMES_DO_NOT_COVER');
    expect(uncovered?.message).toContain('shop.example.com (CloudFront E2)');
    expect(uncovered?.message).toContain('a.b.cdn.example.com (CloudFront E2)');
  });
});
