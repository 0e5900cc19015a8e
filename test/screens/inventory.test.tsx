import { afterEach, describe, expect, it } from 'vitest';
import type { ServerCertificateRow } from '../../src/core/iam/server-certificate-list.js';
import { expiryState } from '../../src/core/time/expiry.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());
const DAY = 86_400_000;

function rows(count: number): ServerCertificateRow[] {
  return Array.from({ length: count }, (_, index) => {
    const expiration = new Date(Date.now() + (index - 2) * 7 * DAY);
    return {
      name: `cert-${String(index).padStart(4, '0')}`,
      path: index % 2 ? '/cloudfront/' : '/',
      id: `ASCA${index}`,
      arn: `arn:aws:iam::111122223333:server-certificate/cert-${index}`,
      uploadDate: '2026-01-01T00:00:00.000Z',
      expiration: expiration.toISOString(),
      expiryState: expiryState(expiration),
    };
  }).reverse();
}

/** An inventory whose deletes take effect and are recorded. */
function deletingInventory(start: ServerCertificateRow[]) {
  const deleted: string[] = [];
  let all = start;
  const services = stubServices({
    listServerCertificates: async () => all,
    deleteServerCertificate: async (name) => {
      deleted.push(name);
      all = all.filter((row) => row.name !== name);
    },
  });
  return { services, deleted };
}

