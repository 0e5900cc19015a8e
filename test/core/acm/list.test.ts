import { describe, expect, it } from 'vitest';
import { listAcmCertificates, listAcmEverywhere } from '../../../src/core/acm/list.js';
import { ACM_KEY_TYPES } from '../../../src/core/acm/key-types.js';
import { acmError, scriptedAcm } from '../../helpers/acm.js';

const summary = (id: number, keyAlgorithm: string) => ({
  CertificateArn: `arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-${String(id).padStart(12, '0')}`,
  DomainName: `site${id}.example.com`,
  SubjectAlternativeNameSummaries: [`site${id}.example.com`],
  Status: 'ISSUED',
  Type: 'IMPORTED',
  KeyAlgorithm: keyAlgorithm,
  NotAfter: 1_830_000_000,
  InUse: id === 1,
});

describe('ACM listing, on recorded answers', () => {
  it('every call names every key type (ACM lists only RSA 1024 and 2048 otherwise), across every page', async () => {
    const pages = [
      { CertificateSummaryList: [summary(1, 'RSA-2048'), summary(2, 'EC-prime256v1')], NextToken: 'two' },
      { CertificateSummaryList: [summary(3, 'RSA-4096')], NextToken: 'three' },
      { CertificateSummaryList: [summary(4, 'EC-secp521r1')] },
    ];
    const { clients, calls } = scriptedAcm((call) => ({ status: 200, body: pages[calls.indexOf(call)] }));
    const rows = await listAcmCertificates(clients, 'us-east-1');
    expect(rows.map((row) => row.keyType)).toEqual(['RSA_2048', 'EC_prime256v1', 'RSA_4096', 'EC_secp521r1']);
    expect(calls.map((call) => call.input.NextToken)).toEqual([undefined, 'two', 'three']);
    for (const call of calls) {
      expect(call.action).toBe('ListCertificates');
      expect(call.region).toBe('us-east-1');
      expect((call.input.Includes as { keyTypes: string[] }).keyTypes).toEqual([...ACM_KEY_TYPES]);
    }
    expect(rows[0]).toMatchObject({ inUse: true, type: 'IMPORTED', notAfter: '2027-12-28T13:20:00.000Z' });
  });

  it('an empty 200 is an error, never "no certificates"', async () => {
    const { clients } = scriptedAcm(() => ({ status: 200, body: {} }));
    await expect(listAcmCertificates(clients, 'us-east-1')).rejects.toMatchObject({ code: 'ANSWER_NOT_FROM_AWS' });
  });

  it('a NextToken that comes back again ends the listing with PAGING_LOOPS', async () => {
    const { clients, calls } = scriptedAcm(() => ({
      status: 200,
      body: { CertificateSummaryList: [], NextToken: 'again' },
    }));
    await expect(listAcmCertificates(clients, 'us-east-1')).rejects.toMatchObject({ code: 'PAGING_LOOPS' });
    expect(calls).toHaveLength(2);
  });

  it('a region that cannot be read is a note naming it; the other regions are still listed', async () => {
    const { clients } = scriptedAcm((call) =>
      call.region === 'ap-east-1'
        ? acmError('UnrecognizedClientException', 'The security token included in the request is invalid.')
        : { status: 200, body: { CertificateSummaryList: [summary(1, 'RSA-2048')] } },
    );
    const listing = await listAcmEverywhere(clients, ['us-east-1', 'ap-east-1']);
    expect(listing.rows).toHaveLength(1);
    expect(listing.notes).toEqual([
      expect.objectContaining({
        where: 'ACM in ap-east-1',
        code: 'REGION_DISABLED',
        fix: expect.stringContaining('--acm-regions'),
      }),
    ]);
  });
});
