import { afterEach, describe, expect, it } from 'vitest';
import { IamcertError } from '../../src/core/errors.js';
import { describeAwsError } from '../../src/core/iam/errors.js';
import type { ServerCertificateRow } from '../../src/core/iam/server-certificate-list.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';
import { dueItems, RADAR_DEFAULTS } from '../../src/core/radar/due.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

const row = (name: string, expiryState: ServerCertificateRow['expiryState']): ServerCertificateRow => ({
  name,
  path: '/',
  id: name,
  arn: `arn:${name}`,
  expiration: '2027-01-01T00:00:00.000Z',
  expiryState,
});

/** The radar's counts worked out by the core's own radar, over these IAM rows. */
function realDue(rows: ServerCertificateRow[]) {
  return stubServices({
    radar: async (people) => {
      const now = new Date('2026-12-03T00:00:00Z');
      const dated = rows.map((entry) => ({
        ...entry,
        expiration:
          entry.expiryState === 'expired'
            ? '2026-11-01T00:00:00.000Z'
            : entry.expiryState === '≤30 days'
              ? '2026-12-20T00:00:00.000Z'
              : '2028-01-01T00:00:00.000Z',
      }));
      const held = { account: '111122223333', serverCertificates: dated, acm: [], acmRegions: [], notes: [] };
      return { items: dueItems([held], { ...RADAR_DEFAULTS, now }), notes: [], people };
    },
  });
}

describe('home screen', () => {
  it('lists the tasks, shows who you are, and the account status in words', async () => {
    const services = realDue([row('a', 'expired'), row('b', '≤30 days'), row('c', 'ok')]);
    app = await renderApp(services);
    const frame = await app.waitForText('IAM and ACM certificates');
    expect(frame).toContain('1 EXPIRED');
    expect(frame).toContain('1 expiring within 30 days');
    expect(frame).toContain('account 111122223333');
    for (const task of [
      'Create key & certificate',
      'Inspect & convert a file',
      'Server certificates',
      'Expiry radar',
      'Signing certificates',
      'Onboard a new IAM user',
    ])
      expect(frame).toContain(task);
    expect(frame).toMatch(/q quit/);
  });

  it('works offline: says how to connect and keeps the file tasks', async () => {
    app = await renderApp(
      stubServices({
        // What the SDK throws with no credentials anywhere, described as the identity lookup does.
        whoAmI: async () =>
          Promise.reject(
            new IamcertError(
              describeAwsError(
                Object.assign(new Error('Could not load credentials from any providers'), {
                  name: 'CredentialsProviderError',
                }),
                { action: 'GetCallerIdentity', service: 'sts' },
              ),
            ),
          ),
      }),
    );
    const frame = await app.waitForText('Offline');
    expect(frame.split('AWS_ENDPOINT_URL').length - 1).toBe(1);
    expect(frame).toContain(':profile NAME');
    // No flag to a user who ran npm start, and the reason said once (the header names its code).
    // (the aws CLI's own login command keeps its flag: it is typed in a shell)
    expect(frame.replace(/\s+/g, ' ').replace('aws sso login --profile NAME', '')).not.toMatch(/--[a-z]/);
    expect(frame.split('No AWS credentials were found').length - 1).toBe(1);
    expect(frame.split('\n')[0]).toContain('offline (NO_CREDENTIALS)');
    expect(frame).toContain('Server certificates  (needs AWS)');
    await app.press(KEYS.down);
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('needs AWS credentials');
    await app.press(KEYS.up);
    await app.press(KEYS.enter);
    await app.waitForText('File:');
  });

  it('opens the help with ? and closes it with esc', async () => {
    app = await renderApp(stubServices());
    await app.waitForText('Create key');
    await app.press('?');
    await app.waitForText('Help: home');
    await app.press(KEYS.escape);
    await app.waitFor((frame) => !frame.includes('Help: home'), 'help to close');
  });

  it('fits 80×24 and 200×50 without losing the footer', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [200, 50],
    ] as const) {
      app = await renderApp(stubServices(), { columns, rows });
      const frame = await app.waitForText('q quit');
      const lines = frame.split('\n');
      // Header on the first row, the key footer on the last: nothing pushed off either end.
      expect(lines[0]).toMatch(/^iamcert › home/);
      expect(lines.at(-1)).toMatch(/q quit\s*$/);
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(columns);
      app.unmount();
    }
    app = undefined;
  });
});
