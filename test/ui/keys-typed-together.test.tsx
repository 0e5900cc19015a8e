import { afterEach, describe, expect, it } from 'vitest';
import { characterKey, splitKeys } from '../../src/ui/keys/split-keys.js';
import type { ServerCertificateRow } from '../../src/core/iam/server-certificate-list.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

const rows: ServerCertificateRow[] = Array.from({ length: 6 }, (_, index) => ({
  name: `cert-${index}`,
  path: '/',
  id: `ASCA${index}`,
  arn: `arn:aws:iam::111122223333:server-certificate/cert-${index}`,
  expiration: new Date(Date.now() + (index + 1) * 40 * 86_400_000).toISOString(),
  expiryState: 'ok',
}));

describe('keys that arrive in one read (typed fast, held down, sent by tmux)', () => {
  it('are split into keys in order; a focused field takes plain text whole, as a paste', () => {
    const plain = characterKey('x').key;
    expect(splitKeys('jj', plain, false).map((press) => press.input)).toEqual(['j', 'j']);
    expect(splitKeys(':certs\r', plain, false).map((press) => press.input || 'enter')).toEqual([
      ':',
      'c',
      'e',
      'r',
      't',
      's',
      'enter',
    ]);
    expect(splitKeys('some/path', plain, true)).toHaveLength(1);
    expect(splitKeys('abc\r', plain, true)).toHaveLength(4);
    expect(characterKey('\u0003')).toMatchObject({ input: 'c', key: { ctrl: true } });
  });

  it('"jjj" in one write moves three rows, as three ↓ do', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows }), { route: { screen: 'servers' } });
    await app.waitForText('6 of 6');
    await app.press('jjj');
    const frame = await app.waitForText(/› cert-3/);
    expect(frame).toMatch(/› cert-3/);
  });

  it('":certs" and Enter in one write open the inventory from Home', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => rows }));
    await app.waitForText('Create key & certificate');
    await app.press(':certs\r');
    await app.waitForText('6 of 6');
  });

  it('"j" and Enter in one write on Home open the second task, not the first', async () => {
    app = await renderApp(stubServices());
    await app.waitForText('Create key & certificate');
    await app.press('j\r');
    await app.waitForText('File:');
  });

  it('two ↓ in one write (Ink hands them over as two events in one tick) move two fields, not one', async () => {
    app = await renderApp(stubServices(), { route: { screen: 'server-upload' }, columns: 120 });
    await app.waitForText('› Name');
    await app.type('shop');
    await app.press(`${KEYS.down}${KEYS.down}`);
    const frame = await app.waitForText('› Certificate');
    expect(frame).toMatch(/Path {11}: \/\n/);
  });

  it('Enter typed before the app set the terminal raw, which arrives as a line feed, is Enter', async () => {
    app = await renderApp(stubServices());
    await app.waitForText('Create key & certificate');
    await app.press('\n');
    await app.waitForText('What is the certificate for?');
  });
});
