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
    return { name: `cert-${String(index).padStart(4, '0')}`, path: index % 2 ? '/cloudfront/' : '/', id: `ASCA${index}`, arn: `arn:aws:iam::111122223333:server-certificate/cert-${index}`, uploadDate: '2026-01-01T00:00:00.000Z', expiration: expiration.toISOString(), expiryState: expiryState(expiration) };
  }).reverse();
}

describe('server certificate inventory', () => {
  it('sorts soonest expiry first, says EXPIRED in words, and renders only visible rows of 1,000', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows(1000) }), { route: { screen: 'servers' } });
    const frame = await app.waitForText('1000 of 1000 shown');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    const first = lines.findIndex((line) => line.includes('cert-'));
    expect(lines[first]).toMatch(/cert-0000 .* EXPIRED/);
    expect(lines[first + 3]).toMatch(/cert-0003 .* in (6|7) days/);
    expect(frame).toMatch(/rows 1–\d+ of 1000/);
  });

  it('filters with / and changes the sort with s', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows(50) }), { route: { screen: 'servers' } });
    await app.waitForText('50 of 50 shown');
    await app.press('/');
    await app.type('0049');
    await app.press(KEYS.enter);
    const filtered = await app.waitForText('1 of 50 shown');
    expect(filtered).toContain('cert-0049');
    await app.press('/');
    await app.press(KEYS.escape);
    await app.waitForText('50 of 50 shown');
    await app.press('s');
    await app.waitForText('sorted by name');
  });

  it('typing q into the filter does not quit or leave the screen', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows(5) }), { route: { screen: 'servers' } });
    await app.waitForText('5 of 5 shown');
    await app.press('/');
    await app.press('q');
    const frame = app.frame();
    expect(frame).toContain('/q');
    expect(frame.split('\n')[0]).toContain('server certificates');
    expect(frame).not.toContain('Create key & certificate');
    await app.press(KEYS.enter);
    expect(app.frame().split('\n')[0]).toContain('server certificates');
    expect(app.frame()).toContain('0 of 5 shown');
  });

  it('deletes only after the name is typed, showing the account', async () => {
    const deleted: string[] = [];
    let all = rows(3);
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => all,
        deleteServerCertificate: async (name) => {
          deleted.push(name);
          all = all.filter((row) => row.name !== name);
        },
      }),
      { route: { screen: 'servers' } },
    );
    await app.waitForText('3 of 3 shown');
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
    await app.waitForText('2 of 2 shown');
    expect(deleted).toEqual(['cert-0000']);
  });

  it('shows an AWS error inline, in one line with the fix, and stays on the screen', async () => {
    const { IamcertError } = await import('../../src/core/errors.js');
    app = await renderApp(stubServices({ listServerCertificates: async () => Promise.reject(new IamcertError({ code: 'ACCESS_DENIED', message: 'You are not allowed to call iam:ListServerCertificates.', fix: 'Ask an administrator to grant iam:ListServerCertificates.' })) }), { route: { screen: 'servers' } });
    const frame = await app.waitForText('not allowed');
    expect(frame).toContain('fix: Ask an administrator');
    expect(frame).toContain('server certificates');
  });
});
