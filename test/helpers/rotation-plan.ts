import type { RotationPlan } from '../../src/core/rotation/plan-types.js';

/** A server certificate as a rotation plan names it, in account 111122223333. */
export const certificateRef = (name: string) => ({
  name,
  path: '/',
  arn: `arn:aws:iam::111122223333:server-certificate/${name}`,
  id: `ASCA${name}`,
  expiration: '2027-06-01T00:00:00.000Z',
  names: ['www.example.com'],
});

/** OLD served by one ALB, rotated to NEW (already in IAM), renamed after, nothing in the way; overrides on top. */
export function rotationPlan(old: string, incoming: string, overrides: Partial<RotationPlan> = {}): RotationPlan {
  return {
    old: certificateRef(old),
    incoming: { ...certificateRef(incoming), key: 'RSA 2048', upload: false },
    swaps: [
      {
        kind: 'ALB',
        region: 'us-east-1',
        name: 'web',
        listener: 'HTTPS:443',
        role: 'default',
        certificate: { arn: certificateRef(old).arn },
      },
    ],
    alreadyOnNew: [],
    restores: [],
    checks: [],
    retire: { mode: 'rename', as: `${old}-retired-20261204` },
    notes: [],
    regions: ['us-east-1'],
    ready: true,
    ...overrides,
  };
}
