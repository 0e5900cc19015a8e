import { describe, expect, it } from 'vitest';
import { matchingPolicies } from '../../../src/core/iam/managed-policies.js';
import { listManagedPolicies, resolvePolicyArns } from '../../../src/core/iam/users-and-groups.js';
import { motoClients } from '../../helpers/iam.js';

describe('AWS-managed policies (moto)', () => {
  it('are listed once, searched by part of the name, and resolved by exact name or ARN', async () => {
    const clients = motoClients();
    const all = await listManagedPolicies(clients);
    expect(all.length).toBeGreaterThan(100);
    expect(matchingPolicies(all, ' ec2readonly ').map((policy) => policy.name)).toContain('AmazonEC2ReadOnlyAccess');
    const byName = all.find((policy) => policy.name === 'AmazonEC2ReadOnlyAccess')!;
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    expect(await resolvePolicyArns(clients, ['AmazonEC2ReadOnlyAccess', arn])).toEqual([byName.arn, arn]);
  });

  it('a name that is not exact fails with the closest names as suggestions', async () => {
    await expect(resolvePolicyArns(motoClients(), ['AmazonEC2ReadOnly'])).rejects.toMatchObject({
      code: 'NO_SUCH_POLICY',
      fix: expect.stringContaining('AmazonEC2ReadOnlyAccess'),
    });
  });
});
