import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../src/core/aws/answer-shape.js';
import { fileNamePart } from '../../../src/core/files/name-part.js';
import { allPages, MAX_PAGES, truncatedMarker } from '../../../src/core/iam/pages.js';
import { journalPath } from '../../../src/core/rotation/journal.js';

const AWS_ANSWER = { $metadata: { requestId: 'r-1' } };
const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'passed';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('one boundary for every answer', () => {
  it('an answer without what its operation always returns is an error, never an empty list, for every service', () => {
    expect(codeOf(() => checkAnswer('EC2', 'DescribeRegions', {}, 'AWS'))).toBe('EMPTY_ANSWER');
    expect(codeOf(() => checkAnswer('EC2', 'DescribeRegions', { ...AWS_ANSWER }, 'AWS'))).toBe('ANSWER_NOT_FROM_AWS');
    expect(codeOf(() => checkAnswer('EC2', 'DescribeRegions', { ...AWS_ANSWER, Regions: [] }, 'AWS'))).toBe('passed');
    const classic = (answer: object) => () =>
      checkAnswer('Elastic Load Balancing', 'DescribeLoadBalancers', answer, 'AWS');
    const v2 = (answer: object) => () =>
      checkAnswer('Elastic Load Balancing v2', 'DescribeLoadBalancers', answer, 'AWS');
    // The two load balancer APIs share the action's name, not its answer.
    expect(codeOf(classic({ ...AWS_ANSWER, LoadBalancers: [] }))).toBe('ANSWER_NOT_FROM_AWS');
    expect(codeOf(v2({ ...AWS_ANSWER, LoadBalancers: [] }))).toBe('passed');
    // CloudFront's HTML 200 parses to a bare DistributionList.
    const listing = (answer: object) => () => checkAnswer('CloudFront', 'ListDistributions', answer, 'AWS');
    expect(codeOf(listing({ ...AWS_ANSWER, DistributionList: {} }))).toBe('ANSWER_NOT_FROM_AWS');
    expect(codeOf(listing({ ...AWS_ANSWER, DistributionList: { IsTruncated: false, Quantity: 0 } }))).toBe('passed');
    expect(codeOf(() => checkAnswer('IAM', 'ListServerCertificates', { ...AWS_ANSWER }, 'AWS'))).toBe(
      'ANSWER_NOT_FROM_AWS',
    );
    expect(codeOf(() => checkAnswer('STS', 'GetCallerIdentity', { ...AWS_ANSWER, Account: '1' }, 'AWS'))).toBe(
      'ANSWER_NOT_FROM_AWS',
    );
  });

  it('names the service and the endpoint, not IAM, for other services', () => {
    expect(() => checkAnswer('Elastic Load Balancing v2', 'DescribeListeners', {}, 'http://proxy:8080')).toThrow(
      /Elastic Load Balancing at http:\/\/proxy:8080 answered DescribeListeners with an empty response/,
    );
  });
});

describe('paging ends', () => {
  it('a marker that comes again ends paging with PAGING_LOOPS after two pages', async () => {
    let calls = 0;
    const looping = allPages(async () => {
      calls += 1;
      return { items: [calls], marker: 'again' };
    });
    await expect(looping).rejects.toMatchObject({ code: 'PAGING_LOOPS' });
    expect(calls).toBe(2);
  });

  it(`a listing that never ends stops after ${MAX_PAGES.toLocaleString('en-US')} pages`, async () => {
    let calls = 0;
    const endless = allPages(async () => ({ items: [], marker: `m${(calls += 1)}` }));
    await expect(endless).rejects.toMatchObject({ code: 'PAGING_LOOPS' });
    expect(calls).toBe(MAX_PAGES);
  });

  it('a page that says more follow but names no marker is not the last page: an error', () => {
    expect(codeOf(() => truncatedMarker({ IsTruncated: true }))).toBe('ANSWER_NOT_FROM_AWS');
    expect(truncatedMarker({ IsTruncated: false })).toBeUndefined();
    expect(truncatedMarker({ IsTruncated: true, Marker: 'next' })).toBe('next');
  });
});

describe('nothing from an answer becomes a path unchecked', () => {
  it.each(['../.ec2/pk-amazon', '..', '.', 'a/b', 'line\nbreak', 'x'.repeat(129), '', '../../../some/dir'])(
    '%j is refused as a file name',
    (name) => {
      expect(codeOf(() => fileNamePart(name, 'certificate name'))).toBe('UNSAFE_NAME');
    },
  );

  it('the rotation record stays inside IAMCERT_HOME: a hostile account or name is refused', () => {
    expect(journalPath('123456789012', 'www-2026', '/home/me/.iamcert')).toBe(
      '/home/me/.iamcert/rotations/123456789012/www-2026.json',
    );
    expect(codeOf(() => journalPath('../../../some/dir', 'www', '/h'))).toBe('UNSAFE_NAME');
    expect(codeOf(() => journalPath('123456789012', '..', '/h'))).toBe('UNSAFE_NAME');
  });
});
