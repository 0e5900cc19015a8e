import { afterEach, describe, expect, it } from 'vitest';
import type { ServerCertificateRow } from '../../src/core/iam/server-certificate-list.js';
import type { Consumer } from '../../src/core/usage/consumers.js';
import { expiryState } from '../../src/core/time/expiry.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());
const DAY = 86_400_000;

function row(name: string, days: number, path = '/'): ServerCertificateRow {
  const expiration = new Date(Date.now() + days * DAY);
  return {
    name,
    path,
    id: `ASCA${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`.slice(0, 21),
    arn: `arn:aws:iam::111122223333:server-certificate${path}${name}`,
    uploadDate: '2026-01-01T00:00:00.000Z',
    expiration: expiration.toISOString(),
    expiryState: expiryState(expiration),
  };
}

const ROWS = [
  row('www-example-2026', -3),
  row('www-example-2027', 40, '/cloudfront/'),
  row('www-example-2028', 400),
  row('api-internal-payments-gateway-eu-2027', 200),
];

/** www-example-2026 served by 2 classic load balancers, 6 ALB listeners and CloudFront; 2027 by one NLB. */
function consumers(): Consumer[] {
  const arn = ROWS[0]!.arn;
  return [
    ...[1, 2].map((index) => ({
      kind: 'ELB' as const,
      region: 'us-east-1',
      name: `old-${index}`,
      certificate: { arn },
    })),
    ...[1, 2, 3, 4, 5, 6].map((index) => ({
      kind: 'ALB' as const,
      region: index > 3 ? 'eu-west-1' : 'us-east-1',
      name: `alb-${index}`,
      listener: 'HTTPS:443',
      certificate: { arn },
    })),
    { kind: 'CloudFront' as const, name: 'E1', certificate: { id: ROWS[0]!.id } },
    { kind: 'NLB' as const, region: 'us-east-1', name: 'tls', certificate: { arn: ROWS[1]!.arn } },
  ];
}

async function inventoryAt(columns: number, rows: number): Promise<string[]> {
  app = await renderApp(
    stubServices({
      listServerCertificates: async () => ROWS,
      servedBy: async () => ({ consumers: consumers(), notes: [] }),
    }),
    { route: { screen: 'servers' }, columns, rows },
  );
  const frame = await app.waitFor((current) => !current.includes(' … ') && current.includes('4 of 4'), 'USED BY');
  return frame.split('\n');
}

