import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fieldHolds, KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';
import { opensslCertSha256 } from '../helpers/openssl.js';
import { fixtures, KEY_PASSWORD, PASSPHRASE, STORE_PASSWORD } from '../helpers/use-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(join(tmpdir(), 'iamcert-inspect-screen-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let app: Rendered | undefined;
afterEach(() => app?.unmount());

/** The passphrase prompt, however a long path wraps its sentence. */
async function passphrasePrompt(rendered: Rendered): Promise<string> {
  return rendered.waitFor(
    (frame) => frame.replace(/\s+/g, ' ').includes('protected by a passphrase'),
    'the passphrase prompt',
  );
}

/** From the report: a, then the action named LABEL, Enter, and the folder typed over the one offered, Enter. */
async function actionInto(rendered: Rendered, label: string, folder: string): Promise<void> {
  await rendered.press('a');
  await rendered.waitForText('What should happen');
  for (let step = 0; step < 10 && !rendered.frame().includes(`› ${label}`); step += 1) await rendered.press(KEYS.down);
  await rendered.press(KEYS.enter);
  await rendered.waitForText('Folder:');
  await rendered.press(KEYS.ctrlU);
  await rendered.type(folder);
  await rendered.press(KEYS.enter);
}

const prepareInto = (rendered: Rendered, folder: string) => actionInto(rendered, 'Prepare for IAM upload', folder);

async function open(path: string): Promise<Rendered> {
  // As `:inspect PATH` does: the file opens at once.
  return renderApp(stubServices(), { route: { screen: 'inspect', path } });
}

/** The keystore with two key entries, opened with its store password, at its report. */
async function openTwoKeys(): Promise<Rendered> {
  const rendered = await open(fx.path('two-keys.jks'));
  await passphrasePrompt(rendered);
  await rendered.type(STORE_PASSWORD);
  await rendered.press(KEYS.enter);
  await rendered.waitForText('Java keystore (JKS)');
  return rendered;
}

