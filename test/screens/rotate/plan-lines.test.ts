import { describe, expect, it } from 'vitest';
import type { RotationPlan } from '../../../src/core/rotation/plan-types.js';
import type { Consumer } from '../../../src/core/usage/consumers.js';
import { confirmDetails, planLines } from '../../../src/screens/rotate/plan-lines.js';
import { certificateRef, rotationPlan } from '../../helpers/rotation-plan.js';

const alb = (port: number): Consumer => ({
  kind: 'ALB',
  region: 'us-east-1',
  name: 'web',
  listener: `HTTPS:${port}`,
  role: 'default',
  certificate: { arn: certificateRef('old').arn },
});
const cloudfront: Consumer = { kind: 'CloudFront', region: 'global', name: 'E2LAST', certificate: { id: 'ASCAold' } };

const plan = (swaps: Consumer[], overrides: Partial<RotationPlan> = {}) =>
  rotationPlan('old', 'new', { swaps, ...overrides });

describe("Rotate's plan", () => {
  it('says what stops it before the places it moves, however many there are', () => {
    const lines = planLines(
      plan([...[443, 8443, 9443].map(alb), cloudfront], {
        ready: false,
        checks: [{ code: 'CLOUDFRONT_PATH', severity: 'error', message: 'Not under /cloudfront/.', fix: 'Move it.' }],
        notes: [{ where: 'ALB in ap-south-1', code: 'ACCESS_DENIED', message: 'Denied.', fix: 'Ask.' }],
      }),
    );
    const at = (text: string) => lines.findIndex((line) => line.text.includes(text));
    expect(at('Not under /cloudfront/.')).toBeGreaterThan(at('new'));
    expect(at('ALB in ap-south-1 not looked at')).toBeGreaterThan(at('Not under /cloudfront/.'));
    expect(at('Moved from the old to the new (4)')).toBeGreaterThan(at('ALB in ap-south-1 not looked at'));
    expect(lines.filter((line) => line.prefix === '  → ')).toHaveLength(4);
    expect(lines.at(-1)!.text).toBe('Looked in us-east-1 and CloudFront.');
  });

  it('under the typed confirmation: four places, and the rest counted by kind, never "and 1 more"', () => {
    expect(confirmDetails(plan([...[1, 2, 3, 4].map(alb), cloudfront]))).toHaveLength(5);
    const seven = confirmDetails(plan([...[1, 2, 3, 4, 5, 6].map(alb), cloudfront]));
    expect(seven).toHaveLength(5);
    expect(seven.at(-1)).toBe('and 3 more (2 ALB, 1 CF)');
  });
});
