import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ServerCertificateRow } from '../../src/core/iam/server-certificate-list.js';
import { realServices } from '../../src/app/real-services.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { IamcertError } from '../../src/core/errors.js';
import { stubServices } from '../helpers/stub-services.js';
import { dueItems, RADAR_DEFAULTS } from '../../src/core/radar/due.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-interaction-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let app: Rendered | undefined;
afterEach(() => app?.unmount());

const row = (name: string): ServerCertificateRow => ({
  name,
  path: '/',
  id: name,
  arn: `arn:${name}`,
  expiration: '2027-01-01T00:00:00.000Z',
  expiryState: 'ok',
});

describe('no dead ends, no keys that lie', () => {
  it('Inspect: q and ? are text in the path field; the first Esc leaves the field, the second goes back home', async () => {
    app = await renderApp(stubServices(), { route: { screen: 'home' } });
    await app.waitForText('Create key');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('File:');
    await app.type('q?');
    expect(app.frame()).toContain('File: q?');
    await app.press(KEYS.escape);
    // Out of the field: its text kept, the screen's keys back (? is help now), Enter edits again.
    const left = app.frame();
    expect(left).toContain('File: q?');
    expect(left).toMatch(/enter\/i edit the field again/);
    await app.press('?');
    await app.waitForText('Help: inspect & convert');
    await app.press(KEYS.escape);
    await app.press(KEYS.enter);
    await app.type('x');
    expect(app.frame()).toContain('File: q?x');
    await app.press(KEYS.escape);
    await app.press(KEYS.escape);
    await app.waitForText('Create key & certificate');
    expect(app.frame()).not.toContain('File:');
  });

  it('Inspect: ↓ goes from the typed path into the folder list, ↑ from its top goes back, Enter opens the picked file', async () => {
    app = await renderApp(stubServices(), { route: { screen: 'inspect' } });
    await app.waitForText('File:');
    await app.type(`${fx.dir}/bag`);
    await app.waitForText('bag-attributes.pem');
    await app.press(KEYS.down);
    await app.waitForText('› bag-attributes.pem');
    expect(app.frame()).toMatch(/enter open\b/);
    await app.press(KEYS.up);
    expect(app.frame()).not.toContain('› bag-attributes.pem');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('bag-attributes.pem: PEM, 4 items');
  });

  it("Home's counts follow what changed elsewhere when Home is shown again", async () => {
    const rows = [row('a')];
    // Expired certificates, as the radar's core counts them.
    const radar = async (people: boolean) => ({
      people,
      notes: [],
      items: dueItems(
        [
          {
            account: '111122223333',
            serverCertificates: rows.map((entry) => ({ ...entry, expiration: '2020-01-01T00:00:00.000Z' })),
            acm: [],
            acmRegions: [],
            notes: [],
          },
        ],
        { ...RADAR_DEFAULTS, now: new Date() },
      ),
    });
    app = await renderApp(stubServices({ radar }));
    await app.waitForText('1 EXPIRED');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('File:');
    rows.push(row('b'));
    await app.press(KEYS.escape);
    await app.press(KEYS.escape);
    await app.waitForText('2 EXPIRED');
  });
});

describe('every Enter answers', () => {
  function slowPreflightServices(release: Promise<void>) {
    const files = realServices({ endpointUrl: 'http://127.0.0.1:9', maxAttempts: 1 });
    const uploads: string[] = [];
    const services = stubServices({
      preflight: async (input) => {
        await release;
        return files.preflight(input);
      },
      uploadServerCertificate: async (input) => {
        uploads.push(input.name);
        return { row: { ...row(input.name) }, report: { ok: true, findings: [], chain: [] } };
      },
    });
    return { services, uploads };
  }

  it('Enter on the upload form while the checks still run waits for them, says so, then uploads', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { services, uploads } = slowPreflightServices(released);
    app = await renderApp(services, {
      route: { screen: 'server-upload', certificate: fx.path('selfsigned.pem'), privateKey: fx.path('rsa2048.key') },
    });
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
    // Enter is not offered as "upload" while it cannot upload.
    await app.waitFor((frame) => /enter why not/.test(frame), 'enter offered as why not');
    expect(app.frame()).not.toMatch(/enter upload/);
    await app.press(KEYS.enter);
    await app.waitForText(/Nothing to upload yet: give a name, the certificate file, the private key\s+file/);
  });
  it('a certificate or chain file that is not there is said so, as the headless check says it, never "empty"', async () => {
    const route = (certificate: string) =>
      ({
        screen: 'server-upload',
        certificate,
        privateKey: fx.path('rsa2048.key'),
        chain: '/nonexistent/chain.pem',
      }) as const;
    app = await renderApp(stubServices(), { route: route('/nonexistent/cert.pem') });
    let frame = await app.waitForText('/nonexistent/cert.pem does not exist');
    expect(frame).toMatch(/✗ Certificate is one PEM certificate/);
    expect(frame).not.toMatch(/certificate is empty/);
    app.unmount();
    app = await renderApp(stubServices(), { route: route(fx.path('selfsigned.pem')) });
    frame = await app.waitForText('/nonexistent/chain.pem does not exist');
    expect(frame).toMatch(/✗ Chain present and in order/);
    expect(frame).not.toMatch(/no chain is given/);
  });
});

