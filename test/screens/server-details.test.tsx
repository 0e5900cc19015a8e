import { afterEach, describe, expect, it } from 'vitest';
import type { Consumer } from '../../src/core/usage/consumers.js';
import { expiryState } from '../../src/core/time/expiry.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';
import { fixtures } from '../helpers/use-fixtures.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());
const DAY = 86_400_000;
const NAME = 'www-example-2026';

/** A certificate served by 2 classic load balancers, 6 ALB listeners in two regions and a CloudFront distribution. */
function servedWidely(): Consumer[] {
  const arn = `arn:aws:iam::111122223333:server-certificate/${NAME}`;
  return [
    ...['legacy-a', 'legacy-b'].map((name) => ({
      kind: 'ELB' as const,
      region: 'us-east-1',
      name,
      listener: 'HTTPS:443',
      port: 443,
      certificate: { arn },
    })),
    ...Array.from({ length: 6 }, (_, index) => ({
      kind: 'ALB' as const,
      region: index < 3 ? 'us-east-1' : 'eu-west-1',
      name: `shop-alb-${index + 1}`,
      listener: `HTTPS:${8440 + index}`,
      role: 'default' as const,
      certificate: { arn },
    })),
    { kind: 'CloudFront', name: 'E2WIDELY', domains: ['www.example.com'], certificate: { id: 'ASCAWIDE' } },
  ];
}

async function detailsOfWidelyServed(size: { columns: number; rows: number }): Promise<Rendered> {
  const { readItems } = await import('../../src/core/formats/read.js');
  const [certificate] = (await readItems(fixtures().read('leaf.pem'))).items;
  const expiration = new Date(Date.now() - DAY);
  return renderApp(
    stubServices({
      getServerCertificate: async () => ({
        name: NAME,
        path: '/',
        id: 'ASCAWIDE',
        arn: `arn:aws:iam::111122223333:server-certificate/${NAME}`,
        uploadDate: '2025-12-01T00:00:00.000Z',
        expiration: expiration.toISOString(),
        expiryState: expiryState(expiration),
        body: '',
        certificate: certificate as never,
        chainCertificates: [],
      }),
      servedBy: async () => ({ consumers: servedWidely(), notes: [] }),
    }),
    { route: { screen: 'server-details', name: NAME }, ...size },
  );
}

/** Every line the report shows on its way from the top to the end, one key at a time. */
async function readToTheEnd(rendered: Rendered, key: string): Promise<string[]> {
  const seen = new Set(rendered.frame().split('\n'));
  while (rendered.frame().includes('lines ') && !/lines \d+–(\d+) of \1\b/.test(rendered.frame())) {
    await rendered.press(key);
    for (const line of rendered.frame().split('\n')) seen.add(line);
  }
  return [...seen];
}

describe('the details of a certificate served in many places', () => {
  for (const size of [
    { columns: 60, rows: 20 },
    { columns: 80, rows: 24 },
  ])
    it(`at ${size.columns}×${size.rows}: findings first, then a report that scrolls with j, PgDn and G to every consumer`, async () => {
      app = await detailsOfWidelyServed(size);
      const first = await app.waitForText(/lines 1–\d+ of \d+/);
      const lines = first.split('\n');
      // The title is the name, whole, on its own line; the first thing under it is what needs doing.
      expect(lines.find((line) => line.includes(NAME))?.trim()).toBe(NAME);
      const finding = lines.findIndex((line) => line.includes('! Expired'));
      const arn = lines.findIndex((line) => line.startsWith(' ARN'));
      expect(finding).toBeGreaterThan(0);
      expect(arn).toBeGreaterThan(finding);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(size.columns);

      const seen = (await readToTheEnd(app, 'j')).join('\n');
      for (const name of ['legacy-a', 'legacy-b', 'E2WIDELY', ...servedWidely().map((consumer) => consumer.name)])
        expect(seen, name).toContain(name);
      expect(seen).toContain('sha256');
      // No wrapped line lost its indent: the continuation of a served-by line sits under its text.
      expect(seen).not.toMatch(/\n {0,9}[a-z]{2,}-[a-z]+-\d\)/);

      // G to the end and g back: either end in one key; PgDn and PgUp a page; ctrl-d and ctrl-u half of one.
      await app.press('g');
      expect(app.frame()).toMatch(/lines 1–/);
      await app.press(KEYS.pgdn);
      const paged = Number(/lines (\d+)–/.exec(app.frame())?.[1]);
      expect(paged).toBeGreaterThan(2);
      await app.press('\u0015');
      expect(Number(/lines (\d+)–/.exec(app.frame())?.[1])).toBeLessThan(paged);
      await app.press('G');
      expect(app.frame()).toMatch(/lines \d+–(\d+) of \1\b/);
      expect(app.frame()).toContain('keep your own copy');
      await app.press('j', { expectChange: false });
      await app.press('\u0004', { expectChange: false });
    });

  it('the footer offers R and scrolling where it can go; ? lists the report keys that work there', async () => {
    app = await detailsOfWidelyServed({ columns: 80, rows: 24 });
    const top = await app.waitForText(/lines 1–\d+ of \d+/);
    const footer = top.split('\n').at(-1)!;
    expect(footer).toMatch(/↓\/j scroll down/);
    expect(footer).toMatch(/R rotate/);
    expect(footer).not.toMatch(/↑\/k/);
    await app.press('?');
    const help = app.frame();
    for (const key of ['pgdn/ctrl-f', 'ctrl-d', 'G/end']) expect(help).toContain(key);
    // At the top, nothing goes up: keys that would do nothing are not listed.
    expect(help).not.toContain('g/home');
    await app.press(KEYS.escape);
    await app.press('G');
    await app.press('?');
    expect(app.frame()).toContain('g/home');
  });
});