describe('server certificate inventory', () => {
  it('sorts soonest expiry first, says EXPIRED in words, and renders only visible rows of 1,000', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows(1000) }), {
      route: { screen: 'servers' },
    });
    const frame = await app.waitForText('1000 of 1000 · sorted by expiry');
    const lines = frame.split('\n');
    const first = lines.findIndex((line) => line.includes('cert-'));
    expect(lines[first]).toMatch(/cert-0000 .* EXPIRED/);
    expect(lines[first + 3]).toMatch(/cert-0003 .* in (6|7) days/);
    // The list fills what the header, its own lines and the footer leave, and draws no more rows than that.
    const drawn = lines.filter((line) => /cert-\d{4}/.test(line)).length;
    const [, last] = /rows 1–(\d+)/.exec(frame) ?? [];
    expect(drawn).toBe(Number(last));
    expect(lines).toHaveLength(24);
    expect(lines[23]).toMatch(/^esc back/);
    expect(lines[first + drawn]).toMatch(/^ ?1000 of 1000/);
  });

  it('filters with / and changes the sort with s', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows(50) }), {
      route: { screen: 'servers' },
    });
    await app.waitForText('50 of 50 ·');
    await app.press('/');
    await app.type('0049');
    await app.press(KEYS.enter);
    const filtered = await app.waitForText('1 of 50 · filter "0049"');
    expect(filtered).toContain('cert-0049');
    await app.press('/');
    await app.press(KEYS.escape);
    await app.waitForText('50 of 50 ·');
    await app.press('s');
    await app.waitForText('sorted by name');
  });

  /** The inventory on top, with what each Enter opened. */
  function opening(list: () => ServerCertificateRow[]) {
    const opened: string[] = [];
    const services = stubServices({
      listServerCertificates: async () => list(),
      getServerCertificate: async (name) => {
        opened.push(name);
        throw Object.assign(new Error('not needed'), { code: 'NO_SUCH_ENTITY' });
      },
    });
    return { services, opened };
  }

  it('the highlight stays on the same certificate when a refresh lists a new one above it', async () => {
    let all = rows(5);
    const { services, opened } = opening(() => all);
    app = await renderApp(services, { route: { screen: 'servers' } });
    await app.waitForText('5 of 5 ·');
    await app.press('G');
    // Someone uploads a certificate that expires sooner: it sorts above every row.
    const sooner = { ...rows(1)[0]!, name: 'cert-sooner', arn: 'arn:aws:iam::111122223333:server-certificate/sooner' };
    all = [...all, { ...sooner, expiration: new Date(Date.now() - 30 * DAY).toISOString() }];
    await app.press('r');
    await app.waitForText('6 of 6 ·');
    await app.press(KEYS.enter);
    await app.waitFor(() => opened.length > 0, 'the details to open');
    expect(opened).toEqual(['cert-0004']);
  });

  it('the highlight stays on its certificate while the filter narrows and widens, and when the order changes', async () => {
    const { services, opened } = opening(() => rows(12));
    app = await renderApp(services, { route: { screen: 'servers' } });
    await app.waitForText('12 of 12 ·');
    for (let step = 0; step < 7; step += 1) await app.press('j');
    await app.press('/');
    await app.type('cert-000');
    await app.press(KEYS.enter);
    await app.waitForText('10 of 12 · filter "cert-000"');
    await app.press(KEYS.escape);
    await app.waitForText('12 of 12 ·');
    await app.press('s');
    await app.waitForText('sorted by name');
    await app.press(KEYS.enter);
    await app.waitFor(() => opened.length > 0, 'the details to open');
    expect(opened).toEqual(['cert-0007']);
  });

  it('opened to highlight one certificate (back from its upload), Enter opens that one', async () => {
    const all = rows(8);
    const { services, opened } = opening(() => all);
    app = await renderApp(services, {
      route: { screen: 'servers', select: all.find((row) => row.name === 'cert-0005')!.arn },
    });
    await app.waitForText('8 of 8 ·');
    await app.press(KEYS.enter);
    await app.waitFor(() => opened.length > 0, 'the details to open');
    expect(opened).toEqual(['cert-0005']);
  });

  it('typing q into the filter does not quit or leave the screen', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows(5) }), {
      route: { screen: 'servers' },
    });
    await app.waitForText('5 of 5 ·');
    await app.press('/');
    await app.press('q');
    const frame = app.frame();
    expect(frame).toContain('/q');
    expect(frame.split('\n')[0]).toContain('server certificates');
    expect(frame).not.toContain('Create key & certificate');
    await app.press(KEYS.enter);
    expect(app.frame().split('\n')[0]).toContain('server certificates');
    expect(app.frame()).toContain('Nothing matches "q" (of 5)');
  });

  it('deletes only after the name is typed, showing the account', async () => {
    const { services, deleted } = deletingInventory(rows(3));
    app = await renderApp(services, { route: { screen: 'servers' } });
    await app.waitForText('3 of 3 ·');
    await app.press('d');
    const modal = await app.waitForText('Type cert-0000 to confirm');
    expect(modal).toContain('account 111122223333');
    await app.type('wrong');
    await app.press(KEYS.enter);
    await app.waitForText('nothing was done');
    expect(deleted).toEqual([]);
    for (let index = 0; index < 5; index += 1) await app.press(KEYS.backspace);
    await app.type('cert-0000');
    await app.press(KEYS.enter);
    await app.waitForText('2 of 2 ·');
    expect(deleted).toEqual(['cert-0000']);
  });

  it('Space marks expired certificates, d deletes all marked after their count is typed, showing the account and the names', async () => {
    const { services, deleted } = deletingInventory(rows(6));
    app = await renderApp(services, { route: { screen: 'servers' } });
    await app.waitForText('6 of 6 ·');
    await app.press(' ');
    await app.press('j');
    await app.press(' ');
    await app.press('j');
    await app.press(' ');
    await app.waitForText('3 marked');
    await app.press('d');
    const modal = await app.waitForText('Delete 3 server certificates');
    expect(modal).toContain('cert-0000 (/)');
    expect(modal).toContain('cert-0002 (/)');
    expect(modal).toContain('account 111122223333');
    expect(modal).toContain('Type 3 to confirm');
    expect(modal.replace(/\s+/g, ' ')).toContain('Nothing serves any of the 3 now');
    // Keys that would act on the list below go nowhere while the confirmation is open.
    await app.press(KEYS.down, { expectChange: false });
    await app.press('d');
    await app.waitForText('› d');
    await app.press(KEYS.backspace);
    await app.type('3');
    await app.press(KEYS.enter);
    await app.waitForText('3 of 3 ·');
    expect(deleted).toEqual(['cert-0000', 'cert-0001', 'cert-0002']);
    expect(app.frame()).not.toContain('marked');
  });

  it('of three marked, one served: the panel names only that one, and d goes on to delete the other two', async () => {
    const start = rows(6);
    const servedArn = start.find((row) => row.name === 'cert-0001')!.arn;
    const { services: base, deleted } = deletingInventory(start);
    const services = {
      ...base,
      servedBy: async () => ({
        consumers: [
          {
            kind: 'ALB' as const,
            region: 'eu-west-1',
            name: 'web-alb',
            listener: 'HTTPS:443',
            role: 'default' as const,
            certificate: { arn: servedArn },
          },
        ],
        notes: [],
      }),
    };
    app = await renderApp(services, { route: { screen: 'servers' } });
    await app.waitForText('6 of 6 ·');
    for (const key of [' ', 'j', ' ', 'j', ' ']) await app.press(key);
    await app.waitForText('3 marked');
    await app.press('d');
    const panel = await app.waitForText('still served');
    expect(panel).toContain('Not deleted: 1 of 3 are still served (cert-0001)');
    expect(panel).toContain('cert-0001: ALB web-alb (eu-west-1) HTTPS:443');
    expect(panel).toContain('Nothing serves cert-0000, cert-0002: d deletes those 2');
    expect(panel).not.toMatch(/cert-0000: ALB|cert-0002: ALB/);
    await app.press('d');
    const confirm = await app.waitForText('Delete 2 server certificates');
    expect(confirm).not.toContain('cert-0001 (/)');
    await app.type('2');
    await app.press(KEYS.enter);
    await app.waitForText('4 of 4 ·');
    expect(deleted).toEqual(['cert-0000', 'cert-0002']);
  });

  it('of several marked, where one place could not be checked: none is offered for deletion', async () => {
    const { services: base, deleted } = deletingInventory(rows(4));
    const services = {
      ...base,
      servedBy: async () => ({
        consumers: [],
        notes: [
          {
            where: 'application and network load balancers in eu-west-1',
            code: 'EMPTY_ANSWER',
            message: 'The answer was empty.',
            fix: 'Try again.',
          },
        ],
      }),
    };
    app = await renderApp(services, { route: { screen: 'servers' } });
    await app.waitForText('4 of 4 ·');
    for (const key of [' ', 'j', ' ']) await app.press(key);
    await app.press('d');
    const panel = await app.waitForText('could not check everywhere');
    expect(panel).not.toContain('d deletes');
    await app.press('d', { expectChange: false });
    expect(deleted).toEqual([]);
  });

  it('USED BY counts the consumers of each certificate by kind, and marks an expired one still served', async () => {
    const all = rows(3);
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => all,
        servedBy: async () => ({
          consumers: [
            {
              kind: 'ALB' as const,
              region: 'eu-west-1',
              name: 'web',
              listener: 'HTTPS:443',
              role: 'default' as const,
              certificate: { arn: all.find((row) => row.name === 'cert-0000')!.arn },
            },
            { kind: 'CloudFront' as const, name: 'E1', certificate: { id: 'ASCA0' } },
            {
              kind: 'ALB' as const,
              region: 'us-east-1',
              name: 'api',
              listener: 'HTTPS:443',
              role: 'sni' as const,
              certificate: { arn: all.find((row) => row.name === 'cert-0002')!.arn },
            },
          ],
          notes: [
            { where: 'classic load balancers in ap-south-1', code: 'ACCESS_DENIED', message: 'no', fix: 'grant it' },
          ],
        }),
      }),
      { route: { screen: 'servers' } },
    );
    const frame = await app.waitForText('ALB, CF');
    const line = (name: string) => frame.split('\n').find((entry) => entry.includes(name)) ?? '';
    expect(line('cert-0000')).toMatch(/EXPIRED\s+ALB, CF/);
    expect(line('cert-0001')).toMatch(/EXPIRED\s+—/);
    expect(line('cert-0002')).toMatch(/EXPIRED\s+ALB\s+ASCA2/);
    expect(frame).toContain('USED BY incomplete: classic load balancers in ap-south-1 (ACCESS_DENIED)');
  });

  it('d on a certificate that is served says who serves it and deletes nothing', async () => {
    const deleted: string[] = [];
    const all = rows(2);
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => all,
        deleteServerCertificate: async (name) => {
          deleted.push(name);
        },
        servedBy: async (certificates) => ({
          consumers: certificates.map((certificate) => ({
            kind: 'ALB' as const,
            region: 'eu-west-1',
            name: 'web-prod',
            listener: 'HTTPS:443',
            role: 'sni' as const,
            certificate: { arn: certificate.arn },
          })),
          notes: [],
        }),
      }),
      { route: { screen: 'servers' } },
    );
    await app.waitForText('2 of 2 ·');
    await app.press('d');
    const panel = await app.waitForText('still served by');
    expect(panel).toContain('Not deleted: cert-0000');
    expect(panel).toContain('ALB web-prod (eu-west-1) HTTPS:443, SNI');
    expect(panel).not.toContain('to confirm');
    await app.press(KEYS.escape);
    expect(app.frame()).not.toContain('still served by');
    expect(app.frame().split('\n')[0]).toContain('server certificates');
    expect(deleted).toEqual([]);
  });

  it('the panel that refused a delete lists a ninth consumer rather than "and 1 more", and names the kinds it leaves out', async () => {
    const served = (count: number) =>
      stubServices({
        listServerCertificates: async () => rows(1),
        servedBy: async ([certificate]) => ({
          consumers: Array.from({ length: count }, (_, index) =>
            index === count - 1
              ? { kind: 'CloudFront' as const, region: 'global', name: 'E2LAST', certificate: { id: certificate!.id } }
              : {
                  kind: 'ALB' as const,
                  region: 'eu-west-1',
                  name: `web-${index}`,
                  listener: 'HTTPS:443',
                  role: 'default' as const,
                  certificate: { arn: certificate!.arn },
                },
          ),
          notes: [],
        }),
      });
    app = await renderApp(served(9), { route: { screen: 'servers' } });
    await app.waitForText('1 of 1 ·');
    await app.press('d');
    const nine = await app.waitForText('still served by');
    expect(nine).toContain('CloudFront E2LAST');
    expect(nine).not.toMatch(/and \d+ more/);
    app.unmount();
    app = await renderApp(served(11), { route: { screen: 'servers' } });
    await app.waitForText('1 of 1 ·');
    await app.press('d');
    const eleven = await app.waitForText('still served by');
    expect(eleven).toContain('ALB web-7 (eu-west-1)');
    expect(eleven).toContain('and 3 more (2 ALB, 1 CF)');
  });

  it('R on the panel that refused a delete opens Rotate for that certificate', async () => {
    const all = rows(2);
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => all,
        servedBy: async (certificates) => ({
          consumers: certificates.map((certificate) => ({
            kind: 'ELB' as const,
            region: 'eu-west-1',
            name: 'web',
            listener: 'HTTPS:443',
            port: 443,
            certificate: { arn: certificate.arn },
          })),
          notes: [],
        }),
      }),
      { route: { screen: 'servers' } },
    );
    await app.waitForText('2 of 2 ·');
    await app.press('d');
    const panel = await app.waitForText('R rotates it instead');
    expect(panel).toContain('R rotate instead');
    await app.press('R');
    const rotate = await app.waitForText('Pick the certificate that takes over');
    expect(rotate).toContain('Rotate cert-0000');
    expect(rotate).toContain('cert-0001');
  });

  it('details of a served certificate say what that means: expired while served, and an alias its names miss', async () => {
    const [row] = rows(1);
    const { readItems } = await import('../../src/core/formats/read.js');
    const { fixtures } = await import('../helpers/use-fixtures.js');
    const [certificate] = (await readItems(fixtures().read('leaf.pem'))).items;
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => [row!],
        getServerCertificate: async () => ({
          ...row!,
          expiration: new Date(Date.now() - DAY).toISOString(),
          body: '',
          certificate: certificate as never,
          chainCertificates: [],
        }),
        servedBy: async () => ({
          consumers: [
            {
              kind: 'CloudFront' as const,
              name: 'E1',
              domains: ['www.example.com', 'shop.example.com'],
              certificate: { id: row!.id },
            },
          ],
          notes: [],
        }),
      }),
      { route: { screen: 'server-details', name: row!.name } },
    );
    const frame = (await app.waitForText('R rotates it')).replace(/\n\s*/g, ' ');
    expect(frame).toContain('served by CloudFront E1 (www.example.com, shop.example.com)');
    expect(frame).toMatch(/! Expired \d{4}-\d\d-\d\d and still served: HTTPS fails there now/);
    expect(frame).toContain('do not cover shop.example.com (CloudFront E1)');
  });

  it('Esc clears a kept filter before it leaves the screen', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows(5) }), {
      route: { screen: 'servers' },
    });
    await app.waitForText('5 of 5 ·');
    await app.press('/');
    await app.type('0003');
    await app.press(KEYS.enter);
    await app.waitForText('1 of 5 · filter');
    await app.press(KEYS.escape);
    await app.waitForText('5 of 5 ·');
    expect(app.frame().split('\n')[0]).toContain('server certificates');
  });

  it('shows an AWS error inline, in one line with the fix, and stays on the screen', async () => {
    const { IamcertError } = await import('../../src/core/errors.js');
    app = await renderApp(
      stubServices({
        listServerCertificates: async () =>
          Promise.reject(
            new IamcertError({
              code: 'ACCESS_DENIED',
              message: 'You are not allowed to call iam:ListServerCertificates.',
              fix: 'Ask an administrator to grant iam:ListServerCertificates.',
            }),
          ),
      }),
      { route: { screen: 'servers' } },
    );
    const frame = await app.waitForText('not allowed');
    expect(frame).toContain('fix: Ask an administrator');
    expect(frame).toContain('server certificates');
  });
});

