import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingSniRestores, recordSniList, type SniRecord } from '../../../src/core/rotation/sni-journal.js';
import { restoreSniList } from '../../../src/core/rotation/swap.js';
import type { ServingClients } from '../../../src/core/usage/serving-clients.js';

const place = () => ({ account: '111122223333', home: mkdtempSync(join(tmpdir(), 'iamcert-sni-journal-')) });
const record: SniRecord = {
  listenerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/web/1/2',
  region: 'eu-west-1',
  where: 'ALB web (eu-west-1) HTTPS:443, default',
  sni: ['arn:aws:iam::111122223333:server-certificate/neighbour'],
  from: 'arn:aws:iam::111122223333:server-certificate/old',
  to: 'arn:aws:iam::111122223333:server-certificate/new',
  at: '2026-12-03T10:00:00.000Z',
};

/** ELBv2 answering every call with the error given (the SDK's own shape: name and $metadata). */
function answering(error: Error): ServingClients {
  const client = { config: { serviceId: 'Elastic Load Balancing v2' }, send: () => Promise.reject(error) };
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    region: 'eu-west-1',
    endpointLabel: 'AWS',
    elb: unused,
    elbv2: async () => client as never,
    elbv2WithoutRetries: async () => client as never,
    cloudfront: unused,
    acm: unused,
    acmWithoutRetries: unused,
    ec2: unused,
  };
}

describe('the SNI record of a stopped rotation', () => {
  it('is kept by the rotation of that certificate only, and read back as written', async () => {
    const journal = place();
    await recordSniList(journal, record);
    expect(await pendingSniRestores(journal, record.from)).toEqual([record]);
    expect(await pendingSniRestores(journal, 'arn:aws:iam::111122223333:server-certificate/other')).toEqual([]);
  });

  it('a listener deleted since: the record is cleared, so it does not stop every rerun', async () => {
    const journal = place();
    await recordSniList(journal, record);
    const gone = Object.assign(new Error('One or more listeners not found'), {
      name: 'ListenerNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(restoreSniList(answering(gone), record, { journal })).resolves.toBeUndefined();
    expect(await pendingSniRestores(journal, record.from)).toEqual([]);
  });

  it('any other failure keeps the record for the next run', async () => {
    const journal = place();
    await recordSniList(journal, record);
    const denied = Object.assign(new Error('not allowed'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(restoreSniList(answering(denied), record, { journal })).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
    });
    expect(await pendingSniRestores(journal, record.from)).toEqual([record]);
  });
});
