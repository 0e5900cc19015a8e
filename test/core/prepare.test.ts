import { describe, expect, it } from 'vitest';
import { prepareForIamUpload, type InputFile } from '../../src/core/prepare.js';
import { openssl } from '../helpers/openssl.js';
import { fixtures, PASSPHRASE } from '../helpers/use-fixtures.js';

const fx = fixtures();
const files = (...names: string[]): InputFile[] => names.map((name) => ({ name, bytes: fx.read(name) }));
const pem = (...args: string[]) => openssl(args, { cwd: fx.dir }).toString();

describe('prepareForIamUpload', () => {
  const expectedChain = () => pem('x509', '-in', 'intermediate.pem') + pem('x509', '-in', 'root.pem');

  it.each([
    ['a PFX', ['modern.p12'], PASSPHRASE],
    ['a legacy PFX', ['legacy.p12'], PASSPHRASE],
    ['a shuffled bundle with notes plus a key file', ['shuffled.pem', 'rsa2048-pkcs1.key'], undefined],
    ['a P7B plus a key', ['chain.p7b.der', 'rsa2048.key'], undefined],
    ['an encrypted key plus a DER certificate and a chain', ['enc-pbes2.key', 'leaf.der', 'chain.pem'], PASSPHRASE],
    ['the output of openssl pkcs12 -nodes', ['bag-attributes.pem'], undefined],
  ])('turns %s into clean PEM that passes the preflight', async (_label, names, passphrase) => {
    const prepared = await prepareForIamUpload(files(...names), { passphrase });
    expect(prepared.report.ok).toBe(true);
    expect(prepared.certificatePem).toBe(pem('x509', '-in', 'leaf.pem'));
    expect(prepared.privateKeyPem).toBe(pem('pkcs8', '-topk8', '-nocrypt', '-in', 'rsa2048.key'));
    expect(prepared.chainPem).toBe(expectedChain());
  });

  it('drops unrelated certificates and leaves out the chain for a self-signed certificate', async () => {
    const prepared = await prepareForIamUpload(files('selfsigned.pem', 'ec-selfsigned.pem', 'rsa2048.key'));
    expect(prepared.chainPem).toBeUndefined();
    expect(prepared.unrelated.map((item) => item.subject)).toEqual(['CN=ec.example.com']);
  });

  it('writes PKCS#1 when asked', async () => {
    const prepared = await prepareForIamUpload(files('modern.p12'), { passphrase: PASSPHRASE, keyFormat: 'pkcs1' });
    expect(prepared.privateKeyPem).toBe(pem('rsa', '-in', 'rsa2048.key', '-traditional'));
  });

  it('fails clearly when no key matches, the key is locked, or there is no key', async () => {
    await expect(prepareForIamUpload(files('leaf.pem', 'rsa3072.key'))).rejects.toMatchObject({
      code: 'NO_MATCHING_CERTIFICATE',
    });
    await expect(prepareForIamUpload(files('leaf.pem', 'enc-pbes2.key'))).rejects.toMatchObject({
      code: 'KEY_ENCRYPTED',
    });
    await expect(
      prepareForIamUpload(files('leaf.pem', 'enc-pbes2.key'), { passphrase: 'wrong' }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await expect(prepareForIamUpload(files('leaf.pem'))).rejects.toMatchObject({ code: 'NO_PRIVATE_KEY' });
  });

  it('reports an expired certificate and a missing chain through the preflight', async () => {
    const expired = await prepareForIamUpload(files('expired.pem', 'rsa2048.key'));
    expect(expired.report.ok).toBe(false);
    expect(expired.report.findings.map((item) => item.code)).toContain('CERT_EXPIRED');
    const noChain = await prepareForIamUpload(files('leaf.pem', 'rsa2048.key'));
    expect(noChain.report.findings.map((item) => item.code)).toContain('CHAIN_MISSING');
  });
});
