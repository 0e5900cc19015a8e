import { describe, expect, it } from 'vitest';
import { describeAwsError } from '../../../src/core/iam/errors.js';

const failure = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error('Internal failure'), { name, $metadata: { attempts: 3 }, ...extra });

describe('an AWS error is worded for the service that answered', () => {
  it.each([
    ['elasticloadbalancing', 'Elastic Load Balancing'],
    ['ec2', 'EC2'],
    ['cloudfront', 'CloudFront'],
  ])('%s: a failure, a throttle, a timeout and a cut connection name %s, not IAM', (service, named) => {
    const context = { action: 'DescribeLoadBalancers', service, endpoint: 'http://127.0.0.1:1' };
    const lines = [
      describeAwsError(failure('ServiceUnavailable'), context),
      describeAwsError(failure('Throttling'), context),
      describeAwsError(failure('TimeoutError'), context),
      describeAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), context),
      describeAwsError(failure('Weird', { $fault: 'server' }), context),
    ].map((problem) => problem.message);
    for (const line of lines) {
      expect(line).toContain(named);
      expect(line).not.toMatch(/\bIAM\b/);
    }
  });

  it('an IAM call still says IAM', () => {
    expect(describeAwsError(failure('ServiceFailure'), { action: 'ListServerCertificates' }).message).toBe(
      'IAM had an internal failure (tried 3 times).',
    );
  });
});