describe('signing for a user IAM does not know', () => {
  it('says so, and offers nothing that would write a key pair', async () => {
    const created: unknown[] = [];
    const services = stubServices({
      listSigningCertificates: () =>
        Promise.reject(
          new IamcertError({ code: 'NO_SUCH_ENTITY', message: 'IAM has no user "nobody".', fix: 'Check the name.' }),
        ),
      createSigningPair: async (user) => {
        created.push(user);
        throw new Error('must not create');
      },
    });
    app = await renderApp(services, { route: { screen: 'signing-user', user: 'nobody' } });
    const frame = await app.waitForText('IAM has no user "nobody"');
    expect(frame).not.toMatch(/0 of 2/);
    expect(frame).not.toMatch(/c create/);
    await app.press('c', { expectChange: false });
    await app.press('u', { expectChange: false });
    expect(created).toEqual([]);
  });
});

/** Onboarding from its first step: the group "ops" picked, no policies, USER typed and Enter. */
async function toUser(rendered: Rendered, user: string): Promise<void> {
  await rendered.waitForText('ops');
  await rendered.press(KEYS.down);
  await rendered.press(KEYS.enter);
  await rendered.waitForText('AWS-managed policies');
  await rendered.press(KEYS.enter);
  await rendered.waitForText('New user name');
  await rendered.type(user);
  await rendered.press(KEYS.enter);
}

describe('onboarding review says what exists, and refuses what would fail', () => {
  it('an existing group and user are "reused", and a private key offered as the certificate is stopped at the review', async () => {
    let runs = 0;
    const services = stubServices({
      listGroups: async () => [{ name: 'ops', arn: 'arn:aws:iam::111122223333:group/ops', path: '/' }],
      listUsers: async () => [{ name: 'alice', arn: 'arn:aws:iam::111122223333:user/alice', path: '/' }],
      runOnboarding: async () => {
        runs += 1;
        throw new Error('must not run');
      },
    });
    app = await renderApp(services, { route: { screen: 'onboard' } });
    await toUser(app, 'alice');
    await app.waitForText('Access key');
    await app.press(KEYS.tab);
    await app.press(KEYS.enter);
    await app.waitForText('Signing certificate');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('Certificate file');
    await app.type(fx.path('rsa2048.key'));
    await app.press(KEYS.enter);
    const review = await app.waitForText('PRIVATE KEY');
    expect(review).toMatch(/group\s+ops \(exists: reused\)/);
    expect(review).toMatch(/user\s+alice \(exists: reused\)/);
    expect(review).toContain('Enter will not start until this is fixed');
    await app.press(KEYS.enter);
    expect(app.frame()).toContain('Not started: fix the ✗ above first');
    expect(runs).toBe(0);
    expect(app.frame()).toContain('Ready to onboard');
  });
});

