import { describe, expect, it } from 'vitest';
import { convertItems } from '../../../src/core/formats/convert.js';
import { readItems } from '../../../src/core/formats/read.js';
import { openssl } from '../../helpers/openssl.js';
import { fixtures, PASSPHRASE } from '../../helpers/use-fixtures.js';

const fx = fixtures();
const convert = async (name: string, request: Parameters<typeof convertItems>[1], passphrase?: string) =>
  convertItems(await readItems(fx.read(name), { passphrase }), request);
const ossl = (...args: string[]) => openssl(args, { cwd: fx.dir });

describe('conversions match openssl byte for byte', () => {
  it('certificate PEM → DER and DER → PEM', async () => {
    expect(await convert('leaf.pem', { to: 'der' })).toEqual(ossl('x509', '-in', 'leaf.pem', '-outform', 'DER'));
    expect((await convert('leaf.der', { to: 'pem' })).toString()).toBe(
      ossl('x509', '-inform', 'DER', '-in', 'leaf.der').toString(),
    );
  });

  it('RSA PKCS#1 → PKCS#8 and PKCS#8 → PKCS#1', async () => {
    expect((await convert('rsa2048-pkcs1.key', { to: 'pem', keyFormat: 'pkcs8' })).toString()).toBe(
      ossl('pkcs8', '-topk8', '-nocrypt', '-in', 'rsa2048-pkcs1.key').toString(),
    );
    expect((await convert('rsa2048.key', { to: 'pem', keyFormat: 'pkcs1' })).toString()).toBe(
      ossl('rsa', '-in', 'rsa2048.key', '-traditional').toString(),
    );
    expect(await convert('rsa2048.key', { to: 'der', keyFormat: 'pkcs8' })).toEqual(
      ossl('pkcs8', '-topk8', '-nocrypt', '-in', 'rsa2048.key', '-outform', 'DER'),
    );
  });

  it('EC SEC1 → PKCS#8 and PKCS#8 → SEC1', async () => {
    expect((await convert('ec-P-256-sec1.key', { to: 'pem', keyFormat: 'pkcs8' })).toString()).toBe(
      ossl('pkcs8', '-topk8', '-nocrypt', '-in', 'ec-P-256-sec1.key').toString(),
    );
    expect((await convert('ec-P-256.key', { to: 'pem', keyFormat: 'pkcs1' })).toString()).toBe(
      ossl('ec', '-in', 'ec-P-256.key').toString(),
    );
  });

  it('decrypts legacy, PBES2, SHA1-3DES and scrypt keys with the passphrase', async () => {
    for (const name of [
      'enc-legacy-aes.key',
      'enc-legacy-des3.key',
      'enc-pbes2.key',
      'enc-sha1-3des.key',
      'enc-scrypt.key',
    ]) {
      const plain = await convert(name, { to: 'pem', keyFormat: 'pkcs8' }, PASSPHRASE);
      expect(plain.toString(), name).toBe(
        ossl('pkcs8', '-topk8', '-nocrypt', '-in', name, '-passin', `pass:${PASSPHRASE}`).toString(),
      );
    }
  });

  it('refuses to convert an encrypted key without its passphrase', async () => {
    await expect(convert('enc-pbes2.key', { to: 'pem' })).rejects.toMatchObject({ code: 'KEY_ENCRYPTED' });
  });

  it('PKCS#12 → PEM writes the key first, then the leaf, then the chain', async () => {
    const pem = (await convert('modern.p12', { to: 'pem', keyFormat: 'pkcs8' }, PASSPHRASE)).toString();
    const expected =
      ossl('pkcs8', '-topk8', '-nocrypt', '-in', 'rsa2048.key').toString() +
      ossl('x509', '-in', 'leaf.pem').toString() +
      ossl('x509', '-in', 'intermediate.pem').toString() +
      ossl('x509', '-in', 'root.pem').toString();
    expect(pem).toBe(expected);
  });

  it('PKCS#7 → PEM gives the certificates openssl prints, leaf first', async () => {
    const pem = (await convert('chain.p7b.der', { to: 'pem' })).toString();
    expect(pem).toBe(
      ossl('x509', '-in', 'leaf.pem').toString() +
        ossl('x509', '-in', 'intermediate.pem').toString() +
        ossl('x509', '-in', 'root.pem').toString(),
    );
  });

  it('refuses DER for a file with several items', async () => {
    await expect(convert('chain.pem', { to: 'der' })).rejects.toMatchObject({ code: 'DER_SINGLE_ITEM' });
  });
});
