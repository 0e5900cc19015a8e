import { afterEach, describe, expect, it } from 'vitest';
import type { DueItem } from '../../src/core/radar/due.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

const item = (overrides: Partial<DueItem>): DueItem => ({
  kind: 'server-certificate',
  store: 'IAM',
  account: '111122223333',
  name: 'www-2026',
  id: 'arn:aws:iam::111122223333:server-certificate/www-2026',
  date: '2026-12-10T00:00:00.000Z',
  days: 7,
  reason: 'expires-soon',
  action: 'rotate',
  slot: 'a',
  ...overrides,
});

const ACM_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-1111-1111-1111-111111111111';

describe('the expiry radar screen', () => {
  it('lists what is due with its fix in app words, asks for the credential report, and Enter opens the fix', async () => {
    const asked: boolean[] = [];
    app = await renderApp(
      stubServices({
        radar: async (people) => {
          asked.push(people);
          return {
            people,
            notes: [{ where: 'ACM in ap-east-1', code: 'REGION_DISABLED', message: '', fix: '' }],
            items: [
              item({
                kind: 'acm-certificate',
                store: 'ACM',
                region: 'us-east-1',
                name: 'shop.example.com',
                id: ACM_ARN,
                action: 'reimport',
                days: 3,
                slot: 'b',
              }),
              item({
                kind: 'access-key',
                name: 'alice',
                id: 'access key 1',
                reason: 'key-old',
                action: 'rotate-access-key',
                days: 120,
                slot: 'c',
              }),
            ],
          };
        },
        describeAcmCertificate: async (arn) => ({
          arn,
          region: 'us-east-1',
          domain: 'shop.example.com',
          names: [],
          status: 'ISSUED',
          type: 'IMPORTED',
          keyType: 'RSA_2048',
          exportable: false,
          keyUsages: [],
          extendedKeyUsages: [],
          inUseBy: [],
        }),
      }),
      { route: { screen: 'radar' } },
    );
    const frame = await app.waitForText('2 of 2');
    expect(asked).toContain(true);
    expect(frame).toMatch(/expires in 3 days\s+shop\.example\.com\s+ACM us-east-1/);
    expect(frame).toMatch(/120 days old\s+alice\s+IAM key 1/);
    // The highlighted row's fix, whole, wrapped under its label.
    expect(frame.replace(/\s+/g, ' ')).toContain(
      'fix ACM certificate shop.example.com: enter: details; a re-import renews it in place',
    );
    expect(frame).toContain('Not read, so not on the radar: ACM in ap-east-1 (REGION_DISABLED)');
    expect(frame).not.toMatch(/--[a-z]/);
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('No screen for this in iamcert yet');
    await app.press(KEYS.up);
    await app.press(KEYS.enter);
    await app.waitForText('imported: renew it yourself by re-importing');
  });
});
