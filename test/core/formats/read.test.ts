import { describe, expect, it } from 'vitest';
import { findRelations } from '../../../src/core/crypto/chain.js';
import type { CertificateItem, Item, PrivateKeyItem } from '../../../src/core/formats/items.js';
import { readItems } from '../../../src/core/formats/read.js';
import { opensslCertSha256, opensslSpkiSha256 } from '../../helpers/openssl.js';
import { fixtures, PASSPHRASE } from '../../helpers/use-fixtures.js';

const fx = fixtures();
const read = (name: string, passphrase?: string) => readItems(fx.read(name), { passphrase });
const types = (items: Item[]) => items.map((item) => item.type);
const certs = (items: Item[]) => items.filter((item): item is CertificateItem => item.type === 'certificate');
const firstKey = (items: Item[]) => items.find((item): item is PrivateKeyItem => item.type === 'private-key')!;

describe('reading certificates', () => {
  it("reports the facts of a CA-signed certificate, with digests equal to openssl's", async () => {
    const { container, items } = await read('leaf.pem');
    expect(container).toBe('pem');
    const [leaf] = certs(items);
    expect(leaf).toMatchObject({
      subject: 'CN=www.example.com, O=Example Ltd',
      issuer: 'CN=Test Intermediate CA, O=iamcert tests',
      selfSigned: false,
      isCA: false,
      keyAlgorithm: 'rsa',
      keySize: 2048,
      sans: ['DNS:www.example.com', 'DNS:example.com'],
    });
    expect(leaf!.sha256).toBe(opensslCertSha256(fx.path('leaf.pem')));
    expect(leaf!.spkiSha256).toBe(opensslSpkiSha256(fx.path('leaf.pem'), 'cert'));
    expect(leaf!.notAfter.getTime()).toBeGreaterThan(leaf!.notBefore.getTime());
  });

  it('reads the same certificate from DER, from a text dump, and with a BOM, CRLF and trailing spaces', async () => {
    const expected = opensslCertSha256(fx.path('leaf.pem'));
    for (const name of ['leaf.der', 'text-dump.pem', 'crlf-bom.pem']) {
      const { items } = await read(name);
      expect(
        certs(items).map((item) => item.sha256),
        name,
      ).toEqual([expected]);
    }
    expect((await read('leaf.der')).container).toBe('der');
  });

  it('knows self-signed and CA certificates, and EC ones', async () => {
    expect(certs((await read('selfsigned.pem')).items)[0]).toMatchObject({ selfSigned: true, subject: '' });
    expect(certs((await read('root.pem')).items)[0]).toMatchObject({ selfSigned: true, isCA: true, keySize: 4096 });
    expect(certs((await read('ec-selfsigned.pem')).items)[0]).toMatchObject({ keyAlgorithm: 'ec', curve: 'P-256' });
  });

  it('orders a shuffled bundle with notes around it from leaf to root', async () => {
    const { items } = await read('shuffled.pem');
    const { chain } = findRelations(items);
    expect(chain.map((index) => (items[index] as CertificateItem).subject.split(',')[0])).toEqual([
      'CN=www.example.com',
      'CN=Test Intermediate CA',
      'CN=Test Root CA',
    ]);
  });
});

