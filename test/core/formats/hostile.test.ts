import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IamcertError } from '../../../src/core/errors.js';
import { readItems } from '../../../src/core/formats/read.js';
import { fixtures, PASSPHRASE } from '../../helpers/use-fixtures.js';

const fx = fixtures();

/** Every hostile input must end in a clean, coded IamcertError: never a crash or a raw library error. */
async function expectCleanError(bytes: Buffer): Promise<IamcertError> {
  const error = await readItems(bytes).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(IamcertError);
  const problem = error as IamcertError;
  expect(problem.code).toMatch(/^[A-Z0-9_]+$/);
  expect(problem.message).not.toMatch(/\n| {4}at /);
  expect(problem.fix.length).toBeGreaterThan(0);
  return problem;
}

function nestedDer(depth: number): Buffer {
  // SEQUENCE { SEQUENCE { ... } } with long-form lengths, innermost empty.
  let inner = Buffer.from([0x30, 0x00]);
  for (let level = 0; level < depth; level += 1) {
    const length = inner.length;
    const header =
      length < 0x80
        ? Buffer.from([0x30, length])
        : length < 0x10000
          ? Buffer.from([0x30, 0x82, length >> 8, length & 0xff])
          : Buffer.from([0x30, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff]);
    inner = Buffer.concat([header, inner]);
  }
  return inner;
}

describe('hostile input', () => {
  it('a key or PFX that asks for absurd passphrase stretching is refused before any is done; real-world counts open', async () => {
    for (const options of [{ passphrase: PASSPHRASE }, {}]) {
      const costlyKey = await readItems(fx.read('enc-costly.der'), options);
      expect(costlyKey.items[0]).toMatchObject({
        type: 'private-key',
        encrypted: true,
        problem: { code: 'KEY_DERIVATION_TOO_COSTLY' },
      });
      expect(costlyKey.items[0]).not.toHaveProperty('key');
    }
    const owasp = await readItems(fx.read('enc-owasp.key'), { passphrase: PASSPHRASE });
    expect(owasp.items[0]).toMatchObject({ type: 'private-key', keyAlgorithm: 'ec' });
    expect(owasp.items[0]).not.toHaveProperty('problem');

    const costlyPfx = await readItems(fx.read('costly.p12'), { passphrase: PASSPHRASE }).catch(
      (error: unknown) => error,
    );
    expect(costlyPfx).toBeInstanceOf(IamcertError);
    expect((costlyPfx as IamcertError).code).toBe('KEY_DERIVATION_TOO_COSTLY');
    expect((costlyPfx as IamcertError).message).toContain('4,200,000 passphrase rounds');
    // Found by the fuzz suite: one derivation no worker can share, within the totals, took 3 s.
    for (const options of [{ passphrase: PASSPHRASE }, {}]) {
      const longMac = await readItems(fx.read('long-mac.p12'), options).catch((error: unknown) => error);
      expect((longMac as IamcertError).code).toBe('KEY_DERIVATION_TOO_COSTLY');
      expect((longMac as IamcertError).message).toContain('one derivation of 1,200,000 rounds');
    }
    const java = await readItems(fx.read('java-rounds.p12'), { passphrase: PASSPHRASE });
    expect(java.items.map((item) => item.type)).toEqual(['private-key', 'certificate']);
  });

  it('an empty file', async () => {
    expect((await expectCleanError(Buffer.alloc(0))).code).toBe('EMPTY_FILE');
  });

  it('random bytes', async () => {
    for (let round = 0; round < 20; round += 1) await expectCleanError(randomBytes(1 + round * 97));
  });

  it('a truncated DER certificate and a truncated PKCS#12', async () => {
    const der = fx.read('leaf.der');
    await expectCleanError(der.subarray(0, der.length - 40));
    const pfx = fx.read('modern.p12');
    await expectCleanError(pfx.subarray(0, Math.floor(pfx.length / 2)));
  });

  it('corrupt base64 inside a PEM block', async () => {
    const pem = fx.text('leaf.pem').replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!*****$$');
    expect((await expectCleanError(Buffer.from(pem))).code).toBe('PEM_DAMAGED');
  });

  it('a truncated PEM file', async () => {
    const pem = fx.text('leaf.pem');
    await expectCleanError(Buffer.from(pem.slice(0, pem.length / 2)));
  });

  it('a PEM block with no body', async () => {
    const code = (await expectCleanError(Buffer.from('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n'))).code;
    expect(['PEM_EMPTY', 'PEM_DAMAGED']).toContain(code);
  });

  it('a well-formed PEM block whose content is not a certificate', async () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${randomBytes(300).toString('base64')}\n-----END CERTIFICATE-----\n`;
    expect((await expectCleanError(Buffer.from(pem))).code).toBe('CERT_DAMAGED');
  });

  it('bogus DER lengths', async () => {
    await expectCleanError(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]));
    await expectCleanError(Buffer.from([0x30, 0x89, 0x01, 0x02]));
    const der = Buffer.from(fx.read('leaf.der'));
    der[1] = 0x84;
    await expectCleanError(der);
  });

  it('20,000 levels of nested DER', async () => {
    await expectCleanError(nestedDer(20_000));
  });

  it('a 20 MB file', async () => {
    expect((await expectCleanError(Buffer.alloc(20 * 1024 * 1024, 0x41))).code).toBe('FILE_TOO_LARGE');
  });

  it('a CRL block of noise is a damaged CRL; a file of only DH parameters says there is nothing usable', async () => {
    const crl = `-----BEGIN X509 CRL-----\n${randomBytes(60).toString('base64')}\n-----END X509 CRL-----\n`;
    expect((await expectCleanError(Buffer.from(crl))).code).toBe('CRL_DAMAGED');
    const dh = `-----BEGIN DH PARAMETERS-----\n${randomBytes(60).toString('base64')}\n-----END DH PARAMETERS-----\n`;
    expect((await expectCleanError(Buffer.from(dh))).code).toBe('NOTHING_USABLE');
  });
});
