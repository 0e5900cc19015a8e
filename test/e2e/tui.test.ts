import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import { openAppPane, type Pane } from '../helpers/tmux.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
const home = mkdtempSync(join(tmpdir(), 'iamcert-e2e-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true, maxRetries: 5 }));

// The app must silence the SDK's Node 20 notice itself: the test environment does not.
// CI is set as CI sets it: Ink would otherwise draw nothing until exit, and the app must not let it.
const env: NodeJS.ProcessEnv = { ...motoEnvironment(), HOME: home, TERM: 'xterm-256color', CI: 'true' };
delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
const aws = (...args: string[]) =>
  JSON.parse(execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json'], { env }).toString());
const iamcertCli = (...args: string[]) =>
  execFileSync(CLI, [...args, '--endpoint-url', motoEndpoint()], { env }).toString();

let pane: Pane | undefined;
afterEach(() => pane?.kill());

function openApp(): Promise<Pane> {
  return openAppPane({ cli: CLI, endpoint: motoEndpoint(), env, cwd: home });
}

/** Only the app is on screen: its header on top, and none of the things that corrupt frames. */
function expectOnlyTheApp(screen: string): void {
  expect(screen.split('\n')[0]).toMatch(/^iamcert › /);
  expect(screen).not.toMatch(/Warning|\(node:\d+\)|upgrade to node|NodeDeprecation| {4}at /);
}

describe('the app in a real terminal (tmux) against moto', () => {
  it('onboards a user with a fresh signing certificate; the AWS CLI sees user, group and the same certificate', async () => {
    const user = uniqueName('e2e-user');
    const group = uniqueName('e2e-group');
    pane = await openApp();
    expectOnlyTheApp(pane.capture());
    for (let step = 0; step < 5; step += 1) await pane.send('Down');
    await pane.send('Enter');
    await pane.waitFor('Create a new group');
    await pane.send('Enter');
    await pane.waitFor('New group name');
    await pane.send(group, { literal: true });
    await pane.send('Enter');
    await pane.waitFor('AWS-managed policies');
    await pane.send('Enter');
    await pane.waitFor('New user name');
    await pane.send(user, { literal: true });
    await pane.send('Enter');
    await pane.waitFor('Save the CSV to');
    await pane.send('Enter');
    await pane.waitFor('Signing certificate');
    await pane.send('Enter');
    await pane.waitFor('Ready to onboard');
    await pane.send('Enter');
    const summary = await pane.waitFor(`${user} is onboarded`);
    expectOnlyTheApp(summary);

    expect(aws('iam', 'get-user', '--user-name', user).User.UserName).toBe(user);
    expect(
      aws('iam', 'list-groups-for-user', '--user-name', user).Groups.map(
        (entry: { GroupName: string }) => entry.GroupName,
      ),
    ).toEqual([group]);
    const [certificate] = aws('iam', 'list-signing-certificates', '--user-name', user).Certificates;
    expect(certificate.Status).toBe('Active');
    expect(certificate.CertificateBody.trim()).toBe(
      readFileSync(join(home, '.ec2', `cert-${user}.pem`), 'utf8').trim(),
    );
  });

  it('lists the inventory and deletes one certificate after the name is typed', async () => {
    const prefix = `/${uniqueName('e2e')}/`;
    const keep = uniqueName('keep');
    const drop = uniqueName('drop');
    for (const name of [keep, drop])
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
    await pane.send('Down');
    await pane.send('Down');
    await pane.send('Enter');
    await pane.waitFor('sorted by expiry');
    await pane.send('/');
    await pane.send(drop, { literal: true });
    await pane.send('Enter');
    const filtered = await pane.waitFor(/1 of \d+ · filter/);
    expect(filtered).toContain(drop);
    expectOnlyTheApp(filtered);
    await pane.send('d');
    const confirm = await pane.waitFor(`Type ${drop} to confirm`);
    expect(confirm).toContain('account 123456789012');
    await pane.send(drop, { literal: true });
    await pane.send('Enter');
    await pane.waitFor(`Deleted ${drop}`);
    const names = aws('iam', 'list-server-certificates').ServerCertificateMetadataList.map(
      (entry: { ServerCertificateName: string }) => entry.ServerCertificateName,
    );
    expect(names).toContain(keep);
    expect(names).not.toContain(drop);
  });

  it.each([
    ['q', 'q', 0],
    ['Ctrl-C', 'C-c', 130],
  ])(
    '%s leaves the terminal as it was: normal screen, cursor visible, line editing back',
    async (_label, key, code) => {
      pane = await openApp();
      expect(pane.state()).toEqual({ alternateScreen: true, cursorVisible: false });
      await pane.send(key);
      // Quitting is a success; Ctrl-C is an interrupt, 130 as a shell expects.
      await pane.waitFor(`exit code ${code}`);
      expect(pane.state()).toEqual({ alternateScreen: false, cursorVisible: true });
      await pane.send('stty -a | grep -o -- "-\\?icanon"', { literal: true });
      await pane.send('Enter');
      const screen = await pane.waitFor(/^icanon$/m);
      expect(screen).not.toMatch(/^iamcert › /m);
    },
  );

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s sent from outside restores the terminal too', async (signal, code) => {
    pane = await openApp();
    const [app] = pane.children();
    expect(app).toBeGreaterThan(0);
    process.kill(app!, signal);
    await pane.waitFor(`exit code ${code}`);
    expect(pane.state()).toEqual({ alternateScreen: false, cursorVisible: true });
  });

  it('keys sent together are all taken: -l ":certs" then Enter opens the inventory, -l "jj" moves two rows', async () => {
    const prefix = `/${uniqueName('burst')}/`;
    for (const index of [1, 2, 3])
      iamcertCli(
        'upload',
        '--name',
        uniqueName(`burst${index}`),
        '--cert',
        fx.path('selfsigned.pem'),
        '--key',
        fx.path('rsa2048.key'),
        '--path',
        prefix,
      );
    pane = await openApp();
    await pane.waitFor('IAM and ACM certificates');
    await pane.send(':certs', { literal: true });
    await pane.send('Enter');
    await pane.waitFor('sorted by expiry');
    await pane.send('/');
    await pane.send(prefix, { literal: true });
    await pane.send('Enter');
    const filtered = await pane.waitFor('3 of');
    const first = /› (\S+)/.exec(filtered.split('\n').find((line) => /^ +›/.test(line)) ?? '')?.[1];
    const names = filtered
      .split('\n')
      .filter((line) => line.includes('burst'))
      .map((line) => /(burst\d-\S+)/.exec(line)?.[1]);
    await pane.send('jj', { literal: true });
    await pane.waitFor(new RegExp(`› ${names[2]}`));
    expect(first).toBe(names[0]);
  });

  it('Ctrl-C works while typing in a text field, and the app never shows a stack trace', async () => {
    pane = await openApp();
    await pane.send('Down');
    await pane.send('Enter');
    await pane.waitFor('File:');
    await pane.send('q?/x', { literal: true });
    const typed = await pane.waitFor('File: q?/x');
    expectOnlyTheApp(typed);
    await pane.send('C-c');
    await pane.waitFor('exit code 130');
    expect(pane.state()).toEqual({ alternateScreen: false, cursorVisible: true });
  });

  it('reflows on resize: the ID column appears when there is room', async () => {
    iamcertCli(
      'upload',
      '--name',
      uniqueName('resize'),
      '--cert',
      fx.path('selfsigned.pem'),
      '--key',
      fx.path('rsa2048.key'),
    );
    pane = await openApp();
    await pane.send('Down');
    await pane.send('Down');
    await pane.send('Enter');
    const narrow = await pane.waitFor('sorted by expiry');
    expect(narrow).not.toMatch(/ID \/ KEY\s+UPLOADED/);
    pane.resize(140, 30);
    const wide = await pane.waitFor(/ID \/ KEY\s+UPLOADED/);
    expectOnlyTheApp(wide);
  });
});