describe('onboard, as a new user meets it (#18)', () => {
  const twoCertificates = [
    {
      id: 'AAAABBBBCCCCDDDD1',
      status: 'Active',
      notAfter: '2036-01-01T00:00:00Z',
      expiryState: 'ok',
      sha256: 'ab'.repeat(32),
    },
    {
      id: 'EEEEFFFFGGGGHHHH2',
      status: 'Active',
      notAfter: '2036-01-01T00:00:00Z',
      expiryState: 'ok',
      sha256: 'cd'.repeat(32),
    },
  ] as never;

  it('the user field says as it is typed whether the user exists; the plan warns of a full user and a stale CSV; shift-tab goes back a step and Esc leaves from any step', async () => {
    const csv = join(work, 'alice_accessKeys.csv');
    writeFileSync(csv, 'Access key ID,Secret access key\nAKIAGONEGONEGONE,secret\n');
    app = await renderApp(
      stubServices({
        listGroups: async () => [{ name: 'ops', arn: 'arn:aws:iam::111122223333:group/ops', path: '/' }],
        listUsers: async () => [{ name: 'alice', arn: 'arn:aws:iam::111122223333:user/alice', path: '/' }],
        listSigningCertificates: async () => twoCertificates,
        listAccessKeys: async () => [{ accessKeyId: 'AKIASTILLTHERE', status: 'Active' }] as never,
      }),
      { route: { screen: 'onboard' }, columns: 120 },
    );
    await app.waitForText('ops');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('AWS-managed policies');
    await app.press(KEYS.enter);
    await app.waitForText('New user name');
    await app.type('bob');
    await app.waitForText('bob is new: it is created');
    await app.type('\u0015alice');
    await app.waitForText('alice exists in IAM: it is reused');
    await app.press(KEYS.enter);
    await app.waitForText('Save the CSV to');
    await app.press(KEYS.ctrlU);
    await app.type(csv);
    await app.press(KEYS.enter);
    await app.waitForText('Signing certificate');
    await app.press(KEYS.enter);
    const review = (await app.waitForText('Ready to onboard')).replace(/\s*\n\s*/g, ' ');
    await app.waitFor((frame) => frame.includes("IAM's limit"), 'the warnings');
    const warned = app.frame().replace(/\s*\n\s*/g, ' ');
    expect(warned).toContain("alice has 2 signing certificates already, IAM's limit");
    expect(warned).toContain('holds access key AKIAGONEGONEGONE, which alice no longer has');
    expect(review).toContain('Ready to onboard');
    // Back a step with shift-tab; then Esc leaves the wizard (a field's first Esc leaves the field).
    await app.press(KEYS.shiftTab);
    await app.waitForText('Signing certificate');
    await app.press(KEYS.escape);
    await app.waitFor((frame) => /iamcert › home/.test(frame.split('\n')[0]!), 'the wizard to close');
  });
});

describe('the onboarding summary at 60×20 (found by hand)', () => {
  it('scrolls to the export lines, and v still reveals the secret', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    app = await renderApp(
      stubServices({
        listGroups: async () => [{ name: 'ops', arn: 'arn:aws:iam::111122223333:group/ops', path: '/' }],
        runOnboarding: async (request) => ({
          ok: true,
          steps: [],
          accessKey: { accessKeyId: 'AKIAEXAMPLEEXAMPLE12', secretAccessKey: secret },
          accessKeyFile: '/home/someone/.ec2/carol_accessKeys.csv',
          keyPath: '/home/someone/.ec2/pk-carol.pem',
          certificatePath: '/home/someone/.ec2/cert-carol.pem',
          signingCertificateId: '9p7ei5rvozqljc1s0y414n5slyj2r0q6',
          exportLines: [
            `export EC2_PRIVATE_KEY=/home/someone/.ec2/pk-${request.userName}.pem`,
            `export EC2_CERT=/home/someone/.ec2/cert-${request.userName}.pem`,
          ],
        }),
      }),
      { route: { screen: 'onboard' }, columns: 60, rows: 20 },
    );
    await toUser(app, 'carol');
    await app.waitForText('Save the CSV to');
    await app.press(KEYS.enter);
    await app.waitForText('Signing certificate');
    await app.press(KEYS.enter);
    await app.waitForText('Ready to onboard');
    await app.press(KEYS.enter);
    // The report is drawn once its rows are measured, a frame after the title.
    const first = await app.waitFor(
      (frame) => frame.includes('carol is onboarded') && frame.includes('Secret access key'),
      'the summary',
    );
    expect(first).not.toContain(secret);
    expect(first.split('\n')).toHaveLength(20);
    // A blank line in a report is a blank row, not dropped (the count of lines includes it).
    const rows = first.split('\n');
    expect(rows[rows.findIndex((row) => row.includes('Exists now')) + 1]!.trim()).toBe('');
    await app.press('G');
    const last = await app.waitForText('export EC2_CERT=/home/someone/.ec2/cert-carol.pem');
    expect(last).toContain('export EC2_PRIVATE_KEY=/home/someone/.ec2/pk-carol.pem');
    expect(last.split('\n')).toHaveLength(20);
    await app.press('g');
    await app.press('v');
    await app.waitForText(secret);
  });
});

