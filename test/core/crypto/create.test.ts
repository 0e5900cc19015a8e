import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeyAndCertificate, parseSubject, type KeyType } from '../../../src/core/crypto/create.js';
import { readItems } from '../../../src/core/formats/read.js';
import type { CertificateItem, PrivateKeyItem } from '../../../src/core/formats/items.js';
import { opensslText } from '../../helpers/openssl.js';

const dir = mkdtempSync(join(tmpdir(), 'iamcert-create-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('creating keys and certificates', () => {
  it('the classic signing-certificate recipe: RSA 2048, PKCS#8, blank subject, 3650 days, accepted by openssl', async () => {
    const now = new Date();
    const created = await createKeyAndCertificate({
      keyType: 'rsa2048',
      subject: '',
      days: 3650,
      keyFormat: 'pkcs8',
      now,
    });
    expect(created.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const keyPath = save('classic.key', created.privateKeyPem);
    const certPath = save('classic.pem', created.certificatePem!);
    expect(opensslText(['pkey', '-in', keyPath, '-noout', '-text'])).toMatch(/Private-Key: \(2048 bit/);
    expect(opensslText(['verify', '-CAfile', certPath, certPath])).toMatch(/OK/);
    const certificate = (await readItems(Buffer.from(created.certificatePem!))).items[0] as CertificateItem;
    expect(certificate).toMatchObject({ subject: '', selfSigned: true, keyAlgorithm: 'rsa', keySize: 2048 });
    expect(Math.round((certificate.notAfter.getTime() - certificate.notBefore.getTime()) / 86_400_000)).toBe(3650);
    const key = (await readItems(Buffer.from(created.privateKeyPem))).items[0] as PrivateKeyItem;
    expect(key.spkiSha256).toBe(certificate.spkiSha256);
    // openssl's own check that the key belongs to the certificate
    const modulus = (args: string[]) => opensslText(args).trim();
    expect(modulus(['rsa', '-in', keyPath, '-noout', '-modulus'])).toBe(
      modulus(['x509', '-in', certPath, '-noout', '-modulus']),
    );
  });

  it.each<[KeyType, string]>([
    ['rsa3072', 'Private-Key: (3072 bit'],
    ['rsa4096', 'Private-Key: (4096 bit'],
    ['ec256', 'ASN1 OID: prime256v1'],
    ['ec384', 'ASN1 OID: secp384r1'],
  ])('%s keys and certificates are read and verified by openssl', async (keyType, expected) => {
    const created = await createKeyAndCertificate({
      keyType,
      subject: '/CN=www.example.com/O=Example Ltd',
      days: 30,
      keyFormat: 'pkcs8',
      dnsNames: ['www.example.com'],
    });
    const keyPath = save(`${keyType}.key`, created.privateKeyPem);
    const certPath = save(`${keyType}.pem`, created.certificatePem!);
    expect(opensslText(['pkey', '-in', keyPath, '-noout', '-text'])).toContain(expected);
    expect(opensslText(['verify', '-CAfile', certPath, certPath])).toMatch(/OK/);
    const text = opensslText(['x509', '-in', certPath, '-noout', '-subject', '-ext', 'subjectAltName']);
    expect(text).toContain('CN = www.example.com, O = Example Ltd');
    expect(text).toContain('DNS:www.example.com');
  });

  it('writes PKCS#1 (RSA) or SEC1 (EC) when asked for the traditional form', async () => {
    expect(
      (await createKeyAndCertificate({ keyType: 'rsa2048', subject: '', days: 1, keyFormat: 'pkcs1' })).privateKeyPem,
    ).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(
      (await createKeyAndCertificate({ keyType: 'ec256', subject: '', days: 1, keyFormat: 'pkcs1' })).privateKeyPem,
    ).toMatch(/^-----BEGIN EC PRIVATE KEY-----/);
  });

  it('makes CSRs that openssl verifies, for RSA and EC', async () => {
    for (const keyType of ['rsa2048', 'ec256'] as const) {
      const created = await createKeyAndCertificate({
        keyType,
        subject: '/CN=api.example.com',
        days: 1,
        keyFormat: 'pkcs8',
        csr: true,
      });
      expect(created.certificatePem).toBeUndefined();
      const csrPath = save(`${keyType}.csr`, created.csrPem!);
      const output = opensslText(['req', '-in', csrPath, '-noout', '-verify', '-subject']);
      expect(output).toContain('CN = api.example.com');
    }
  });

  it('parses OpenSSL-style subjects and refuses malformed ones', () => {
    expect(parseSubject('')).toEqual([]);
    expect(parseSubject('/C=GB/O=A\\/B Ltd/CN=x')).toEqual([{ C: ['GB'] }, { O: ['A/B Ltd'] }, { CN: ['x'] }]);
    expect(() => parseSubject('CN=x')).toThrow(/must look like/);
    expect(() => parseSubject('/CN')).toThrow(/TYPE=value/);
  });

  it('refuses impossible validity', async () => {
    await expect(
      createKeyAndCertificate({ keyType: 'rsa2048', subject: '', days: 0, keyFormat: 'pkcs8' }),
    ).rejects.toMatchObject({ code: 'DAYS_INVALID' });
  });
});