describe('the inventory columns at every width', () => {
  for (const [columns, rows] of [
    [60, 20],
    [80, 24],
    [100, 30],
    [120, 40],
  ] as const)
    it(`at ${columns}×${rows}: no two names read the same, USED BY keeps every kind, EXPIRES keeps the date`, async () => {
      const lines = await inventoryAt(columns, rows);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
      const header = lines.find((line) => line.includes('NAME'))!;
      expect(header).toMatch(/USED BY/);
      expect(header).toMatch(/EXPIRES/);
      const start = header.indexOf('NAME');
      const nameWidth = header.slice(start).search(/ [A-Z]/);
      const cells = ROWS.map((each) => {
        const line = lines.find(
          (entry) => entry.includes(each.name.slice(-4)) && entry.includes(each.name.slice(0, 3)),
        );
        expect(line, each.name).toBeDefined();
        return line!;
      });
      const names = cells.map((line) => line.slice(start, start + nameWidth).trim());
      expect(new Set(names).size, names.join(' | ')).toBe(ROWS.length);
      // Each cut name keeps its start and its telling end.
      for (const [index, name] of names.entries()) {
        expect(name.startsWith(ROWS[index]!.name.slice(0, 3))).toBe(true);
        expect(name.endsWith(ROWS[index]!.name.slice(-4))).toBe(true);
      }
      // Every kind that serves it, at every width: "2 ELB, 6 ALB, CF" or "2E 6A CF".
      expect(cells[0]).toMatch(/2 ELB, 6 ALB, CF|2E 6A CF/);
      expect(cells[1]).toMatch(/\bNLB\b|\bN\b/);
      // The date stays whatever the width; an expired one says so.
      expect(cells[0]).toMatch(/\d{4}-\d\d-\d\d(!| EXPIRED)/);
      for (const line of cells) expect(line).toMatch(/\d{4}-\d\d-\d\d/);
      // The extras come in as the width allows, never at the cost of a cut above.
      if (columns >= 120) expect(header).toMatch(/ID \/ KEY/);
      if (columns < 120) expect(header).not.toMatch(/UPLOADED|ID \/ KEY/);
      if (columns >= 100) expect(cells[0]).toContain('2 ELB, 6 ALB, CF');
    });

  it('/ finds what the columns show (ALB in USED BY, EXPIRED in EXPIRES); S reverses the order, marked in the header', async () => {
    const lines = await inventoryAt(80, 24);
    expect(lines.find((line) => line.includes('NAME'))).toMatch(/EXPIRES ↑/);
    await app!.press('/');
    await app!.type('ALB');
    await app!.press(KEYS.enter);
    let frame = await app!.waitForText('1 of 4 · filter "ALB"');
    expect(frame).toContain('www-example-2026');
    await app!.press(KEYS.escape);
    await app!.press('/');
    await app!.type('EXPIRED');
    await app!.press(KEYS.enter);
    frame = await app!.waitForText('1 of 4 · filter "EXPIRED"');
    expect(frame).toContain('www-example-2026');
    await app!.press(KEYS.escape);
    await app!.waitForText('4 of 4 · sorted by expiry');
    await app!.press('S');
    frame = await app!.waitForText('sorted by expiry, reversed');
    expect(frame).toMatch(/EXPIRES ↓/);
    const order = frame.split('\n').filter((line) => /www-|api-/.test(line));
    expect(order[0]).toContain('2028');
  });

  it('sorted by upload time at 80 columns, the UPLOADED column is there', async () => {
    const lines = await inventoryAt(80, 24);
    expect(lines.join('\n')).not.toContain('UPLOADED');
    await app!.press('s');
    await app!.waitForText('sorted by name');
    expect(app!.frame()).toMatch(/NAME ↑/);
    await app!.press('s');
    const frame = await app!.waitForText('sorted by uploaded');
    expect(frame).toMatch(/UPLOADED ↑/);
    expect(frame).toContain('2026-01-01');
  });

  it('ctrl-space marks every row the filter shows and ctrl-\\ clears every mark', async () => {
    await inventoryAt(80, 24);
    await app!.press('/');
    await app!.type('www');
    await app!.press(KEYS.enter);
    await app!.waitForText('3 of 4 · filter "www"');
    await app!.press('\u0000');
    await app!.waitForText('3 marked');
    await app!.press('\u001c');
    await app!.waitFor((frame) => !frame.includes('marked'), 'the marks cleared');
  });
});

describe('where exports go', () => {
  it('x offers the folder the user started in, then the folder the last export went to', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const folder = mkdtempSync(join(tmpdir(), 'iamcert-export-'));
    const written: string[] = [];
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => ROWS,
        getServerCertificate: async (name) => ({
          ...ROWS.find((each) => each.name === name)!,
          body: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n',
          chainCertificates: [],
        }),
        writeFiles: async (files) => {
          written.push(...files.map((file) => file.path));
        },
      }),
      { route: { screen: 'servers' } },
    );
    await app.waitForText('4 of 4');
    await app.press('x');
    const asked = await app.waitForText('Export the body');
    expect(asked).toContain(process.cwd().slice(0, 20));
    await app.press(KEYS.ctrlU);
    await app.type(folder);
    await app.press(KEYS.enter);
    await app.waitForText('Exported');
    expect(written[0]?.startsWith(folder)).toBe(true);
    await app.press('x');
    const again = await app.waitForText('Export the body');
    expect(again.replace(/\s*\n\s*/g, '')).toContain(folder);
    rmSync(folder, { recursive: true, force: true });
  });
});
