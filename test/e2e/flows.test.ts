import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
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
import { CLI } from '../helpers/cli.js';
import { motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import { opensslCertSha256 } from '../helpers/openssl.js';
import { openAppPane, type Pane } from '../helpers/tmux.js';
import { fixtures, PASSPHRASE } from '../helpers/use-fixtures.js';

/**
 * Each flow as a person does it, in tmux at 80×24 against moto: once typing at 10 keys a second,
 * once pasting each field whole. After every Enter the screen must answer with what it says next.
 */
const fx = fixtures();
const home = mkdtempSync(join(tmpdir(), 'iamcert-flows-'));
afterAll(() => rmSync(home, { recursive: true, force: true, maxRetries: 5 }));
const env: NodeJS.ProcessEnv = { ...motoEnvironment(), HOME: home, TERM: 'xterm-256color' };
const aws = (...args: string[]) =>
  JSON.parse(
    execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json'], { env }).toString() || '{}',
  );
const iamcertCli = (...args: string[]) =>
  execFileSync(CLI, [...args, '--endpoint-url', motoEndpoint()], { env, cwd: home }).toString();

let pane: Pane | undefined;
afterEach(() => pane?.kill());

type Pace = 'typed' | 'pasted';
const PACES: Pace[] = ['typed', 'pasted'];

function openApp(): Promise<Pane> {
  return openAppPane({ cli: CLI, endpoint: motoEndpoint(), env, cwd: home });
}

/** A field's text, at a person's pace or pasted whole; then its end is on screen. */
async function fill(target: Pane, text: string, pace: Pace): Promise<void> {
  if (pace === 'typed') await target.typeAtPace(text);
  else await target.send(text, { literal: true });
  await target.waitFor(text.slice(-12));
}

/** Enter, and the screen says what it should next. */
async function enter(target: Pane, expected: string | RegExp): Promise<string> {
  await target.send('Enter');
  return target.waitFor(expected);
}

/**
 * Moves a menu down until the item is the selected one (drawn with ›). Each Down waits for the highlight itself to
 * move: another line of the screen changing (Home's counts arriving) is not the answer to the key.
 */
async function pick(target: Pane, item: string): Promise<void> {
  const selected = () => /^ +› (.+)$/m.exec(target.capture())?.[1]?.trim() ?? '';
  for (let step = 0; step < 12 && !selected().startsWith(item); step += 1) {
    const before = selected();
    await target.send('Down');
    const deadline = Date.now() + 2_000;
    while (selected() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(target.capture()).toContain(`› ${item}`);
}

async function fromHome(target: Pane, task: string, expected: string): Promise<void> {
  await pick(target, task);
  await enter(target, expected);
}

describe.each(PACES)('flows at a human pace in tmux (%s)', (pace) => {
  it('onboards a new user with a signing certificate', async () => {
    const user = uniqueName(`flow-${pace}`);
    const group = uniqueName(`flowg-${pace}`);
    pane = await openApp();
    await fromHome(pane, 'Onboard a new IAM user', 'Create a new group');
    await enter(pane, 'New group name');
    await fill(pane, group, pace);
    await enter(pane, 'AWS-managed policies');
    await enter(pane, 'New user name');
    await fill(pane, user, pace);
    await enter(pane, 'Save the CSV to');
    await enter(pane, '5. Signing certificate');
    await enter(pane, 'Ready to onboard');
    // The review says what exists once IAM has answered (a spinner until then): waited for, not assumed.
    await pane.waitFor(new RegExp(`user\\s+${user} \\(new\\)`));
    await enter(pane, `${user} is onboarded`);
    // The summary is a report, drawn once its rows are measured: a frame after the title.
    const summary = await pane.waitFor(`export EC2_CERT=${home}/.ec2/cert-${user}.pem`);
    expect(summary).toContain('••••••••••••');
    await pane.send('v');
    expect(pane.capture()).not.toContain('••••••••••••');
    await pane.send('v');
    expect(pane.capture()).toContain('••••••••••••');
    const [certificate] = aws('iam', 'list-signing-certificates', '--user-name', user).Certificates;
    expect(certificate.CertificateBody.trim()).toBe(
      readFileSync(join(home, '.ec2', `cert-${user}.pem`), 'utf8').trim(),
    );
    expect(statSync(join(home, '.ec2', `pk-${user}.pem`)).mode & 0o777).toBe(0o600);
    await enter(pane, 'Onboard a new IAM user');
  });

  it('creates a self-signed server certificate and uploads it from the result', async () => {
    const name = uniqueName(`made-${pace}`);
    pane = await openApp();
    await fromHome(pane, 'Create key & certificate', 'What is the certificate for?');
    await pick(pane, 'Self-signed server certificate');
    await enter(pane, 'Key type');
    await enter(pane, 'Subject');
    await fill(pane, 'www.flow.example', pace);
    for (const next of ['Organisation', 'Unit', 'City', 'State', 'Country', 'DNS names'])
      await enter(pane, new RegExp(`› ${next}`));
    await enter(pane, 'Days');
    await enter(pane, 'Where to save');
    await enter(pane, '› Name');
    // The name field holds a default: cleared like a shell line, then typed.
    await pane.send('C-u');
    await fill(pane, name, pace);
    const result = await enter(pane, '✓ Created');
    expect(result).toContain(`pk-${name}.pem`);
    await pick(pane, 'Upload as server certificate…');
    await enter(pane, 'upload server certificate');
    await fill(pane, name, pace);
    for (const next of ['Path', 'Certificate', 'Private key', 'Chain']) await enter(pane, new RegExp(`› ${next}`));
    await enter(pane, `✓ Uploaded ${name}`);
    const body = aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate
      .CertificateBody;
    expect(body.trim()).toBe(readFileSync(join(home, `cert-${name}.pem`), 'utf8').trim());
    await enter(pane, `${name}`);
    expect(pane.capture().split('\n')[0]).toContain('server certificates');
  });

  it('inspects a PFX, prepares it for IAM and uploads the prepared files', async () => {
    const name = uniqueName(`pfx-${pace}`);
    mkdirSync(join(home, pace), { recursive: true });
    copyFileSync(fx.path('modern.p12'), join(home, pace, 'site.p12'));
    pane = await openApp();
    await fromHome(pane, 'Inspect & convert a file', 'File:');
    await fill(pane, `${pace}/site.p12`, pace);
    await enter(pane, 'protected by a passphrase');
    if (pace === 'typed') await pane.typeAtPace(PASSPHRASE);
    else await pane.send(PASSPHRASE, { literal: true });
    await pane.waitFor('*'.repeat(PASSPHRASE.length));
    expect(pane.capture()).not.toContain(PASSPHRASE);
    const report = await enter(pane, 'PKCS#12');
    expect(report).toContain('site.p12');
    await pane.send('a');
    await pane.waitFor('What should happen');
    await pick(pane, 'Upload as server certificate');
    await enter(pane, 'Folder');
    await pane.send('C-u');
    await fill(pane, `${pace}/prepared`, pace);
    await enter(pane, 'upload server certificate');
    await fill(pane, name, pace);
    for (const next of ['Path', 'Certificate', 'Private key', 'Chain']) await enter(pane, new RegExp(`› ${next}`));
    await enter(pane, `✓ Uploaded ${name}`);
    expect(readdirSync(join(home, pace, 'prepared')).sort()).toEqual([
      'certificate.pem',
      'chain.pem',
      'private-key.pem',
    ]);
    const held = aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate;
    writeFileSync(join(home, pace, 'held.pem'), held.CertificateBody);
    expect(opensslCertSha256(join(home, pace, 'held.pem'))).toBe(opensslCertSha256(fx.path('leaf.pem')));
  });

  it('filters the inventory, opens details, exports, then deletes after the name is typed', async () => {
    const prefix = `/${uniqueName('inv')}/`;
    const name = uniqueName(`inv-${pace}`);
    iamcertCli(
      'upload',
      '--name',
      name,
      '--cert',
      fx.path('selfsigned.pem'),
      '--key',
      fx.path('rsa2048.key'),
      '--path',
      prefix,
    );
    pane = await openApp();
    await fromHome(pane, 'Server certificates', 'sorted by expiry');
    await pane.send('/');
    await fill(pane, name, pace);
    const filtered = await enter(pane, /1 of \d+ · filter/);
    expect(filtered).toContain(`› ${name}`);
    const details = await enter(pane, 'ARN');
    // Wrapped at 80 columns, never cut: the whole ARN is on screen.
    expect(details.replace(/\n\s+/g, '')).toContain(`server-certificate${prefix}${name}`);
    await pane.send('Escape');
    await pane.waitFor(/1 of \d+ · filter/);
    await pane.send('x');
    await pane.waitFor('Export the body');
    await pane.send('C-u');
    await fill(pane, `${home}/export-${pace}`, pace);
    await enter(pane, `Exported ${name}`);
    expect(existsSync(join(home, `export-${pace}`))).toBe(true);
    await pane.send('d');
    await pane.waitFor(`Type ${name} to confirm`);
    await fill(pane, name, pace);
    await enter(pane, `Deleted ${name}`);
    expect(
      aws('iam', 'list-server-certificates').ServerCertificateMetadataList.map(
        (entry: { ServerCertificateName: string }) => entry.ServerCertificateName,
      ),
    ).not.toContain(name);
  });

  it('uploads a signing certificate, deactivates it after the ID is typed, then deletes it', async () => {
    const user = uniqueName(`sig-${pace}`);
    aws('iam', 'create-user', '--user-name', user);
    pane = await openApp();
    await fromHome(pane, 'Signing certificates', 'Pick a user');
    await pane.send('/');
    await fill(pane, user, pace);
    await enter(pane, /1 of \d+ · filter/);
    await enter(pane, `${user}: 0 of 2 signing certificates`);
    await pane.send('u');
    await pane.waitFor('Certificate file');
    await fill(pane, fx.path('selfsigned.pem'), pace);
    await enter(pane, `${user}: 1 of 2 signing certificates`);
    const [certificate] = aws('iam', 'list-signing-certificates', '--user-name', user).Certificates;
    const typedId = certificate.CertificateId.slice(0, 8);
    await pane.send('a');
    await pane.waitFor(`Type ${typedId} to confirm`);
    expect(pane.capture()).toContain('account 123456789012');
    await fill(pane, typedId, pace);
    await enter(pane, 'is now Inactive');
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates[0].Status).toBe('Inactive');
    await pane.send('d');
    await pane.waitFor(`Type ${typedId} to confirm`);
    await fill(pane, typedId, pace);
    await enter(pane, `Deleted ${certificate.CertificateId}`);
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates).toEqual([]);
    // Esc goes back to the users (the filter kept), clears the filter, then goes home: never a dead end.
    await pane.send('Escape');
    await pane.waitFor(/Pick a user[\s\S]*1 of \d+ · filter/);
    await pane.send('Escape');
    expect(pane.capture()).not.toContain('· filter');
    await pane.send('Escape');
    await pane.waitFor('Create key & certificate');
  });
});

describe('the app interrupted while it writes a key pair', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s during create leaves both files whole or neither, and no temp file', async (signal, code) => {
    const outcomes = new Set<string>();
    for (let run = 0; run < 4; run += 1) {
      const folder = join(home, `interrupted-${signal}-${run}`);
      pane = await openApp();
      await fromHome(pane, 'Create key & certificate', 'What is the certificate for?');
      await enter(pane, 'Key type');
      await enter(pane, 'Subject');
      for (let field = 0; field < 6; field += 1) await pane.send('Enter');
      await pane.waitFor('Days');
      await enter(pane, 'Where to save');
      await pane.send('C-u');
      await pane.send(folder, { literal: true });
      await pane.send('Down');
      const [app] = pane.children();
      // Enter starts the key generation and the writes; the signal comes at a different moment each run.
      await pane.send('Enter');
      await new Promise((resolve) => setTimeout(resolve, run * 60));
      process.kill(app!, signal);
      await pane.waitFor(/exit code \d+/);
      const exited = /exit code (\d+)/.exec(pane.capture())![1];
      const names = existsSync(folder) ? readdirSync(folder).sort() : [];
      expect(names.filter((entry) => entry.endsWith('.tmp'))).toEqual([]);
      expect([[], ['cert-amazon.pem', 'pk-amazon.pem']]).toContainEqual(names);
      if (names.length > 0) {
        execFileSync('openssl', ['pkey', '-in', join(folder, 'pk-amazon.pem'), '-noout']);
        execFileSync('openssl', ['x509', '-in', join(folder, 'cert-amazon.pem'), '-noout']);
      }
      outcomes.add(Number(exited) === code ? 'interrupted' : `exit ${exited}`);
      pane.kill();
    }
    expect(outcomes).toEqual(new Set(['interrupted']));
  });
});