describe('file fields of the upload form (#18)', () => {
  it('Tab completes a path as in Inspect, ↓ still moves on, and a pasted path in quotes is read as the shell would', async () => {
    app = await renderApp(stubServices(), { route: { screen: 'server-upload' }, columns: 200 });
    await app.waitForText('Name');
    await app.press(KEYS.down);
    await app.press(KEYS.down);
    await app.waitForText('› Certificate');
    await app.type(`${fx.dir}/selfsig`);
    await app.waitFor((frame) => /tab complete the path/.test(frame) && /↓ next field/.test(frame), 'the footer');
    await app.press(KEYS.tab);
    await app.waitForText(`Certificate    : ${fx.dir}/selfsigned.pem`);
    await app.press(KEYS.down);
    await app.waitForText('› Private key');
    // Several match: the choices are shown, the common start completed.
    await app.type(`${fx.dir}/rsa2048-pkcs1.`);
    await app.press(KEYS.tab);
    await app.waitForText('rsa2048-pkcs1.der  rsa2048-pkcs1.key  rsa2048-pkcs1.pub');
    await app.press(KEYS.ctrlU);
    await app.type(`'${fx.dir}/rsa2048.key'`);
    await app.waitForText('✓ Private key matches the certificate');
  });

  it('Tab on a path with nothing left to complete moves on, and keys typed right after it land in the next field', async () => {
    app = await renderApp(stubServices(), { route: { screen: 'server-upload' }, columns: 200 });
    await app.waitForText('› Name');
    await app.press(KEYS.down);
    await app.press(KEYS.down);
    await app.waitForText('› Certificate');
    await app.type(fx.path('selfsigned.pem'));
    await app.waitForText('✓ Certificate');
    // Tab and the next path in one read, as a fast typist or a paste sends them.
    await app.press(`${KEYS.tab}${fx.path('rsa2048.key')}`);
    const frame = await app.waitForText('✓ Private key matches the certificate');
    expect(frame).toContain(`Certificate    : ${fx.path('selfsigned.pem')}`);
    expect(frame).toContain(`› Private key`);
  });

  it('many matches are named whole in two rows at most, with how many more there are; the form keeps its place', async () => {
    const folder = mkdtempSync(join(work, 'many-'));
    for (let index = 0; index < 20; index += 1) writeFileSync(join(folder, `server-certificate-${index}.pem`), 'x');
    app = await renderApp(stubServices(), { route: { screen: 'server-upload' }, columns: 80 });
    await app.waitForText('› Name');
    await app.press(KEYS.down);
    await app.press(KEYS.down);
    await app.type(`${folder}/s`);
    await app.waitForText(`${folder}/s`);
    await app.press(KEYS.tab);
    const frame = await app.waitFor((shown) => /… and \d+ more: type more, then Tab/.test(shown), 'the choices');
    const lines = frame.split('\n');
    const first = lines.findIndex((line) => line.includes('server-certificate-0.pem'));
    expect(lines[first + 1]).toMatch(/… and \d+ more: type more, then Tab$/);
    // Every name shown is whole; the header is where it was.
    expect(frame).not.toMatch(/server-certificate-\d*…/);
    expect(lines[0]).toMatch(/^iamcert › upload server certificate/);
  });

  it('Tab finds a file made after the folder was first read (the read ahead is not the last word)', async () => {
    const folder = mkdtempSync(join(work, 'late-'));
    writeFileSync(join(folder, 'old.pem'), 'x');
    app = await renderApp(stubServices(), { route: { screen: 'server-upload' }, columns: 200 });
    await app.waitForText('› Name');
    await app.press(KEYS.down);
    await app.press(KEYS.down);
    await app.waitForText('› Certificate');
    await app.type(`${folder}/`);
    await app.waitForText(`Certificate    : ${folder}/`);
    writeFileSync(join(folder, 'new-cert.pem'), 'x');
    await app.type('ne');
    await app.press(KEYS.tab);
    const frame = await app.waitForText(`${folder}/new-cert.pem`);
    expect(frame).toContain('› Certificate');
  });
});