describe('inspect & convert', () => {
  it('shows every item of a bundle with expiry in words, the key match and the chain', async () => {
    app = await open(fx.path('bag-attributes.pem'));
    const frame = await app.waitForText('PEM, 4 items');
    expect(frame).toContain('CN=www.example.com');
    expect(frame).toMatch(/expires in/);
    for (let line = 0; line < 60 && !app.frame().includes('chain, leaf to root'); line += 1) await app.press('j');
    expect(app.frame()).toContain('key [3] matches certificate [0]');
    expect(app.frame()).toContain('chain, leaf to root: [0] → [1] → [2]');
  });

  it('asks for a PFX password with masked input, then shows the contents', async () => {
    app = await open(fx.path('modern.p12'));
    await passphrasePrompt(app);
    await app.type('nope');
    expect(app.frame()).toContain('****');
    expect(app.frame()).not.toContain('nope');
    await app.press(KEYS.enter);
    await app.waitForText('does not open');
    await app.type(PASSPHRASE);
    await app.press(KEYS.enter);
    await app.waitForText('PKCS#12 (PFX), 4 items');
  });

  it("asks for the next file's passphrase without a ✗ when the one remembered does not open it; ✗ only after a wrong one is typed", async () => {
    app = await open(fx.path('modern.p12'));
    await passphrasePrompt(app);
    // Nothing typed yet: nothing is wrong yet.
    expect(app.frame()).not.toContain('✗');
    await app.type(PASSPHRASE);
    await app.press(KEYS.enter);
    await app.waitForText('PKCS#12 (PFX), 4 items');
    await app.press('o');
    await app.waitFor((frame) => fieldHolds(frame, 'File', `${fx.dir}/`), 'the picker in the folder');
    await app.type('enc-other.key');
    await app.press(KEYS.enter);
    await passphrasePrompt(app);
    expect(app.frame()).not.toContain('does not open');
    expect(app.frame()).not.toContain('✗');
    await app.type('not it');
    await app.press(KEYS.enter);
    await app.waitForText('does not open');
    await app.type('another one');
    await app.press(KEYS.enter);
    await app.waitForText('opened with the passphrase');
  });

  it('says so when the passphrase given for the last file opens the next one', async () => {
    app = await open(fx.path('modern.p12'));
    await passphrasePrompt(app);
    await app.type(PASSPHRASE);
    await app.press(KEYS.enter);
    await app.waitForText('PKCS#12 (PFX), 4 items');
    await app.press('o');
    await app.waitFor((frame) => fieldHolds(frame, 'File', `${fx.dir}/`), 'the picker in the folder');
    await app.type('enc-pbes2.key');
    await app.press(KEYS.enter);
    await app.waitFor(
      (frame) =>
        frame
          .replace(/\s*\n\s*/g, ' ')
          .includes('Opened with the passphrase you gave for the file before; enc-pbes2.key'),
      'the flash that says the remembered passphrase opened it',
    );
    await app.waitForText('opened with the passphrase');
  });

  it.skipIf(!fx.keystores)(
    'a Java keystore whose key has its own password: the store password, then the key password by alias',
    async () => {
      app = await open(fx.path('own-key-password.jks'));
      await passphrasePrompt(app);
      await app.type(STORE_PASSWORD);
      await app.press(KEYS.enter);
      await app.waitForText('The key entry "tomcat"');
      expect(app.frame()).toContain('has a password of its own');
      await app.type('not the key password');
      await app.press(KEYS.enter);
      await app.waitForText('does not open the key entry "tomcat"');
      await app.type(KEY_PASSWORD);
      await app.press(KEYS.enter);
      const frame = await app.waitForText('Java keystore (JKS), 5 items');
      expect(frame).toMatch(/private key RSA 2048, PKCS#8, encrypted \(opened with the passphrase\)/);
    },
  );

  it('prepares a PFX for IAM: checklist green, three files, key 0600', async () => {
    app = await open(fx.path('legacy.p12'));
    await passphrasePrompt(app);
    await app.type(PASSPHRASE);
    await app.press(KEYS.enter);
    await app.waitForText('PKCS#12');
    const folder = join(work, 'prepared');
    await prepareInto(app, folder);
    const frame = await app.waitForText('Written to');
    expect(frame).toContain('✓ Chain present and in order');
    expect(frame).not.toContain('✗');
    expect(statSync(join(folder, 'private-key.pem')).mode & 0o777).toBe(0o600);
    expect(opensslCertSha256(join(folder, 'certificate.pem'))).toBe(opensslCertSha256(fx.path('leaf.pem')));
    // Then upload what was just written: no second prepare, no question about replacing those files.
    await app.press('u');
    const upload = await app.waitForText('upload server certificate');
    expect(upload).toContain(join(folder, 'certificate.pem'));
    expect(upload).not.toContain('Replace them?');
  });

  it.skipIf(!fx.keystores)(
    'prepares a keystore with two key entries after asking which one, by the certificate stored with each',
    async () => {
      app = await openTwoKeys();
      await app.press('a');
      const menu = await app.waitForText('What should happen');
      // Two entries are two keys with certificates of their own, not one certificate and its chain.
      expect(menu.replace(/\s+/g, ' ')).toMatch(
        /the 2 keys written decrypted \(0600\) first, then the \d certificates\./,
      );
      await app.press(KEYS.escape);
      const folder = join(work, 'prepared-two-keys');
      await prepareInto(app, folder);
      const asked = await app.waitForText('Which one?');
      expect(asked).toContain('backup');
      expect(asked).toContain('tomcat');
      // Esc leaves the question without writing anything.
      await app.press(KEYS.escape);
      await app.waitFor((frame) => !frame.includes('Which one?'), 'the question to close');
      expect(existsSync(folder)).toBe(false);
      await prepareInto(app, folder);
      await app.waitForText('Which one?');
      for (let step = 0; step < 3 && !/› tomcat/.test(app.frame()); step += 1) await app.press(KEYS.down);
      expect(app.frame()).toMatch(/www\.example\.com/);
      await app.press(KEYS.enter);
      const frame = await app.waitForText('Written to');
      expect(frame).not.toContain('--alias');
      expect(opensslCertSha256(join(folder, 'certificate.pem'))).toBe(opensslCertSha256(fx.path('leaf.pem')));
    },
  );

  it.skipIf(!fx.keystores)(
    'splits a keystore with two key entries into a file per item, each key its own 0600 file',
    async () => {
      app = await openTwoKeys();
      await app.press('a');
      await app.waitForText('What should happen');
      for (let step = 0; step < 10 && !/› Split into one file per item/.test(app.frame()); step += 1)
        await app.press(KEYS.down);
      // The names it will write, as the keystore orders its entries: numbered keys, never key.pem twice.
      expect(app.frame()).toMatch(/key-1\.pem, (cert-1\.pem, key-2\.pem|cert-1\.pem, cert-2\.pem) …/);
      await app.press(KEYS.enter);
      await app.waitForText('Folder:');
      const folder = join(work, 'split-two-keys');
      await app.press(KEYS.ctrlU);
      await app.type(folder);
      await app.press(KEYS.enter);
      await app.waitForText('Wrote');
      expect(
        readdirSync(folder)
          .filter((name) => name.startsWith('key'))
          .sort(),
      ).toEqual(['key-1.pem', 'key-2.pem']);
      const keys = ['key-1.pem', 'key-2.pem'].map((name) => join(folder, name));
      for (const key of keys) expect(statSync(key).mode & 0o777).toBe(0o600);
      // Two different keys, each whole: OpenSSL reads both, and they are not the same key.
      const publics = keys.map((key) => execFileSync('openssl', ['pkey', '-in', key, '-pubout']).toString());
      expect(publics[0]).not.toBe(publics[1]);
    },
  );

  it('says clearly what a bad file is, and stays on the picker', async () => {
    app = await open(fx.path('does-not-exist.pem'));
    const frame = await app.waitForText('does not exist');
    expect(frame).toContain('File:');
  });
});

describe('inspect, as a new user meets it (#18)', () => {
  it('a lone DER certificate: Convert to PEM speaks of the certificate alone, and n at "Replace them?" keeps the path typed', async () => {
    const existing = join(work, 'already-here.pem');
    writeFileSync(existing, 'something the user keeps');
    app = await open(fx.path('leaf.der'));
    await app.waitForText('DER');
    await app.press('a');
    const menu = await app.waitForText('Convert to PEM');
    expect(menu.replace(/\s+/g, ' ')).toContain('Text form: the certificate.');
    expect(menu).not.toContain('key first');
    await app.press(KEYS.enter);
    await app.waitForText('Write to');
    await app.press(KEYS.ctrlU);
    await app.type(existing);
    await app.press(KEYS.enter);
    await app.waitForText('Replace them?');
    await app.press('n');
    const back = await app.waitForText('Write to');
    expect(back).toContain(existing);
    expect(readFileSync(existing, 'utf8')).toBe('something the user keeps');
  });

  it('Convert to PEM on a PFX says the key is written decrypted, and it is 0600', async () => {
    app = await open(fx.path('modern.p12'));
    await passphrasePrompt(app);
    await app.type(PASSPHRASE);
    await app.press(KEYS.enter);
    await app.waitForText('PKCS#12 (PFX), 4 items');
    await app.press('a');
    const menu = await app.waitForText('Convert to PEM');
    expect(menu).toContain('written decrypted');
    await app.press(KEYS.enter);
    await app.waitForText('Write to');
    const target = join(work, 'from-pfx.pem');
    await app.press(KEYS.ctrlU);
    await app.type(target);
    await app.press(KEYS.enter);
    const done = (await app.waitForText('Wrote')).replace(/\s*\n\s*/g, ' ');
    expect(done).toContain('the key is written decrypted, readable by you alone (0600)');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('a folder given as the file opens that folder in the listing, filling the rows there are', async () => {
    app = await open(fx.dir);
    const frame = await app.waitForText('bag-attributes.pem');
    expect(fieldHolds(frame, 'File', `${fx.dir}/`), frame).toBe(true);
    expect(frame).not.toMatch(/is a folder|FILE_IS_FOLDER/);
    // At 24 rows the listing uses the room below the field: no run of empty rows above the footer.
    const lines = frame.split('\n');
    const empty = lines.slice(lines.findIndex((line) => line.includes('File:'))).filter((line) => !line.trim());
    expect(empty.length).toBeLessThan(3);
  });
});

describe('a path longer than the field', () => {
  it('stays on one row beside its label, showing its end and the cursor; ctrl-a shows its start; Enter opens it', async () => {
    const deep = join(
      work,
      'a-folder-with-a-long-name-for-certificates',
      'another-long-folder-2026',
      'www.example.com',
    );
    mkdirSync(deep, { recursive: true });
    const file = join(deep, 'fullchain.pem');
    writeFileSync(file, fx.read('leaf.pem'));
    expect(file.length).toBeGreaterThan(100);
    app = await renderApp(stubServices(), { route: { screen: 'inspect' } });
    await app.waitForText('File:');
    await app.type(file);
    const typed = await app.waitFor((frame) => fieldHolds(frame, 'File', file), 'the end of the path beside its label');
    const row = typed.split('\n').find((line) => line.includes('File: '))!;
    expect(row).toMatch(/^ File: …\S+\/fullchain\.pem ?$/);
    expect(row.length).toBeLessThanOrEqual(80);
    // The row under it is the listing, not the rest of the path.
    expect(typed.split('\n')[typed.split('\n').indexOf(row) + 1]).not.toMatch(/fullchain/);
    await app.press('\u0001');
    const start = await app.waitFor(
      (frame) => frame.split('\n').some((line) => line.startsWith(` File: ${file.slice(0, 20)}`) && line.endsWith('…')),
      'the start of the path, … at the end',
    );
    expect(start.split('\n').find((line) => line.includes('File: '))!.length).toBeLessThanOrEqual(80);
    await app.press(KEYS.enter);
    await app.waitForText('fullchain.pem: PEM, 1 item');
  });
});

describe('a folder with a long name (#18, found by hand)', () => {
  it.skipIf(!fx.keystores)(
    "the listing's header keeps one row, and the prompt, the files to replace and what was written wrap under themselves",
    async () => {
      const deep = join(work, 'a very long folder name for certificates that a person keeps', 'and-another-level');
      mkdirSync(deep, { recursive: true });
      const file = join(deep, 'shop-and-api-keystore.jks');
      writeFileSync(file, readFileSync(fx.path('two-keys.jks')));
      app = await renderApp(stubServices(), { route: { screen: 'inspect' } });
      await app.waitForText('File:');
      // Pasted: a space typed at the end of the field shows nothing until the next character.
      await app.press(`${deep}/`);
      const listing = await app.waitForText(': 1 entry');
      // The folder's start gives way to … and its end, the count, stays on the row.
      expect(listing.split('\n').find((line) => line.includes(': 1 entry'))).toMatch(
        /^ {1,2}in …\S.*and-another-level\/: 1 entry$/,
      );
      await app.type('shop-and-api-keystore.jks');
      await app.press(KEYS.enter);
      const prompt = await passphrasePrompt(app);
      const sentence = prompt
        .split('\n')
        .filter((line) => line.trim() && !/Passphrase:|It stays in memory|File:|›/.test(line));
      const rows = sentence.slice(sentence.findIndex((line) => line.includes('a very long')));
      expect(rows.slice(0, 3).join(' ').replace(/\s+/g, ' ')).toContain(
        'shop-and-api-keystore.jks is protected by a passphrase.',
      );
      for (const row of rows.slice(0, rows.findIndex((line) => line.includes('passphrase.')) + 1))
        expect(row, 'a row of the sentence, in line with the first').toMatch(/^ \S/);
      await app.type(STORE_PASSWORD);
      await app.press(KEYS.enter);
      await app.waitForText('Java keystore (JKS)');
      const split = async () => {
        await app!.press('a');
        await app!.waitForText('What should happen');
        for (let step = 0; step < 10 && !app!.frame().includes('› Split into one file per item'); step += 1)
          await app!.press(KEYS.down);
        await app!.press(KEYS.enter);
        await app!.waitForText('Folder:');
        await app!.press(KEYS.enter);
      };
      await split();
      await app.waitForText(/Wrote \d+ files/);
      await split();
      const asking = (await app.waitForText('Replace them?')).split('\n');
      const listed = asking.slice(
        asking.findIndex((line) => line.includes('exist already')) + 1,
        asking.findIndex((line) => line.includes('Replace them?')),
      );
      expect(listed.join('').replace(/\s+/g, '')).toContain('key-2.pem');
      for (const row of listed) expect(row, 'a path row, under its own indent').toMatch(/^ {2}\S/);
      await app.press('y');
      const done = (await app.waitForText(/Wrote \d+ files/)).split('\n');
      const said = done.slice(
        done.findIndex((line) => line.startsWith('Wrote ')),
        -1,
      );
      expect(said.join(' ')).toContain('the 2 keys are written decrypted, readable by you alone (0600)');
      for (const row of said) expect(row, 'a row of the message, never one space out of line').toMatch(/^\S/);
    },
  );
});

describe('hostile names in the folder listing', () => {
  it('a file name that carries terminal commands is shown escaped, on every redraw', async () => {
    const dir = mkdtempSync(join(work, 'hostile-'));
    writeFileSync(join(dir, 'a\u001b]52;c;aGVsbG8=\u0007\u001b[2J.pem'), 'x');
    app = await renderApp(stubServices(), { route: { screen: 'inspect' } });
    await app.waitForText('File:');
    await app.type(`${dir}/`);
    await app.waitForText('a\\e]52;c;aGVsbG8=\\x07\\e[2J.pem');
    await app.press('a');
    // eslint-disable-next-line no-control-regex -- the test looks for terminal escapes in the frame
    expect(app.rawFrame()).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
  });
});

describe('inspect at 80 columns (#18)', () => {
  it('a digest stays beside its label: sha256 is never on a line of its own', async () => {
    app = await renderApp(stubServices(), {
      route: { screen: 'inspect', path: fx.path('leaf.pem') },
      columns: 80,
      rows: 40,
    });
    const frame = await app.waitForText('spki sha256');
    const lines = frame.split('\n');
    for (const label of ['sha256', 'spki sha256']) {
      const line = lines.find((entry) => new RegExp(`^\\s*${label}\\s`).test(entry) || entry.trim() === label)!;
      expect(line, label).toMatch(new RegExp(`${label}\\s+[0-9a-f]{16}`));
    }
  });
});
