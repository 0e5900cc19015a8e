import { fail, CHECK_THE_WAY_TO_AWS } from '../errors.js';

/**
 * What each operation's answer always holds, for every service iamcert calls. The SDK turns an empty or
 * HTML 200 (a proxy, a captive portal, a misconfigured endpoint) into `{}`, and `?? []` would then read
 * it as "no load balancers": every answer is checked here first, and one without these parts is an error.
 * A path with dots reaches inside ("DistributionList.IsTruncated"). The list element is what tells an AWS answer from
 * an empty one; IsTruncated is required where moto, the emulator the tests run on, sends it too (a missing one reads
 * as the last page, and a truncated page without its marker fails in pages.ts).
 */
const ALWAYS: Record<string, Record<string, string[]>> = {
  IAM: {
    ListServerCertificates: ['ServerCertificateMetadataList', 'IsTruncated'],
    GetServerCertificate: ['ServerCertificate.ServerCertificateMetadata', 'ServerCertificate.CertificateBody'],
    UploadServerCertificate: ['ServerCertificateMetadata'],
    ListSigningCertificates: ['Certificates'],
    UploadSigningCertificate: ['Certificate'],
    ListUsers: ['Users'],
    ListGroups: ['Groups'],
    ListGroupsForUser: ['Groups'],
    ListPolicies: ['Policies'],
    ListAttachedGroupPolicies: ['AttachedPolicies'],
    ListAccessKeys: ['AccessKeyMetadata'],
    GetUser: ['User'],
    GetGroup: ['Group', 'Users'],
    CreateUser: ['User'],
    CreateGroup: ['Group'],
    CreateAccessKey: ['AccessKey'],
    GetAccountSummary: ['SummaryMap'],
    GenerateCredentialReport: ['State'],
    GetCredentialReport: ['Content'],
  },
  STS: { GetCallerIdentity: ['Account', 'Arn'] },
  EC2: { DescribeRegions: ['Regions'] },
  'Elastic Load Balancing': { DescribeLoadBalancers: ['LoadBalancerDescriptions'] },
  'Elastic Load Balancing v2': {
    DescribeLoadBalancers: ['LoadBalancers'],
    DescribeListeners: ['Listeners'],
    DescribeListenerCertificates: ['Certificates'],
    ModifyListener: ['Listeners'],
    AddListenerCertificates: ['Certificates'],
  },
  ACM: {
    ListCertificates: ['CertificateSummaryList'],
    DescribeCertificate: ['Certificate.CertificateArn'],
    ImportCertificate: ['CertificateArn'],
    GetCertificate: ['Certificate'],
  },
  CloudFront: {
    ListDistributions: ['DistributionList.IsTruncated', 'DistributionList.Quantity'],
    GetDistributionConfig: ['DistributionConfig', 'ETag'],
    UpdateDistribution: ['Distribution'],
  },
};

/** How a person names the service, in errors. */
export const SERVICE_WORDS: Record<string, string> = {
  'Elastic Load Balancing': 'Elastic Load Balancing (classic)',
  'Elastic Load Balancing v2': 'Elastic Load Balancing',
};

function present(answer: object, path: string): boolean {
  let value: unknown = answer;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !(part in value)) return false;
    value = (value as Record<string, unknown>)[part];
  }
  return value !== undefined && value !== null;
}

/**
 * Fails unless `answer` is what `action` of `serviceId` always returns: a request ID or a field at all
 * (EMPTY_ANSWER), and every part the table names (ANSWER_NOT_FROM_AWS).
 */
export function checkAnswer(serviceId: string, action: string, answer: unknown, endpoint: string): void {
  const service = SERVICE_WORDS[serviceId] ?? serviceId;
  const from = endpoint === 'AWS' ? service : `${service} at ${endpoint}`;
  const fix = CHECK_THE_WAY_TO_AWS;
  if (typeof answer !== 'object' || answer === null) {
    fail('EMPTY_ANSWER', `${from} answered ${action} with an empty response, not an AWS answer.`, fix);
  }
  const { $metadata, ...fields } = answer as { $metadata?: { requestId?: string } };
  if (!$metadata?.requestId && Object.keys(fields).length === 0) {
    fail('EMPTY_ANSWER', `${from} answered ${action} with an empty response, not an AWS answer.`, fix);
  }
  const missing = (ALWAYS[serviceId]?.[action] ?? []).filter((path) => !present(answer, path));
  if (missing.length > 0) {
    fail(
      'ANSWER_NOT_FROM_AWS',
      `The answer from ${from} to ${action} was not an AWS answer: it lacks ${missing.join(' and ')}. A proxy or captive portal?`,
      fix,
    );
  }
}
