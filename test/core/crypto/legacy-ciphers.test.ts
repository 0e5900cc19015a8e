import { describe, expect, it } from 'vitest';
import type { PrivateKeyItem } from '../../../src/core/formats/items.js';
import { readItems } from '../../../src/core/formats/read.js';
import { fixtures, PASSPHRASE } from '../../helpers/use-fixtures.js';

/**
 * The old ciphers of real PFX files and keys, read in this process, which runs with no Node flags (as
 * `node dist/cli.js` does): OpenSSL's legacy provider is off, so each is opened by iamcert itself or named.
 */
const fx = fixtures();
const keyOf = async (name: string, passphrase?: string) =>
  (await readItems(fx.read(name), { passphrase })).items.find(
    (item): item is PrivateKeyItem => item.type === 'private-key',
  )!;

describe('old ciphers, whatever flags Node was started with', () => {
  it('the legacy provider is off in this process (else this file proves nothing)', () => {
    expect(process.execArgv.join(' ')).not.toMatch(/openssl-legacy-provider/);
    expect(process.env.NODE_OPTIONS ?? '').not.toMatch(/openssl-legacy-provider/);
  });

  it.each([
    ['legacy.p12', 'PFX, RC2-40 and 3DES (openssl pkcs12 -legacy)', 'rsa2048.key'],
    ['des3.p12', 'PFX, 3DES throughout (Windows)', 'rsa2048.key'],
    ['rc2.p12', 'PFX, RC2-40 throughout, the key bag too', 'rsa2048.key'],
    ['enc-legacy-des.key', 'PEM, DEK-Info DES-CBC', 'rsa2048.key'],
    ['enc-legacy-rc2.key', 'PEM, DEK-Info RC2-CBC', 'rsa2048.key'],
    ['enc-legacy-ec-des.key', 'EC PEM, DEK-Info DES-CBC', 'ec-P-256.key'],
    ['enc-legacy-dsa-des.key', 'DSA PEM, DEK-Info DES-CBC', 'dsa.key'],
    ['enc-pbes1-md5-des.key', 'PKCS#8, pbeWithMD5AndDES-CBC', 'rsa2048.key'],
    ['enc-pbes1-sha1-rc2.key', 'PKCS#8, pbeWithSHA1AndRC2-CBC', 'rsa2048.key'],
    ['enc-pbes2-des.key', 'PKCS#8, PBES2 with DES-CBC', 'rsa2048.key'],
    ['enc-pbes2-rc2.key', 'PKCS#8, PBES2 with RC2-CBC', 'rsa2048.key'],
  ])('%s (%s) opens with its passphrase to the same key', async (name, _what, plain) => {
    const key = await keyOf(name, PASSPHRASE);
    expect(key.problem).toBeUndefined();
    expect(key.encrypted).toBe(true);
    expect(key.spkiSha256).toBe((await keyOf(plain)).spkiSha256);
  });

  it.each(['enc-legacy-des.key', 'enc-legacy-rc2.key', 'enc-pbes1-md5-des.key', 'enc-pbes2-rc2.key'])(
    '%s with another passphrase: WRONG_PASSPHRASE, proven by the cipher that opens it',
    async (name) => {
      expect((await keyOf(name, 'not the passphrase')).problem?.code).toBe('WRONG_PASSPHRASE');
    },
  );

  it('a PFX with another passphrase: WRONG_PASSPHRASE', async () => {
    await expect(readItems(fx.read('des3.p12'), { passphrase: 'not the passphrase' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
  });

  it.each([
    ['enc-pbes2-bf.key', 'BF-CBC'],
    ['enc-legacy-bf.key', 'BF-CBC'],
  ])('%s: a cipher nothing here implements is named (%s), never a wrong passphrase', async (name, cipher) => {
    const key = await keyOf(name, PASSPHRASE);
    expect(key.problem).toMatchObject({ code: 'CIPHER_NOT_AVAILABLE', message: expect.stringContaining(cipher) });
    expect(key.problem?.message).not.toMatch(/OID/);
  });

  it('a cipher nothing here can prove wrong is never "wrong passphrase": AES-128-ECB in a PEM header, GOST in PBES2', async () => {
    const ecb = fx.text('enc-legacy-aes.key').replace(/DEK-Info: AES-256-CBC,/, 'DEK-Info: AES-128-ECB,');
    const ecbKey = (await readItems(Buffer.from(ecb), { passphrase: PASSPHRASE })).items[0] as PrivateKeyItem;
    expect(ecbKey.problem).toMatchObject({
      code: 'CIPHER_NOT_AVAILABLE',
      message: expect.stringContaining('AES-128-ECB'),
    });
    // The PBES2 key's scheme OID, aes-256-cbc, swapped for one as long under GOST's arc (1.2.643.2.2.21.0.0.0).
    const der = Buffer.from(fx.text('enc-pbes2.key').replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const aes256cbc = Buffer.from('060960864801650304012a', 'hex');
    const at = der.indexOf(aes256cbc);
    expect(at).toBeGreaterThan(0);
    const gost = Buffer.concat([
      der.subarray(0, at),
      Buffer.from('06092a8503020215000000', 'hex'),
      der.subarray(at + aes256cbc.length),
    ]);
    const gostKey = (await readItems(gost, { passphrase: PASSPHRASE })).items[0] as PrivateKeyItem;
    expect(gostKey.problem?.code).not.toBe('WRONG_PASSPHRASE');
    expect(gostKey.problem?.message).toMatch(/OID 1\.2\.643/);
  });

  it('an RC4 PFX with its passphrase is named, never a wrong passphrase', async () => {
    await expect(readItems(fx.read('rc4.p12'), { passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'CIPHER_NOT_AVAILABLE',
      message: expect.stringContaining('RC4'),
    });
  });
});
