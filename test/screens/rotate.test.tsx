import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RotationPlan, RotationRequest } from '../../src/core/rotation/plan-types.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';
import { fixtures } from '../helpers/use-fixtures.js';
import { certificateRef, rotationPlan } from '../helpers/rotation-plan.js';

const fx = fixtures();
let app: Rendered | undefined;
afterEach(() => app?.unmount());

const ref = certificateRef;
const plan = (overrides: Partial<RotationPlan> = {}) => rotationPlan('www-2026', 'www-2027', overrides);

const rows = [
  {
    name: 'www-2027',
    path: '/',
    id: 'ASCAwww-2027',
    arn: ref('www-2027').arn,
    expiration: '2027-06-01T00:00:00.000Z',
    expiryState: 'ok' as const,
  },
];

describe('rotate, as a new user meets it (#18)', () => {
  it('the name hint says the name that will be used, worked out from the certificate file', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows }), {
      route: { screen: 'rotate', name: 'www-2026' },
      columns: 200,
    });
    await app.waitForText('1 of 1');
    await app.press('f');
    await app.waitForText('Private key');
    await app.type(fx.path('leaf.pem'));
    for (let field = 0; field < 3; field += 1) await app.press(KEYS.down);
    const notAfter = new X509Certificate(readFileSync(fx.path('leaf.pem'))).validTo;
    const expected = `www-${new Date(notAfter).toISOString().slice(0, 10).replaceAll('-', '')}`;
    await app.waitForText(`Leave empty: ${expected}`);
    expect(app.frame()).not.toContain('20271130');
  });

  it('with a ✗ in the plan, Enter is offered as "why not" and says why; consumers on the new one already are apart from the moved', async () => {
    const blocked = plan({
      ready: false,
      checks: [
        {
          code: 'NAMES_DO_NOT_COVER',
          severity: 'error',
          message: 'It does not cover shop.example.com.',
          fix: 'Pick another.',
        },
      ],
      alreadyOnNew: [
        {
          kind: 'NLB',
          region: 'us-east-1',
          name: 'edge',
          listener: 'TLS:443',
          role: 'default',
          certificate: { arn: ref('www-2027').arn },
        },
      ],
    });
    app = await renderApp(
      stubServices({ listServerCertificates: async () => rows, planRotation: async () => blocked }),
      {
        route: { screen: 'rotate', name: 'www-2026' },
        columns: 120,
      },
    );
    await app.waitForText('1 of 1');
    await app.press(KEYS.enter);
    // The footer follows the plan by a frame: wait for both.
    const frame = await app.waitFor(
      (shown) => shown.includes('Moved from the old to the new (1)') && /enter why not/.test(shown),
      'the plan and its footer',
    );
    expect(frame).not.toMatch(/enter rotate/);
    expect(frame).toContain('Served by www-2027 already, left as they are (1):');
    await app.press(KEYS.enter);
    await app.waitForText('Not rotated: fix the ✗ at the top of the plan first');
  });

  for (const [columns, rowsHigh] of [
    [80, 24],
    [60, 20],
  ] as const)
    it(`at ${columns}×${rowsHigh}, a plan moving 9 consumers shows its ✗ first and scrolls to every consumer (found by hand)`, async () => {
      const alb = (region: string, port: number) => ({
        kind: 'ALB' as const,
        region,
        name: `web-${region}`,
        listener: `HTTPS:${port}`,
        role: 'default' as const,
        certificate: { arn: ref('www-2026').arn },
      });
      const swaps = [
        ...['eu-west-1', 'us-east-1'].flatMap((region) => [443, 8443, 9443].map((port) => alb(region, port))),
        ...[1, 2].map((n) => ({
          kind: 'ELB' as const,
          region: 'us-east-1',
          name: `classic-${n}`,
          listener: 'HTTPS:443',
          certificate: { arn: ref('www-2026').arn },
        })),
        { kind: 'CloudFront' as const, region: 'global', name: 'E2LASTONE', certificate: { id: ref('www-2026').id } },
      ];
      const blocked = plan({
        ready: false,
        swaps,
        alreadyOnNew: [
          {
            kind: 'NLB',
            region: 'eu-west-1',
            name: 'edge',
            listener: 'TLS:443',
            role: 'default',
            certificate: { arn: ref('www-2027').arn },
          },
        ],
        checks: [
          {
            code: 'CLOUDFRONT_PATH',
            severity: 'error',
            message: 'A CloudFront distribution serves the old certificate, and CloudFront only sees /cloudfront/.',
            fix: 'Upload it again under /cloudfront/.',
          },
        ],
      });
      app = await renderApp(
        stubServices({ listServerCertificates: async () => rows, planRotation: async () => blocked }),
        { route: { screen: 'rotate', name: 'www-2026' }, columns, rows: rowsHigh },
      );
      await app.waitForText('1 of 1');
      await app.press(KEYS.enter);
      const first = await app.waitFor(
        (shown) => shown.includes('✗ A CloudFront distribution') && /enter why not/.test(shown),
        'the plan, its ✗ and its footer',
      );
      expect(first.replace(/\s+/g, ' ')).toContain('Fix: Upload it again under /cloudfront/.');
      expect(first).toMatch(/lines 1–\d+ of \d+/);
      expect(first.split('\n')).toHaveLength(rowsHigh);
      await app.press('G');
      const last = await app.waitForText('Looked in');
      expect(last).toContain('CloudFront E2LASTONE');
      expect(last.split('\n')).toHaveLength(rowsHigh);
      await app.press(KEYS.enter);
      await app.waitForText('Not rotated: fix the ✗ at the top of the plan first');
    });

  it('after a failed retirement, m changes the mode and r finishes with it', async () => {
    const asked: RotationRequest[] = [];
    let runs = 0;
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => rows,
        planRotation: async (request) => {
          asked.push(request);
          return plan({
            retire: {
              mode: request.retire,
              ...(request.retire === 'rename' ? { as: 'www-2026-retired-20261204' } : {}),
            },
          });
        },
        runRotation: async (_request, current) => {
          runs += 1;
          return runs === 1
            ? {
                ok: false,
                steps: [{ id: 'retire', label: `Rename www-2026`, status: 'failed' as const }],
                problem: {
                  code: 'ACCESS_DENIED',
                  message: 'Not allowed to call iam:UpdateServerCertificate.',
                  fix: 'Ask for it.',
                },
              }
            : {
                ok: true,
                steps: [{ id: 'retire', label: `${current.retire.mode} www-2026`, status: 'done' as const }],
              };
        },
      }),
      { route: { screen: 'rotate', name: 'www-2026' }, columns: 120 },
    );
    await app.waitForText('1 of 1');
    await app.press(KEYS.enter);
    await app.waitForText('Moved from the old to the new (1)');
    await app.press(KEYS.enter);
    await app.waitForText('Type www-2026 to confirm');
    await app.type('www-2026');
    await app.press(KEYS.enter);
    const failed = (await app.waitForText('Not allowed to call')).replace(/\s*\n\s*/g, ' ');
    expect(failed).toContain('then rename www-2026 to www-2026-retired-20261204 (m changes this)');
    await app.waitFor((frame) => /m retire/.test(frame), 'm in the footer');
    await app.press('m');
    await app.waitForText('then delete www-2026 (m changes this)');
    await app.press('m');
    await app.waitForText('then keep www-2026 (m changes this)');
    await app.press('r');
    await app.waitForText('Rotated');
    expect(asked.at(-1)?.retire).toBe('keep');
  });
});
