import { afterEach, describe, expect, it } from 'vitest';
import { IamcertError } from '../../src/core/errors.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { STUB_IDENTITY, stubServices } from '../helpers/stub-services.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
let app: Rendered | undefined;
afterEach(() => app?.unmount());

const offline = () =>
  Promise.reject(
    new IamcertError({ code: 'NO_CREDENTIALS', message: 'No AWS credentials were found.', fix: 'Run aws configure.' }),
  );

async function command(rendered: Rendered, text: string) {
  await rendered.press(':');
  await rendered.type(text);
}

describe('the : line', () => {
  it('offline, refuses a view that needs AWS as Home does, and still opens the file tasks', async () => {
    let listed = 0;
    app = await renderApp(
      stubServices({
        whoAmI: offline,
        listServerCertificates: async () => {
          listed += 1;
          return [];
        },
      }),
    );
    await app.waitForText('Offline');
    await command(app, 'certs');
    await app.press(KEYS.enter);
    await app.waitForText('needs AWS credentials');
    expect(app.frame()).not.toContain('No certificates in IAM or ACM');
    expect(listed).toBe(0);
    await app.press(KEYS.escape);
    await command(app, 'create');
    await app.press(KEYS.enter);
    await app.waitForText('What is the certificate for?');
  });

  it('switches view as k9s does: leaving the view by name goes Home, not to the unrelated screen before it', async () => {
    app = await renderApp(stubServices());
    await app.waitForText('account 111122223333');
    await command(app, 'create');
    await app.press(KEYS.enter);
    await app.waitForText('What is the certificate for?');
    await command(app, 'certs');
    await app.press(KEYS.enter);
    await app.waitForText('No certificates in IAM or ACM');
    await app.press(KEYS.escape);
    await app.waitForText('Create key & certificate');
    expect(app.frame().split('\n')[0]).toMatch(/iamcert › home/);
  });

  it('Tab completes a path after inspect, shows the choices when several match, and Enter opens the file at once', async () => {
    // Wide enough for the fixtures' long folder to show whole.
    app = await renderApp(stubServices(), { columns: 200 });
    await app.waitForText('account 111122223333');
    await command(app, `inspect ${fx.dir}/bag-attr`);
    await app.waitFor((frame) => /tab complete the path/.test(frame), 'the footer to offer Tab');
    await app.press('\t');
    await app.waitForText(`inspect ${fx.dir}/bag-attributes.pem`);
    await app.press(KEYS.enter);
    await app.waitForText('bag-attributes.pem: PEM, 4 items');

    await command(app, `inspect ${fx.dir}/enc-pbes2-`);
    await app.press('\t');
    await app.waitForText('enc-pbes2-bf.key  enc-pbes2-des.key  enc-pbes2-rc2.key');
  });

  it('Tab completes a user name after signing', async () => {
    app = await renderApp(
      stubServices({
        listUsers: async () => [
          { name: 'alice', path: '/', arn: 'arn:aws:iam::111122223333:user/alice' },
          { name: 'albert', path: '/', arn: 'arn:aws:iam::111122223333:user/albert' },
          { name: 'bob', path: '/', arn: 'arn:aws:iam::111122223333:user/bob' },
        ],
      }),
    );
    await app.waitForText('account 111122223333');
    await command(app, 'signing b');
    await app.press('\t');
    await app.waitForText(':signing bob');
    await app.press(KEYS.ctrlU);
    await app.type('signing a');
    await app.press('\t');
    const frame = await app.waitForText(':signing al');
    expect(frame).toContain('alice  albert');
  });
});

describe('the header', () => {
  it('asks STS again while offline, so an endpoint started later is found', async () => {
    let asked = 0;
    // The endpoint "comes up" only once the test has seen the offline header: no race with the retry.
    let endpointUp!: () => void;
    const up = new Promise<void>((resolve) => (endpointUp = resolve));
    app = await renderApp(
      stubServices({
        whoAmI: async () => {
          asked += 1;
          if (asked === 1) return offline();
          await up;
          return STUB_IDENTITY;
        },
      }),
      { identityRetryMs: 20 },
    );
    await app.waitForText('Offline');
    endpointUp();
    await app.waitForText('account 111122223333');
  });

  it('says the keys came from the environment, not "profile default"', async () => {
    app = await renderApp(stubServices({ whoAmI: async () => ({ ...STUB_IDENTITY, fromEnvironment: true }) }));
    const frame = await app.waitForText('keys from the environment');
    expect(frame).not.toContain('profile default');
  });
});
