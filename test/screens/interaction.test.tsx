import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ServerCertificateRow } from '../../src/core/iam/server-certificate-list.js';
import type { PreflightReport } from '../../src/core/preflight/server-certificate.js';
import { realServices } from '../../src/tui/services.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-interaction-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let app: Rendered | undefined;
afterEach(() => app?.unmount());

const row = (name: string): ServerCertificateRow => ({ name, path: '/', id: name, arn: `arn:${name}`, expiration: '2027-01-01T00:00:00.000Z', expiryState: 'ok' });

describe('no dead ends, no keys that lie', () => {
  it('Inspect: q and ? are text in the path field, and Esc goes back home', async () => {
    app = await renderApp(stubServices(), { route: { screen: 'home' } });
    await app.waitForText('Create key');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('File:');
    await app.type('q?');
    expect(app.frame()).toContain('File: q?');
    await app.press(KEYS.escape);
    await app.waitForText('Create key & certificate');
    expect(app.frame()).not.toContain('File:');
  });

  it("Home's counts follow what changed elsewhere when Home is shown again", async () => {
    const rows = [row('a')];
    app = await renderApp(stubServices({ listServerCertificates: async () => [...rows] }));
    await app.waitForText('1 server certificate:');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('File:');
    rows.push(row('b'));
    await app.press(KEYS.escape);
    await app.waitForText('2 server certificates:');
  });
});

describe('every Enter answers', () => {
  function slowPreflightServices(release: Promise<void>) {
    const files = realServices({ endpointUrl: 'http://127.0.0.1:9', maxAttempts: 1 });
    const uploads: string[] = [];
    const services = stubServices({
      preflight: async (input) => {
        await release;
        return files.preflight(input) as Promise<PreflightReport>;
      },
      uploadServerCertificate: async (input) => {
        uploads.push(input.name);
        return { row: { ...row(input.name) }, report: { ok: true, findings: [], chain: [] } };
      },
    });
    return { services, uploads };
  }

  it('Enter on the upload form while the checks still run waits for them, says so, then uploads', async () => {
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { services, uploads } = slowPreflightServices(released);
    app = await renderApp(services, { route: { screen: 'server-upload', certificate: fx.path('selfsigned.pem'), privateKey: fx.path('rsa2048.key') } });
    await app.waitForText('Name');
    await app.type('queued-upload');
    for (let field = 0; field < 4; field += 1) await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('Checking the files');
    expect(uploads).toEqual([]);
    release();
    await app.waitForText('Uploaded queued-upload');
    expect(uploads).toEqual(['queued-upload']);
  });

  it('Enter with nothing to upload says what is missing, right there', async () => {
    app = await renderApp(stubServices(), { route: { screen: 'server-upload' } });
    await app.waitForText('Name');
    for (let field = 0; field < 4; field += 1) await app.press(KEYS.down);
    await app.waitFor((frame) => !frame.includes('Checking the files'), 'the first check');
    await app.press(KEYS.enter);
    await app.waitForText(/Nothing to upload yet: give a name, the certificate file, the private key\s+file/);
  });
});
