import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { FileToWrite } from '../../src/core/files/safe-write.js';
import { readItems } from '../../src/core/formats/read.js';
import type { CertificateItem } from '../../src/core/formats/items.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();

let app: Rendered | undefined;
afterEach(() => app?.unmount());

/** The signing recipe's steps with Enter alone (key type, six subject fields, validity), up to where to save. */
async function toWhereToSave(rendered: Rendered): Promise<void> {
  await rendered.waitForText('Key type');
  await rendered.press(KEYS.enter);
  for (let field = 0; field < 6; field += 1) await rendered.press(KEYS.enter);
  await rendered.press(KEYS.enter);
  await rendered.waitForText('Where to save');
}

describe('create key & certificate', () => {
  it('walks the classic signing recipe with Enter alone, and shows files, modes, fingerprint and exports', async () => {
    const written: FileToWrite[] = [];
    app = await renderApp(
      stubServices({ existingPaths: async () => [], writeFiles: async (files) => void written.push(...files) }),
      { route: { screen: 'create' } },
    );
    await app.waitForText('What is the certificate for?');
    await app.press(KEYS.enter);
    await app.waitForText('Key type');
    expect(app.frame()).toContain('works with every AWS service');
    await app.press(KEYS.enter);
    await app.waitForText('Subject (all optional');
    for (let field = 0; field < 6; field += 1) await app.press(KEYS.enter);
    await app.waitForText('Days: 3650');
    await app.press(KEYS.enter);
    const output = await app.waitForText('Where to save');
    expect(output).toContain('PKCS#8 (BEGIN PRIVATE KEY)');
    await app.press(KEYS.enter);
    await app.press(KEYS.enter);
    const result = await app.waitForText('✓ Created');
    expect(result).toMatch(/pk-amazon\.pem\s+private key, PKCS#8, mode 0600/);
    expect(result).toMatch(/sha256 [0-9a-f]{64}/);
    expect(result).toMatch(/export EC2_PRIVATE_KEY=.*pk-amazon\.pem/);
    expect(result).toContain('Upload as signing certificate for a user');

    expect(written.map((file) => [file.path.split('/').pop(), Boolean(file.secret)])).toEqual([
      ['pk-amazon.pem', true],
      ['cert-amazon.pem', false],
    ]);
    expect(String(written[0]!.data)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const certificate = (await readItems(Buffer.from(String(written[1]!.data)))).items[0] as CertificateItem;
    expect(certificate).toMatchObject({ subject: '', keySize: 2048, selfSigned: true });
  });

  it('asks before replacing existing files, and goes back on n', async () => {
    const written: FileToWrite[] = [];
    app = await renderApp(
      stubServices({ existingPaths: async (paths) => paths, writeFiles: async (files) => void written.push(...files) }),
      { route: { screen: 'create', purpose: 'signing' } },
    );
    await toWhereToSave(app);
    await app.press(KEYS.enter);
    await app.press(KEYS.enter);
    await app.waitForText('These files exist already');
    await app.press('n');
    await app.waitForText('Where to save');
    expect(written).toEqual([]);
  });

  it("says when the pair to be replaced is a user's signing certificate in IAM, naming it and its status", async () => {
    const certificate = fx.read('selfsigned.pem');
    const { sha256 } = (await readItems(certificate)).items[0] as CertificateItem;
    const asked: string[] = [];
    app = await renderApp(
      stubServices({
        existingPaths: async (paths) => paths,
        readFile: async (path) => (path.endsWith('cert-amazon.pem') ? certificate : Buffer.from('')),
        listSigningCertificates: async (user) => {
          asked.push(user);
          return [{ id: 'ASCAEXAMPLE1234567', userName: user, status: 'Active', sha256, body: '' }];
        },
      }),
      { route: { screen: 'create', purpose: 'signing' } },
    );
    await toWhereToSave(app);
    await app.press(KEYS.enter);
    await app.press(KEYS.enter);
    const frame = (await app.waitForText('These files exist already')).replace(/\n\s+/g, ' ');
    expect(frame).toMatch(/cert-amazon\.pem is signing certificate ASCAEXAM of amazon, Active in IAM/);
    expect(frame).toContain('replacing it loses that key for good');
    expect(asked).toEqual(['amazon']);
  });

  it('a name with a slash (a path typed, or a : command typed into the field) is refused there, and nothing is written', async () => {
    const written: FileToWrite[] = [];
    app = await renderApp(
      stubServices({ existingPaths: async () => [], writeFiles: async (files) => void written.push(...files) }),
      { route: { screen: 'create', purpose: 'signing' } },
    );
    await toWhereToSave(app);
    await app.press(KEYS.down);
    await app.press(KEYS.ctrlU);
    await app.type('bob:inspect /tmp/x.pem');
    const frame = await app.waitForText('has characters IAM does not allow');
    expect(frame).not.toContain('Will write');
    await app.press(KEYS.enter);
    await app.waitForText('Not yet:');
    expect(written).toEqual([]);
  });

  it('explains PKCS#1 when the key format is switched', async () => {
    app = await renderApp(stubServices(), { route: { screen: 'create', purpose: 'csr' } });
    await app.waitForText('Key type');
    await app.press(KEYS.enter);
    await app.type('shop.example.com');
    for (let field = 0; field < 7; field += 1) await app.press(KEYS.enter);
    await app.waitForText('Where to save');
    await app.press(KEYS.tab);
    await app.waitForText('legacy EC2 tools reject it');
  });
});

describe('create: fields say what is wrong as it is typed', () => {
  it('a three-letter country is refused at the field, and Enter does not move on', async () => {
    app = await renderApp(stubServices({ existingPaths: async () => [] }), { route: { screen: 'create' } });
    await app.waitForText('What is the certificate for?');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('Key type');
    await app.press(KEYS.enter);
    await app.waitForText('Subject (the common name or a DNS name');
    await app.type('shop.example.com');
    for (let field = 0; field < 5; field += 1) await app.press(KEYS.enter);
    await app.waitForText('› Country');
    await app.type('USA');
    await app.waitForText('two letters, the ISO country code');
    await app.press(KEYS.enter);
    await app.waitForText('› DNS names');
    // Enter on the last field answers: the step is not left, and the reason is said.
    await app.press(KEYS.enter);
    const refused = await app.waitForText('Not yet:');
    expect(refused).toContain('Subject (the common name');
    expect(refused).not.toContain('Validity');
    expect(refused).toContain('› DNS names');
    await app.press(KEYS.up);
    for (let typed = 0; typed < 3; typed += 1) await app.press(KEYS.backspace);
    await app.type('US');
    expect(app.frame()).not.toContain('Not yet:');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('Days:');
  });

  it('an EC key in its traditional form is called SEC1, not PKCS#1', async () => {
    app = await renderApp(stubServices({ existingPaths: async () => [] }), { route: { screen: 'create' } });
    await app.waitForText('What is the certificate for?');
    await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('Key type');
    for (let step = 0; step < 3; step += 1) await app.press(KEYS.down);
    await app.press(KEYS.enter);
    await app.waitForText('Subject (the common name');
    await app.type('shop.example.com');
    for (let field = 0; field < 7; field += 1) await app.press(KEYS.enter);
    await app.waitForText('Days:');
    await app.press(KEYS.enter);
    await app.waitForText('Where to save');
    await app.press(KEYS.tab);
    await app.waitForText('Key format: SEC1');
    // Its label lines up with the fields' labels above it.
    const lines = app.frame().split('\n');
    const column = (label: string) => lines.find((line) => line.includes(label))!.indexOf(label);
    expect(column('Key format:')).toBe(column('Name  :'));
    expect(app.frame()).toContain('BEGIN EC PRIVATE KEY');
    expect(app.frame()).not.toContain('PKCS#1');
  });
});

describe('create, as a new user meets it (#18)', () => {
  async function toSubject(purpose: 'server' | 'csr', written: FileToWrite[] = [], columns = 120) {
    app = await renderApp(
      stubServices({ existingPaths: async () => [], writeFiles: async (files) => void written.push(...files) }),
      { route: { screen: 'create', purpose }, columns },
    );
    await app.waitForText('Key type');
    await app.press(KEYS.enter);
    await app.waitForText('Subject (the common name or a DNS name');
    return app;
  }

  it('a request with no subject and no names is refused at the subject, saying why', async () => {
    await toSubject('csr');
    for (let field = 0; field < 7; field += 1) await app!.press(KEYS.enter);
    const refused = await app!.waitForText('Not yet:');
    expect(refused).toContain('a CA signs a name');
    expect(refused).not.toContain('Where to save');
  });

  it('a request: the file name follows the common name, and the result says what to do next', async () => {
    const written: FileToWrite[] = [];
    await toSubject('csr', written);
    await app!.type('shop.example.com');
    for (let field = 0; field < 6; field += 1) await app!.press(KEYS.enter);
    const names = (await app!.waitForText('› DNS names')).replace(/\s+/g, ' ');
    expect(names).toContain('Leave empty: shop.example.com, the common name');
    await app!.press(KEYS.enter);
    const output = await app!.waitForText('Where to save');
    expect(output).toContain('csr-shop.example.com.pem');
    await app!.press(KEYS.enter);
    await app!.press(KEYS.enter);
    const result = (await app!.waitForText('✓ Created')).replace(/\s*\n\s*/g, ' ');
    expect(result).toContain('Next: send csr-shop.example.com.pem to your CA');
    expect(result).not.toContain('EC2_');
    expect(written.map((file) => file.path.split('/').pop())).toEqual([
      'pk-shop.example.com.pem',
      'csr-shop.example.com.pem',
    ]);
    // No DNS name typed: the common name is asked for as one, since browsers and CAs read names from there.
    const request = execFileSync('openssl', ['req', '-noout', '-text'], { input: String(written[1]!.data) }).toString();
    expect(request).toMatch(/Subject Alternative Name:\s*DNS:shop\.example\.com/);
  });

  it('at 60 columns, each line of the result wraps under itself (found by hand)', async () => {
    await toSubject('csr', [], 60);
    await app!.type('shop.example.com');
    for (let field = 0; field < 7; field += 1) await app!.press(KEYS.enter);
    await app!.waitForText('Where to save');
    await app!.press(KEYS.enter);
    await app!.press(KEYS.enter);
    const lines = (await app!.waitForText('✓ Created')).split('\n');
    const result = lines.slice(
      lines.findIndex((line) => line.includes('✓ Created')) + 1,
      lines.findIndex((line) => line.includes('Next:')),
    );
    expect(result.join(' ')).toMatch(/mode 0600/);
    expect(result.length).toBeGreaterThan(3);
    for (const row of result) expect(row, 'a row of the result, under its own indent').toMatch(/^ {2}/);
  });

  it('a self-signed server certificate shows no EC2 export lines, and a name typed is kept', async () => {
    await toSubject('server');
    await app!.press(KEYS.down);
    await app!.press(KEYS.down);
    for (let field = 2; field < 6; field += 1) await app!.press(KEYS.enter);
    await app!.waitForText('› DNS names');
    await app!.type('*.example.com');
    await app!.press(KEYS.enter);
    await app!.waitForText('Days:');
    await app!.press(KEYS.enter);
    const output = await app!.waitForText('Where to save');
    expect(output).toContain('cert-wildcard.example.com.pem');
    await app!.press(KEYS.down);
    await app!.press(KEYS.ctrlU);
    await app!.type('mine');
    // The first Esc leaves the field, the second goes back a step.
    await app!.press(KEYS.escape);
    await app!.press(KEYS.escape);
    await app!.waitForText('Days:');
    await app!.press(KEYS.enter);
    await app!.waitForText('cert-mine.pem');
    await app!.press(KEYS.enter);
    await app!.press(KEYS.enter);
    const result = await app!.waitForText('✓ Created');
    expect(result).not.toContain('EC2_PRIVATE_KEY');
    expect(result).toContain('Next: upload it as a server certificate');
  });

  it('the RSA 3072 hint says Classic Load Balancers refuse it', async () => {
    app = await renderApp(stubServices(), { route: { screen: 'create', purpose: 'server' } });
    await app.waitForText('Key type');
    await app.press(KEYS.down);
    const frame = (await app.waitForText('RSA 3072')).replace(/\s*\n\s*/g, ' ');
    expect(frame).toContain('Classic Load Balancers do not');
    expect(frame).not.toContain('accepted by CloudFront and load balancers');
  });
});