describe('rename with nothing changed (#18)', () => {
  it('Enter answers: it says nothing changed, and sends nothing', async () => {
    const renamed: string[] = [];
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => rows(2),
        renameServerCertificate: async (name) => {
          renamed.push(name);
        },
      }),
      { route: { screen: 'servers' } },
    );
    await app.waitForText('2 of 2');
    await app.press('e');
    await app.waitForText('Rename or move');
    await app.press(KEYS.enter);
    await app.press(KEYS.enter);
    await app.waitForText('Nothing changed: cert-0000 keeps its name and path.');
    expect(renamed).toEqual([]);
  });
});

describe('a failure banner is news once (#18)', () => {
  it('r and coming back from another screen clear it; the list is shown fresh', async () => {
    const { IamcertError } = await import('../../src/core/errors.js');
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => rows(2),
        deleteServerCertificate: async () =>
          Promise.reject(
            new IamcertError({
              code: 'THROTTLED',
              message: 'AWS is throttling iam:DeleteServerCertificate.',
              fix: 'Try again in a minute.',
            }),
          ),
      }),
      { route: { screen: 'servers' } },
    );
    await app.waitForText('2 of 2');
    const failOnce = async () => {
      await app!.press('d');
      await app!.waitForText('Type cert-0000 to confirm');
      await app!.type('cert-0000');
      await app!.press(KEYS.enter);
      await app!.waitForText('throttling');
    };
    await failOnce();
    await app.press('r');
    await app.waitForText('Refreshed');
    expect(app.frame()).not.toContain('throttling');

    await failOnce();
    await app.press('u');
    await app.waitForText('upload server certificate');
    // The form's first Esc leaves the field being edited, the next the screen.
    for (let tries = 0; tries < 3 && !app.frame().includes('2 of 2'); tries += 1) await app.press(KEYS.escape);
    await app.waitForText('2 of 2');
    expect(app.frame()).not.toContain('throttling');
  });
});