describe('reading keys', () => {
  it.each([
    ['rsa1024.key', 'pkcs8', { keyAlgorithm: 'rsa', keySize: 1024 }, 'rsa1024.key'],
    ['rsa2048.key', 'pkcs8', { keyAlgorithm: 'rsa', keySize: 2048 }, 'rsa2048.key'],
    ['rsa3072.key', 'pkcs8', { keyAlgorithm: 'rsa', keySize: 3072 }, 'rsa3072.key'],
    ['rsa4096.key', 'pkcs8', { keyAlgorithm: 'rsa', keySize: 4096 }, 'rsa4096.key'],
    ['ec-P-256.key', 'pkcs8', { keyAlgorithm: 'ec', curve: 'P-256' }, 'ec-P-256.key'],
    ['ec-P-384.key', 'pkcs8', { keyAlgorithm: 'ec', curve: 'P-384' }, 'ec-P-384.key'],
    ['ec-P-521.key', 'pkcs8', { keyAlgorithm: 'ec', curve: 'P-521' }, 'ec-P-521.key'],
    ['ed25519.key', 'pkcs8', { keyAlgorithm: 'ed25519' }, 'ed25519.key'],
    ['rsa2048-pkcs1.key', 'pkcs1', { keyAlgorithm: 'rsa', keySize: 2048 }, 'rsa2048.key'],
    ['ec-P-256-sec1.key', 'sec1', { keyAlgorithm: 'ec', curve: 'P-256' }, 'ec-P-256.key'],
    ['rsa2048-pkcs8.der', 'pkcs8', { keyAlgorithm: 'rsa', keySize: 2048 }, 'rsa2048.key'],
    ['rsa2048-pkcs1.der', 'pkcs1', { keyAlgorithm: 'rsa', keySize: 2048 }, 'rsa2048.key'],
    ['ec-P-256-sec1.der', 'sec1', { keyAlgorithm: 'ec', curve: 'P-256' }, 'ec-P-256.key'],
  ])("%s is a %s private key with openssl's SPKI digest", async (name, encoding, shape, pemOfSameKey) => {
    const key = firstKey((await read(name)).items);
    expect(key).toMatchObject({ encoding, encrypted: false, ...shape });
    expect(key.spkiSha256).toBe(opensslSpkiSha256(fx.path(pemOfSameKey), 'key'));
  });

  it.each([
    ['enc-legacy-aes.key', 'pkcs1'],
    ['enc-legacy-des3.key', 'pkcs1'],
    ['enc-legacy-ec.key', 'sec1'],
    ['enc-pbes2.key', 'pkcs8'],
    ['enc-sha1-3des.key', 'pkcs8'],
    ['enc-scrypt.key', 'pkcs8'],
    ['enc-pbes2.der', 'pkcs8'],
  ])('%s is read as encrypted without a passphrase, and opened with it', async (name, encoding) => {
    const locked = firstKey((await read(name)).items);
    expect(locked).toMatchObject({ encoding, encrypted: true });
    expect(locked.spkiSha256).toBeUndefined();
    const opened = firstKey((await read(name, PASSPHRASE)).items);
    expect(opened.encrypted).toBe(true);
    expect(opened.spkiSha256).toBe(opensslSpkiSha256(fx.path(name), 'key', undefined, PASSPHRASE));
  });

  it('keeps a wrong passphrase as a problem on the key, not a crash', async () => {
    const key = firstKey((await read('enc-pbes2.key', 'wrong')).items);
    expect(key.problem?.code).toBe('WRONG_PASSPHRASE');
  });

  it('reads public keys in SPKI and PKCS#1, PEM and DER', async () => {
    const expected = opensslSpkiSha256(fx.path('rsa2048.key'), 'key');
    for (const [name, encoding] of [
      ['rsa2048-spki.pub', 'spki'],
      ['rsa2048-spki.pub.der', 'spki'],
      ['rsa2048-pkcs1.pub', 'pkcs1'],
      ['rsa2048-pkcs1.pub.der', 'pkcs1'],
    ]) {
      const [item] = (await read(name!)).items;
      expect(item, name).toMatchObject({ type: 'public-key', encoding, spkiSha256: expected });
    }
  });

  it('reads CSRs, RSA and EC, PEM and DER', async () => {
    for (const [name, key] of [
      ['leaf.csr', 'rsa2048.key'],
      ['leaf.csr.der', 'rsa2048.key'],
      ['ec.csr', 'ec-P-384.key'],
    ]) {
      const [item] = (await read(name!)).items;
      expect(item, name).toMatchObject({
        type: 'csr',
        signatureValid: true,
        spkiSha256: opensslSpkiSha256(fx.path(key!), 'key'),
      });
    }
  });
});

describe('reading containers', () => {
  const leafSha = () => opensslCertSha256(fx.path('leaf.pem'));

  it.each(['modern.p12', 'legacy.p12'])('%s gives the key, the leaf and its chain', async (name) => {
    const { container, items } = await read(name, PASSPHRASE);
    expect(container).toBe('pkcs12');
    expect(types(items)).toEqual(['private-key', 'certificate', 'certificate', 'certificate']);
    const { matches, chain } = findRelations(items);
    expect(matches).toEqual([{ key: 0, certificate: 1 }]);
    expect(chain).toEqual([1, 2, 3]);
    expect((items[1] as CertificateItem).sha256).toBe(leafSha());
  });

  it('reads an EC PKCS#12 and one with an empty password', async () => {
    const ec = await read('ec.p12', PASSPHRASE);
    expect(firstKey(ec.items)).toMatchObject({ keyAlgorithm: 'ec', curve: 'P-256' });
    expect(findRelations(ec.items).matches).toHaveLength(1);
    const open = await read('nopass.p12');
    expect(types(open.items)).toEqual(['private-key', 'certificate']);
  });

  it('asks for the PKCS#12 password with a clear code, and names a wrong one', async () => {
    await expect(read('modern.p12')).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    await expect(read('modern.p12', 'nope')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });

  it.each(['chain.p7b', 'chain.p7b.der'])('%s gives its certificates', async (name) => {
    const { container, items } = await read(name);
    expect(container).toBe('pkcs7');
    expect(certs(items)).toHaveLength(3);
    expect(certs(items).map((item) => item.sha256)).toContain(leafSha());
  });

  it('reads the output of openssl pkcs12 -nodes with its Bag Attributes', async () => {
    const { items } = await read('bag-attributes.pem');
    expect(types(items).sort()).toEqual(['certificate', 'certificate', 'certificate', 'private-key']);
    expect(findRelations(items).matches).toHaveLength(1);
  });
});
