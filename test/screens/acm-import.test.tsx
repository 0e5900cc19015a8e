import { afterEach, describe, expect, it } from 'vitest';
import type { AcmImport } from '../../src/core/acm/import.js';
import { realServices } from '../../src/app/real-services.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';
import { fixtures } from '../helpers/use-fixtures.js';

const fx = fixtures();
let app: Rendered | undefined;
afterEach(() => app?.unmount());
const ARN = 'arn:aws:acm:eu-west-1:111122223333:certificate/11111111-1111-1111-1111-111111111111';

function importing() {
  const imports: AcmImport[] = [];
  const files = realServices({ endpointUrl: 'http://127.0.0.1:9', maxAttempts: 1 });
  const services = stubServices({
    importToAcm: async (request) => {
      imports.push(request);
      return { arn: request.arn ?? ARN, alreadyThere: false, reimported: Boolean(request.arn) };
    },
    // A re-import is checked against what ACM holds: here, the same certificate (no network in this test).
    checkAcmImport: async (inputs, options) => {
      const check = await files.checkAcmImport(inputs, { ...options, arn: undefined });
      return options.arn ? { ...check, old: check.prepared.certificate } : check;
    },
  });
  return { services, imports };
}

async function toLastField(rendered: Rendered) {
  for (let field = 0; field < 4; field += 1) await rendered.press(KEYS.down);
}

describe('importing into ACM from the app', () => {
  it("checks ACM's rules as the files are named (an EC P-521 key IAM refuses is fine), then imports on Enter", async () => {
    const { services, imports } = importing();
    app = await renderApp(services, {
      route: { screen: 'acm-import', certificate: fx.path('ec-selfsigned.pem'), privateKey: fx.path('ec-P-256.key') },
    });
    await app.waitForText('ACM would take it');
    await toLastField(app);
    await app.press(KEYS.enter);
    await app.waitForText('Imported into ACM');
    expect(imports).toHaveLength(1);
    expect(imports[0]!.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(imports[0]!.region).toBe('us-east-1');
    expect(imports[0]).not.toHaveProperty('arn');
  });

  it('a key that does not match is refused before anything is sent, saying so', async () => {
    const { services, imports } = importing();
    app = await renderApp(services, {
      route: { screen: 'acm-import', certificate: fx.path('ec-selfsigned.pem'), privateKey: fx.path('rsa2048.key') },
    });
    await app.waitForText(/✗|does not/);
    await toLastField(app);
    await app.press(KEYS.enter);
    await app.waitForText('Not imported: fix the ✗ below first.');
    expect(imports).toHaveLength(0);
  });

  it('a re-import asks to be confirmed, saying ACM keeps no copy, then re-imports over the ARN', async () => {
    const { services, imports } = importing();
    app = await renderApp(services, {
      route: {
        screen: 'acm-import',
        certificate: fx.path('ec-selfsigned.pem'),
        privateKey: fx.path('ec-P-256.key'),
        arn: ARN,
      },
    });
    const frame = await app.waitForText('ACM would take it');
    expect(frame).toMatch(/Region\s+: eu-west-1/);
    await toLastField(app);
    await app.press(KEYS.enter);
    const asked = await app.waitForText('ACM keeps no copy of it');
    expect(asked).toContain(`Re-import over ${ARN.slice(0, 30)}`);
    expect(imports).toHaveLength(0);
    await app.type('re-import');
    await app.press(KEYS.enter);
    await app.waitForText('Re-imported: the ARN is unchanged');
    expect(imports[0]).toMatchObject({ arn: ARN, region: 'eu-west-1' });
  });
});
