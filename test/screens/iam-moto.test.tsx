import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { realServices } from '../../src/app/real-services.js';
import { motoEndpoint, uniqueName } from '../helpers/iam.js';
import { certificateFiles, servingWorld } from '../helpers/serving.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
const home = mkdtempSync(join(tmpdir(), 'iamcert-screens-home-'));
process.env.HOME = home;
afterAll(() => rmSync(home, { recursive: true, force: true }));
const aws = (...args: string[]) =>
  JSON.parse(execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json']).toString());
const services = () => realServices({ endpointUrl: motoEndpoint(), maxAttempts: 1 });

let app: Rendered | undefined;
afterEach(() => app?.unmount());

async function fill(rendered: Rendered, value: string): Promise<void> {
  await rendered.type(value);
  await rendered.press(KEYS.enter);
}

describe('IAM screens against moto', () => {
  it('uploads through the upload screen with a live checklist, then back in the list Enter opens the new one', async () => {
    const name = uniqueName('screen');
    // A certificate that expires sooner is listed above the new one.
    servingWorld(motoEndpoint()).upload(uniqueName('sooner'), certificateFiles(['sooner.example'], { days: 3 }));
    app = await renderApp(services(), { route: { screen: 'servers' } });
    await app.waitForText('upload');
    await app.press('u');
    await app.waitForText('Name');
    await fill(app, name);
    await app.press(KEYS.enter);
    await fill(app, fx.path('leaf.pem'));
    await fill(app, fx.path('rsa2048.key'));
    await app.type(fx.path('chain.pem'));
    await app.waitForText('✓ Chain present and in order');
    await app.press(KEYS.enter);
    await app.waitForText(`Uploaded ${name}`);
    expect(
      aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate.CertificateBody.trim(),
    ).toBe(fx.text('leaf.pem').trim());
    await app.press(KEYS.enter);
    await app.waitForText(/2 of 2 ·/);
    await app.press(KEYS.enter);
    const details = await app.waitForText('subject');
    expect(details).toContain(name);
    expect(details).toContain('CN=www.example.com, O=Example Ltd');
    expect(details).toContain('never returns the private key');
  });

  it('creates and uploads a signing certificate for a user, then deactivates it after the ID is typed', async () => {
    const user = uniqueName('screen-user');
    aws('iam', 'create-user', '--user-name', user);
    app = await renderApp(services(), { route: { screen: 'signing-user', user } });
    await app.waitForText('0 of 2 signing certificates');
    await app.press('c');
    await app.waitForText('1 of 2 signing certificates');
    const [certificate] = aws('iam', 'list-signing-certificates', '--user-name', user).Certificates;
    expect(certificate.CertificateBody.trim()).toBe(
      readFileSync(join(home, '.ec2', `cert-${user}.pem`), 'utf8').trim(),
    );
    await app.press('a');
    await app.waitForText('Deactivate signing certificate');
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates[0].Status).toBe('Active');
    await fill(app, certificate.CertificateId.slice(0, 8));
    await app.waitForText('is now Inactive');
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates[0].Status).toBe('Inactive');
    await app.press('u');
    await app.waitForText('Certificate file');
    await fill(app, fx.path('rsa2048.key'));
    await app.waitForText('PRIVATE KEY');
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates).toHaveLength(1);
  });

  it('onboards a user by keys alone, and the AWS CLI sees everything', async () => {
    const user = uniqueName('onboarded');
    const group = uniqueName('team');
    app = await renderApp(services(), { route: { screen: 'onboard' } });
    await app.waitForText('Create a new group');
    await app.press(KEYS.enter);
    await fill(app, group);
    await app.waitForText('AWS-managed policies');
    await app.type('AmazonEC2ReadOnly');
    await app.waitForText('[ ] AmazonEC2ReadOnlyAccess');
    await app.press(KEYS.tab);
    await app.waitForText('Selected: AmazonEC2ReadOnlyAccess');
    await app.press(KEYS.enter);
    await fill(app, user);
    await app.waitForText('Save the CSV to');
    await app.press(KEYS.enter);
    await app.waitForText('Signing certificate');
    await app.press(KEYS.enter);
    await app.waitForText('Ready to onboard');
    await app.press(KEYS.enter);
    // The summary's lines are drawn a frame after its title, once their box is measured.
    const summary = await app.waitFor(
      (frame) => frame.includes(`${user} is onboarded`) && frame.includes('Secret access key'),
      'the onboarding summary',
    );
    expect(summary).toContain('Secret access key ••••');
    await app.press('G');
    const end = await app.waitForText('EC2_CERT');
    expect(end.replace(/\s+/g, ' ')).toMatch(/export EC2_CERT=\S*cert-/);
    const csv = readFileSync(join(home, '.ec2', `${user}_accessKeys.csv`), 'utf8');
    expect(summary).not.toContain(csv.split('\n')[1]!.split(',')[1]);
    await app.press('v');
    await app.waitForText(csv.split('\n')[1]!.split(',')[1]!);

    expect(
      aws('iam', 'get-group', '--group-name', group).Users.map((entry: { UserName: string }) => entry.UserName),
    ).toEqual([user]);
    expect(aws('iam', 'list-signing-certificates', '--user-name', user).Certificates[0].Status).toBe('Active');
    expect(aws('iam', 'list-attached-group-policies', '--group-name', group).AttachedPolicies[0].PolicyName).toBe(
      'AmazonEC2ReadOnlyAccess',
    );
  });
});

describe('deleting on fresh facts', () => {
  it('a listener attached while the typed confirmation is open stops the delete when it is submitted', async () => {
    const world = servingWorld(motoEndpoint());
    const files = certificateFiles(['fresh.example']);
    const name = uniqueName('fresh');
    const { arn } = world.upload(name, files);
    app = await renderApp(services(), { route: { screen: 'servers' } });
    await app.press('/');
    await app.type(name);
    await app.press(KEYS.enter);
    await app.waitForText('1 of');
    await app.press('d');
    // Nothing served it when d was pressed: the confirmation opens.
    await app.waitForText(`Type ${name} to confirm`);
    await world.alb(arn);
    await app.type(name);
    await app.press(KEYS.enter);
    await app.waitForText(`"${name}" is served by ALB`);
    expect(world.serverCertificateNames()).toContain(name);
  });
});
