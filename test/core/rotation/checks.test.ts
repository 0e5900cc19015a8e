import { describe, expect, it } from 'vitest';
import { rotationChecks, type IncomingFacts } from '../../../src/core/rotation/checks.js';
import { defaultIncomingName, retiredName } from '../../../src/core/rotation/names.js';
import type { Consumer } from '../../../src/core/usage/consumers.js';

const now = new Date('2026-11-30T00:00:00Z');
const incoming = (overrides: Partial<IncomingFacts> = {}): IncomingFacts => ({
  name: 'www-2027',
  path: '/',
  names: ['www.example.com', 'example.com'],
  keyAlgorithm: 'rsa',
  keySize: 2048,
  notAfter: new Date('2027-11-30T00:00:00Z'),
  ...overrides,
});
const elb: Consumer = {
  kind: 'ELB',
  region: 'us-east-1',
  name: 'web',
  listener: 'HTTPS:443',
  port: 443,
  certificate: { arn: 'arn:old' },
};
const alb: Consumer = {
  kind: 'ALB',
  region: 'us-east-1',
  name: 'app',
  listener: 'HTTPS:443',
  role: 'default',
  certificate: { arn: 'arn:old' },
};
const cloudfront: Consumer = {
  kind: 'CloudFront',
  name: 'E1',
  domains: ['www.example.com', 'cdn.example.com'],
  certificate: { id: 'ASCAOLD' },
};
const codes = (checks: ReturnType<typeof rotationChecks>) => checks.map((check) => `${check.severity} ${check.code}`);
const old = { names: ['www.example.com', 'example.com'], notAfter: new Date('2026-12-10T00:00:00Z') };

describe('what a rotation checks before it changes anything', () => {
  it('passes a renewed RSA 2048 certificate with the same names for load balancers', () => {
    expect(rotationChecks(incoming(), old, [elb, alb], now)).toEqual([]);
  });

  it('refuses a key type a consumer cannot serve: RSA 4096 or EC on a classic ELB, P-384 on CloudFront', () => {
    expect(codes(rotationChecks(incoming({ keySize: 4096 }), old, [elb, alb], now))).toEqual([
      'error KEY_TYPE_NOT_ACCEPTED',
    ]);
    expect(rotationChecks(incoming({ keySize: 4096 }), old, [alb], now)).toEqual([]);
    expect(
      rotationChecks(incoming({ keyAlgorithm: 'ec', keySize: undefined, curve: 'P-256' }), old, [elb], now)[0]!.message,
    ).toBe('ELB cannot serve a certificate with an EC P-256 key.');
    expect(
      codes(
        rotationChecks(
          incoming({
            path: '/cloudfront/',
            names: ['*.example.com', 'example.com'],
            keyAlgorithm: 'ec',
            keySize: undefined,
            curve: 'P-384',
          }),
          old,
          [cloudfront],
          now,
        ),
      ),
    ).toEqual(['error KEY_TYPE_NOT_ACCEPTED']);
  });

  it("refuses names that miss a distribution's alias, and a path CloudFront does not look in; a wildcard covers one label", () => {
    const checks = rotationChecks(incoming(), old, [cloudfront], now);
    expect(codes(checks)).toEqual(['error NAMES_DO_NOT_COVER', 'error CLOUDFRONT_PATH']);
    expect(checks[0]!.message).toContain('cdn.example.com (CloudFront E1 (www.example.com, cdn.example.com))');
    expect(
      rotationChecks(
        incoming({ path: '/cloudfront/prod/', names: ['*.example.com', 'example.com'] }),
        old,
        [cloudfront],
        now,
      ),
    ).toEqual([]);
  });

  it('warns when the new certificate drops a name of the old one, or does not outlive it; refuses one already expired', () => {
    expect(codes(rotationChecks(incoming({ names: ['www.example.com'] }), old, [alb], now))).toEqual([
      'warning NAMES_DROPPED',
    ]);
    expect(codes(rotationChecks(incoming({ notAfter: new Date('2026-12-01T00:00:00Z') }), old, [alb], now))).toEqual([
      'warning NEW_CERTIFICATE_NOT_NEWER',
    ]);
    expect(codes(rotationChecks(incoming({ notAfter: new Date('2026-11-01T00:00:00Z') }), old, [alb], now))).toEqual([
      'error NEW_CERTIFICATE_EXPIRED',
    ]);
  });

  it("names the retired certificate by date and the uploaded one by its expiry, within IAM's 128 characters", () => {
    expect(retiredName('www-2026', now)).toBe('www-2026-retired-20261130');
    expect(retiredName('x'.repeat(128), now)).toHaveLength(128);
    expect(defaultIncomingName('www-2026', new Date('2027-12-31T00:00:00Z'))).toBe('www-20271231');
    expect(defaultIncomingName('www-20261130', new Date('2027-12-31T00:00:00Z'))).toBe('www-20271231');
    expect(defaultIncomingName('api', new Date('2027-12-31T00:00:00Z'))).toBe('api-20271231');
  });
});