describe('the upload result at 60 columns (#18)', () => {
  it('a long ARN wraps under itself, not back to the margin', async () => {
    const arn = `arn:aws:iam::111122223333:server-certificate/cloudfront/production/shop/${'x'.repeat(40)}`;
    app = await renderApp(
      stubServices({
        uploadServerCertificate: async () =>
          ({ row: { name: 'shop', path: '/', id: 'ASCASHOP', arn, expiryState: 'ok' } }) as never,
      }),
      {
        route: { screen: 'server-upload', certificate: fx.path('selfsigned.pem'), privateKey: fx.path('rsa2048.key') },
        columns: 60,
        rows: 30,
      },
    );
    await app.waitForText('› Name');
    await app.type('shop');
    for (let field = 0; field < 4; field += 1) await app.press(KEYS.down);
    await app.waitForText('Ready: enter on the last field uploads.');
    await app.press(KEYS.enter);
    const frame = await app.waitForText('Uploaded shop');
    const lines = frame.split('\n');
    const first = lines.findIndex((line) => line.includes(' ARN '));
    expect(lines[first + 1]).toMatch(/^ {6}\S/);
    expect(frame.replace(/\n {6}/g, '')).toContain(arn);
  });
});

describe('the upload form knows the names IAM holds', () => {
  it('a name in use, in any case, is ✗ at the field and Enter does not send it; another name is ready', async () => {
    const uploads: string[] = [];
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => [
          {
            name: 'www-example-2026',
            path: '/',
            id: 'ASCAWWW',
            arn: 'arn:aws:iam::111122223333:server-certificate/www-example-2026',
            expiration: '2026-12-20T00:00:00Z',
            expiryState: '≤30 days',
          },
        ],
        uploadServerCertificate: async (input) => {
          uploads.push(input.name);
          return { row: { name: input.name, path: '/', id: 'ASCANEW', arn: 'arn:x', expiryState: 'ok' } } as never;
        },
      }),
      {
        route: { screen: 'server-upload', certificate: fx.path('selfsigned.pem'), privateKey: fx.path('rsa2048.key') },
        columns: 100,
        rows: 30,
      },
    );
    await app.waitForText('› Name');
    await app.type('WWW-Example-2026');
    const frame = await app.waitForText('already holds a server certificate named "www-example-2026"');
    expect(frame).toContain('✗ Name is one IAM accepts');
    expect(frame.replace(/\s+/g, ' ')).toContain('press R on it in Server certificates');
    for (let field = 0; field < 4; field += 1) await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('Not uploaded: fix the ✗ above first.');
    expect(uploads).toEqual([]);
    for (let field = 0; field < 4; field += 1) await app.press(KEYS.up);
    await app.press(KEYS.ctrlU);
    await app.type('www-example-2027');
    await app.waitForText('✓ Name is one IAM accepts');
    for (let field = 0; field < 4; field += 1) await app.press(KEYS.down);
    await app.waitForText('Ready: enter on the last field uploads.');
    await app.press(KEYS.enter);
    await app.waitForText('Uploaded www-example-2027');
    expect(uploads).toEqual(['www-example-2027']);
  });

  it('when the names cannot be read, nothing is refused for it (IAM still refuses a duplicate)', async () => {
    app = await renderApp(
      stubServices({
        listServerCertificates: async () => Promise.reject(new Error('offline')),
      }),
      {
        route: { screen: 'server-upload', certificate: fx.path('selfsigned.pem'), privateKey: fx.path('rsa2048.key') },
        columns: 100,
        rows: 30,
      },
    );
    await app.waitForText('› Name');
    await app.type('www-example-2026');
    await app.waitForText('✓ Name is one IAM accepts');
  });
});

