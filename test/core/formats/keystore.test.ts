import { describe, expect, it } from 'vitest';
import type { CertificateItem, PrivateKeyItem } from '../../../src/core/formats/items.js';
import { readItems } from '../../../src/core/formats/read.js';
import { prepareForIamUpload } from '../../../src/core/prepare.js';
import { fixtures, KEY_PASSWORD, STORE_PASSWORD } from '../../helpers/use-fixtures.js';

/** Java keystores made by keytool (the fixtures' recipe), read as someone moving a Tomcat service to AWS would. */
const fx = fixtures();
if (!fx.keystores)
  console.warn(
    'SKIPPED: keytool (Java) is not installed, so no Java keystore was made: apt-get install default-jdk-headless.',
  );

const keyOf = (items: Array<{ type: string }>) => items.find((item) => item.type === 'private-key') as PrivateKeyItem;
const certificatesOf = (items: Array<{ type: string }>) =>
  items.filter((item): item is CertificateItem => item.type === 'certificate');

describe.skipIf(!fx.keystores)('Java keystores', () => {
  it('JKS: every entry by alias, the key opened with the store password, its chain, each checked', async () => {
    const { container, items } = await readItems(fx.read('store.jks'), { passphrase: STORE_PASSWORD });
    expect(container).toBe('jks');
    const key = keyOf(items);
    expect(key).toMatchObject({ alias: 'tomcat', keyAlgorithm: 'rsa', keySize: 2048, encrypted: true });
    expect(key.problem).toBeUndefined();
    expect(key.spkiSha256).toBe(keyOf((await readItems(fx.read('rsa2048.key'))).items).spkiSha256);
    const chain = certificatesOf(items);
    expect(chain.map((item) => item.subject)).toEqual([
      'CN=www.example.com, O=Example Ltd',
      'CN=Test Intermediate CA, O=iamcert tests',
      'CN=Test Root CA, O=iamcert tests',
    ]);
    expect(chain.every((item) => item.alias === 'tomcat')).toBe(true);
  });

  it('the wrong store password fails the integrity check: WRONG_PASSPHRASE, said plainly', async () => {
    await expect(readItems(fx.read('store.jks'), { passphrase: 'not it' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringMatching(/integrity check/),
    });
  });

  it('a key entry with a password of its own asks for it, then opens with it; the trusted certificate is listed', async () => {
    const asked = await readItems(fx.read('own-key-password.jks'), { passphrase: STORE_PASSWORD });
    expect(keyOf(asked.items).problem?.code).toBe('KEY_PASSPHRASE_NEEDED');
    expect(certificatesOf(asked.items).find((item) => item.alias === 'rootca')?.subject).toBe(
      'CN=Test Root CA, O=iamcert tests',
    );
    const opened = await readItems(fx.read('own-key-password.jks'), {
      passphrase: STORE_PASSWORD,
      keyPassphrase: KEY_PASSWORD,
    });
    expect(keyOf(opened.items)).toMatchObject({ alias: 'tomcat', keyAlgorithm: 'rsa' });
    expect(keyOf(opened.items).problem).toBeUndefined();
    const wrong = await readItems(fx.read('own-key-password.jks'), {
      passphrase: STORE_PASSWORD,
      keyPassphrase: 'not it',
    });
    expect(keyOf(wrong.items).problem?.code).toBe('WRONG_PASSPHRASE');
  });

  it('prepare takes the only key entry and its chain to the three files IAM wants', async () => {
    const prepared = await prepareForIamUpload([{ name: 'store.jks', bytes: fx.read('store.jks') }], {
      passphrase: STORE_PASSWORD,
    });
    expect(prepared.certificate.subject).toBe('CN=www.example.com, O=Example Ltd');
    expect(prepared.chain.map((item) => item.subject)).toEqual([
      'CN=Test Intermediate CA, O=iamcert tests',
      'CN=Test Root CA, O=iamcert tests',
    ]);
    expect(prepared.report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('--alias picks the entry; a name the store lacks is ALIAS_NOT_FOUND, listing the ones it has', async () => {
    const options = { passphrase: STORE_PASSWORD, keyPassphrase: KEY_PASSWORD };
    const input = [{ name: 'own-key-password.jks', bytes: fx.read('own-key-password.jks') }];
    await expect(prepareForIamUpload(input, { ...options, alias: 'tomcat' })).resolves.toBeDefined();
    await expect(prepareForIamUpload(input, { ...options, alias: 'jetty' })).rejects.toMatchObject({
      code: 'ALIAS_NOT_FOUND',
      message: expect.stringContaining('"tomcat"'),
    });
  });

  it('JCEKS: its certificates are read; its key entry is refused with the keytool command', async () => {
    const { container, items } = await readItems(fx.read('store.jceks'), { passphrase: STORE_PASSWORD });
    expect(container).toBe('jceks');
    expect(certificatesOf(items)).toHaveLength(3);
    expect(keyOf(items).problem).toMatchObject({
      code: 'JCEKS_KEY_ENTRY',
      fix: expect.stringContaining('keytool -importkeystore -srckeystore FILE -srcstoretype JCEKS'),
    });
  });
});
