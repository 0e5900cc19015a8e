import type { Holdings } from '../../../src/core/radar/holdings.js';

export const NOW = new Date('2026-12-03T12:00:00Z');
const days = (count: number) => new Date(NOW.getTime() + count * 86_400_000).toISOString();

/** Two accounts as the radar sees them: something due of every kind, and things not due beside them. */
export function twoAccounts(): Holdings[] {
  return [
    {
      account: '111111111111',
      profile: 'prod',
      serverCertificates: [
        {
          name: 'www-2026',
          path: '/',
          id: 'ASCA1',
          arn: 'arn:aws:iam::111111111111:server-certificate/www-2026',
          expiration: days(-3),
        },
        {
          name: 'api-2027',
          path: '/',
          id: 'ASCA2',
          arn: 'arn:aws:iam::111111111111:server-certificate/api-2027',
          expiration: days(200),
        },
      ],
      acm: [
        {
          arn: 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111',
          region: 'us-east-1',
          domain: 'shop.example.com',
          names: ['shop.example.com'],
          moreNames: false,
          status: 'ISSUED',
          type: 'IMPORTED',
          keyType: 'EC_secp384r1',
          notAfter: days(12),
          exportable: false,
          inUse: true,
        },
        {
          arn: 'arn:aws:acm:us-east-1:111111111111:certificate/22222222-2222-2222-2222-222222222222',
          region: 'us-east-1',
          domain: 'auto.example.com',
          names: ['auto.example.com'],
          moreNames: false,
          status: 'ISSUED',
          type: 'AMAZON_ISSUED',
          keyType: 'RSA_2048',
          notAfter: days(20),
          renewalEligibility: 'ELIGIBLE',
          exportable: false,
          inUse: true,
        },
      ],
      acmRegions: ['eu-west-1', 'us-east-1'],
      users: [
        {
          user: 'alice',
          arn: 'arn:aws:iam::111111111111:user/alice',
          accessKeys: [
            { slot: 1, active: true, lastRotated: days(-120), lastUsed: days(-1) },
            { slot: 2, active: true, lastRotated: days(-10), lastUsed: days(-2) },
          ],
          signingCertificates: 1,
        },
        {
          user: 'bob',
          arn: 'arn:aws:iam::111111111111:user/bob',
          accessKeys: [{ slot: 1, active: true, lastRotated: days(-50) }],
          signingCertificates: 0,
        },
      ],
      signing: [
        {
          id: 'SIGNINGCERTIFICATE0001',
          userName: 'alice',
          status: 'Active',
          notAfter: days(25),
          body: 'PEM',
          uploadDate: days(-340),
        },
      ],
      notes: [],
    },
    {
      account: '222222222222',
      serverCertificates: [
        {
          name: 'edge',
          path: '/cloudfront/',
          id: 'ASCB1',
          arn: 'arn:aws:iam::222222222222:server-certificate/cloudfront/edge',
          expiration: days(29),
        },
      ],
      acm: [],
      acmRegions: ['us-east-1'],
      notes: [],
    },
  ];
}