describe('signing: c makes a pair and uploads it', () => {
  it('shows both files and the lines for the shell until the next action; e copies the lines', async () => {
    const keyPath = join(work, 'ec2', 'pk-bob-20261204.pem');
    const certificatePath = join(work, 'ec2', 'cert-bob-20261204.pem');
    const asked: string[] = [];
    const services = stubServices({
      listSigningCertificates: async () => [],
      createSigningPair: async (user) => {
        asked.push(user);
        return {
          certificate: { id: 'ID1', userName: user, status: 'Active' },
          keyPath,
          certificatePath,
          exportLines: [`export EC2_PRIVATE_KEY=${keyPath}`, `export EC2_CERT=${certificatePath}`],
        };
      },
    });
    app = await renderApp(services, { route: { screen: 'signing-user', user: 'bob' } });
    await app.waitForText('0 of 2 signing certificates');
    await app.press('c');
    // Long paths wrap under themselves; read them joined.
    const made = (await app.waitForText('Created and uploaded ID1')).replace(/\n {4,}/g, '');
    expect(made).toMatch(/key\s+\S*pk-bob-20261204\.pem \(0600\)/);
    expect(made).toMatch(/certificate\s+\S*cert-bob-20261204\.pem/);
    const joined = made.replace(/\s+/g, '');
    expect(joined).toContain(`exportEC2_PRIVATE_KEY=${keyPath}`);
    expect(joined).toContain(`exportEC2_CERT=${certificatePath}`);
    await app.press('e');
    await app.waitForText('Copied the export lines');
    expect(asked).toEqual(['bob']);
  });
});

describe('signing: upload a file that is refused (#18)', () => {
  it('brings the prompt back with the path as typed, to correct it', async () => {
    const bad = join(work, 'not-a-certificate.pem');
    writeFileSync(bad, 'hello');
    app = await renderApp(
      stubServices({
        listSigningCertificates: async () => [],
        uploadSigningCertificate: async () =>
          Promise.reject(
            new IamcertError({
              code: 'MALFORMED_CERTIFICATE',
              message: 'IAM refused the certificate: it is not a PEM certificate.',
              fix: 'Pick a PEM certificate file.',
            }),
          ),
      }),
      { route: { screen: 'signing-user', user: 'bob' } },
    );
    await app.waitForText('0 of 2 signing certificates');
    await app.press('u');
    await app.waitForText('Certificate file');
    await app.type(bad);
    await app.press(KEYS.enter);
    const frame = await app.waitForText('IAM refused the certificate');
    expect(frame).toContain('Certificate file');
    expect(frame).toContain('not-a-certificate.pem');
  });
});

describe('status lines', () => {
  it('a message belongs to the screen that made it: going back clears it', async () => {
    app = await renderApp(stubServices({ listServerCertificates: async () => [row('www')] }), {
      route: { screen: 'home' },
    });
    await app.waitForText('IAM and ACM certificates');
    await app.press(KEYS.down);
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('www');
    await app.press('y');
    await app.waitForText('Copied');
    await app.press(KEYS.escape);
    await app.waitForText('Create key & certificate');
    expect(app.frame()).not.toContain('Copied');
  });
});

describe('policy search', () => {
  /** Onboarding at its policy step, the group "ops" picked, with these AWS-managed policies listed. */
  const toPolicies = async (policies: Array<{ name: string; arn: string }>): Promise<Rendered> => {
    const rendered = await renderApp(
      stubServices({
        listGroups: async () => [{ name: 'ops', arn: 'arn:g', path: '/' }],
        listManagedPolicies: async () => policies,
      }),
      { route: { screen: 'onboard' } },
    );
    await rendered.waitForText('ops');
    await rendered.press(KEYS.down);
    await rendered.press(KEYS.enter);
    return rendered;
  };

  it('says when nothing matches, with the count, and when IAM listed none at all', async () => {
    const policies = [{ name: 'AmazonEC2ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess' }];
    app = await toPolicies(policies);
    await app.waitForText('1 of 1');
    await app.type('nosuch');
    await app.waitForText('No policy matches "nosuch" (of 1).');
    app.unmount();
    app = await toPolicies([]);
    await app.waitForText('IAM listed no AWS-managed policies here');
  });

  it('is a list like the others: a mark column, the selection kept in view, the rows in view counted', async () => {
    const policies = Array.from({ length: 60 }, (_, index) => ({
      name: `Policy${String(index).padStart(2, '0')}`,
      arn: `arn:aws:iam::aws:policy/Policy${index}`,
    }));
    app = await toPolicies(policies);
    await app.waitForText('60 of 60');
    for (let step = 0; step < 30; step += 1) await app.press(KEYS.down);
    await app.press(KEYS.tab);
    const frame = await app.waitForText('Selected: Policy30');
    expect(frame).toMatch(/› \[x\] Policy30/);
    // Centred, as every list of the app: rows after the selection are in view too.
    expect(frame).toContain('Policy31');
    expect(frame).toMatch(/60 of 60 · rows \d+–\d+/);
  });
});
