import { afterEach, describe, expect, it } from 'vitest';
import type { AcmCertificateRow } from '../../src/core/acm/list.js';
import type { AcmDetails } from '../../src/core/acm/describe.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());
const DAY = 86_400_000;
const ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-1111-1111-1111-111111111111';

const acmRow: AcmCertificateRow = {
  arn: ARN,
  region: 'us-east-1',
  domain: 'shop.example.com',
  names: ['shop.example.com'],
  moreNames: false,
  status: 'ISSUED',
  type: 'IMPORTED',
  keyType: 'EC_secp384r1',
  notAfter: new Date(Date.now() + 5 * DAY).toISOString(),
  expiryState: '≤30 days',
  exportable: false,
  inUse: true,
};

const details: AcmDetails = {
  arn: ARN,
  region: 'us-east-1',
  domain: 'shop.example.com',
  names: ['shop.example.com', 'www.shop.example.com'],
  status: 'ISSUED',
  type: 'IMPORTED',
  keyType: 'EC_secp384r1',
  notAfter: acmRow.notAfter!,
  exportable: false,
  keyUsages: ['DIGITAL_SIGNATURE'],
  extendedKeyUsages: ['TLS_WEB_SERVER_AUTHENTICATION'],
  inUseBy: [
    {
      arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/1',
      whose: 'this account',
      service: 'elasticloadbalancing',
    },
    {
      arn: 'arn:aws:elasticloadbalancing:us-east-1:999999999999:loadbalancer/app/partner/2',
      whose: 'another account',
      service: 'elasticloadbalancing',
    },
  ],
};

const services = () =>
  stubServices({
    listServerCertificates: async () => [
      {
        name: 'www-2027',
        path: '/',
        id: 'ASCAWWW',
        arn: 'arn:aws:iam::111122223333:server-certificate/www-2027',
        expiration: new Date(Date.now() + 200 * DAY).toISOString(),
        expiryState: 'ok',
      },
    ],
    listAcmCertificates: async () => ({ rows: [acmRow], notes: [], regions: ['us-east-1'] }),
    describeAcmCertificate: async () => details,
  });

describe('the inventory with ACM beside IAM', () => {
  it('lists both, STORE telling them apart; an ACM row offers no IAM-only action, and Enter opens its ACM facts', async () => {
    app = await renderApp(services(), { route: { screen: 'servers' } });
    const frame = await app.waitForText('shop.example.com');
    expect(frame).toMatch(/shop\.example\.com\s+ACM us-east-1/);
    expect(frame).toMatch(/www-2027\s+IAM \//);
    // The ACM certificate expires first, so it is the highlighted row: no rotate, rename or export for it.
    const footer = frame.split('\n').pop()!;
    expect(footer).not.toMatch(/R rotate|e rename|x export/);
    await app.press(KEYS.enter);
    const opened = await app.waitForText('another account');
    expect(opened).toMatch(/key\s+EC P-384/);
    expect(opened).toMatch(/renewal\s+imported: renew it yourself by re-importing/);
    expect(opened).toContain('partner/2 (another account, elasticloadbalancing)');
  });

  it('an ACM region that cannot be read is one line, and the IAM rows are still listed', async () => {
    app = await renderApp(
      stubServices({
        listServerCertificates: services().listServerCertificates,
        listAcmCertificates: async () => ({
          rows: [],
          notes: [{ where: 'ACM in ap-east-1', code: 'REGION_DISABLED', message: 'not enabled', fix: 'enable it' }],
          regions: ['us-east-1', 'ap-east-1'],
        }),
      }),
      { route: { screen: 'servers' } },
    );
    const frame = await app.waitForText('ACM incomplete');
    expect(frame).toContain('ACM in ap-east-1 (REGION_DISABLED)');
    expect(frame).toContain('www-2027');
  });
});

describe('the inventory over every account (A)', () => {
  it('lists each account with an ACCOUNT column, says which profile was not read, and acts only in this one', async () => {
    const held = (account: string, name: string) => ({
      account,
      profile: account === '111122223333' ? 'dev' : 'prod',
      serverCertificates: [
        {
          name,
          path: '/',
          id: `ASCA${account}`,
          arn: `arn:aws:iam::${account}:server-certificate/${name}`,
          expiration: new Date(Date.now() + 100 * DAY).toISOString(),
          expiryState: 'ok' as const,
        },
      ],
      acm: [],
      acmRegions: ['us-east-1'],
      notes: [],
    });
    app = await renderApp(
      stubServices({
        ...services(),
        inventoryEverywhere: async () => ({
          holdings: [held('111122223333', 'dev-www'), held('999988887777', 'prod-www')],
          failures: [{ profile: 'broken', code: 'UNREACHABLE', message: 'Could not reach IAM.', fix: 'Check it.' }],
        }),
      }),
      { route: { screen: 'servers' } },
    );
    await app.waitForText('www-2027');
    await app.press('A');
    const frame = await app.waitForText('prod-www');
    expect(frame).toMatch(/NAME\s+STORE\s+EXPIRES ↑\s+ACCOUNT/);
    expect(frame).toMatch(/dev-www\s+IAM \/.*111122223333/);
    expect(frame).toMatch(/prod-www\s+IAM \/.*999988887777/);
    expect(frame).toContain('profile broken NOT READ: UNREACHABLE');
    // The other account's row: looked at, not acted on.
    await app.type('/prod');
    await app.press(KEYS.enter);
    await app.press(KEYS.enter);
    await app.waitForText('prod-www is in account 999988887777: type :profile prod to act there.');
    expect(app.frame().split('\n').pop()).not.toMatch(/R rotate|e rename/);
  });
});

describe('what could not be read, in one line (#18)', () => {
  it('38 regions not read are one line, counted by code, and ? lists each', async () => {
    const regions = Array.from({ length: 38 }, (_, index) => `region-${index}`);
    app = await renderApp(
      stubServices({
        ...services(),
        servedBy: async () => ({
          consumers: [],
          notes: regions.map((region, index) => ({
            where: `application and network load balancers in ${region}`,
            code: index === 0 ? 'TIMEOUT' : 'ACCESS_DENIED',
            message: 'no',
            fix: 'grant it',
          })),
        }),
      }),
      { route: { screen: 'servers' } },
    );
    const frame = await app.waitForText('USED BY incomplete');
    expect(frame).toContain('! USED BY incomplete: 38 places not read, ? lists them (37 ACCESS_DENIED, 1');
    expect(frame.split('\n').filter((line) => line.includes('region-'))).toHaveLength(0);
    expect(frame.split('\n')).toHaveLength(24);
    expect(frame.split('\n').pop()).toMatch(/esc back/);
    await app.press('?');
    await app.waitForText('Help: server certificates');
    // The help scrolls: a page at a time to its end, every note read on the way.
    const pages = [app.frame()];
    for (let page = 0; page < 12; page += 1) {
      const moved = await app.press(KEYS.pgdn).then(
        () => true,
        () => false,
      );
      if (!moved) break;
      pages.push(app.frame());
    }
    const help = pages.join(' ').replace(/[│\s]+/g, ' ');
    for (const region of ['region-0: TIMEOUT', 'region-37: ACCESS_DENIED']) expect(help).toContain(region);
  });
});
