import forge from 'node-forge';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CrlItem, CsrItem, PrivateKeyItem, PublicKeyItem } from '../../../src/core/formats/items.js';
import { readItems } from '../../../src/core/formats/read.js';
import { cipherName } from '../../../src/core/formats/key-derivation-limits.js';
import { itemLines } from '../../../src/core/formats/describe.js';
import { fixtures } from '../../helpers/use-fixtures.js';

/** Kinds of file other projects ship (rustls, Go, pyca, mbedtls test data) that iamcert once misread. */
const fx = fixtures();
const { asn1 } = forge;
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const pem = (label: string, bytes: Buffer) =>
  `-----BEGIN ${label}-----\n${bytes.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
const fromDer = (bytes: Buffer) => asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
const pemBody = (name: string) =>
  Buffer.from(
    fx
      .text(name)
      .replace(/-----[^-]+-----/g, '')
      .replace(/\s/g, ''),
    'base64',
  );
const first = async <T>(bytes: Buffer | string) => (await readItems(Buffer.from(bytes))).items[0] as T;

/** The fixture Ed25519 key as PKCS#8 v2: version 1 and its public key in [1] (RFC 5958), as rustls writes it. */
function ed25519Version2(tamper = false): Buffer {
  const v1 = fromDer(pemBody('ed25519.key'));
  const fields = v1.value as forge.asn1.Asn1[];
  const spki = createPublicKey(createPrivateKey({ key: pemBody('ed25519.key'), format: 'der', type: 'pkcs8' })).export({
    format: 'der',
    type: 'spki',
  });
  const raw = Buffer.from(spki.subarray(-32));
  if (tamper) raw[0]! ^= 1;
  return der(
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, '\u0001'),
      fields[1]!,
      fields[2]!,
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 1, false, `\u0000${raw.toString('binary')}`),
    ]),
  );
}

/** A well-formed PKCS#8 and SPKI of a key type Node 20 does not know (ML-DSA-65), its key bytes made up. */
function mlDsa(kind: 'pkcs8' | 'spki'): Buffer {
  const algorithm = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('2.16.840.1.101.3.4.3.18').getBytes()),
  ]);
  const bytes = 'k'.repeat(64);
  return der(
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.SEQUENCE,
      true,
      kind === 'pkcs8'
        ? [
            asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, '\u0000'),
            algorithm,
            asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes),
          ]
        : [algorithm, asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\u0000${bytes}`)],
    ),
  );
}

describe('files real projects ship', () => {
  it('an Ed25519 key in PKCS#8 v2 reads as the same key; a public key beside it that is not its own is damaged', async () => {
    const v1 = await first<PrivateKeyItem>(fx.read('ed25519.key'));
    for (const bytes of [ed25519Version2(), Buffer.from(pem('PRIVATE KEY', ed25519Version2()))]) {
      const v2 = await first<PrivateKeyItem>(bytes);
      expect(v2).toMatchObject({ type: 'private-key', keyAlgorithm: 'ed25519', spkiSha256: v1.spkiSha256 });
    }
    await expect(readItems(Buffer.from(pem('PRIVATE KEY', ed25519Version2(true))))).rejects.toMatchObject({
      code: 'KEY_DAMAGED',
      message: expect.stringContaining('not its own'),
    });
  });

  it('an SPKI under an RSA PUBLIC KEY label is read, with a note on the label', async () => {
    const spki = pemBody('rsa2048-spki.pub');
    const key = await first<PublicKeyItem>(pem('RSA PUBLIC KEY', spki));
    expect(key).toMatchObject({ type: 'public-key', keyAlgorithm: 'rsa', keySize: 2048, encoding: 'spki' });
    expect(key.note).toMatch(/labelled "RSA PUBLIC KEY" but encoded as SubjectPublicKeyInfo/);
  });

  it('a PEM whose BEGIN line is malformed, and an empty PKCS#12, are errors, not "0 items"', async () => {
    await expect(
      readItems(Buffer.from(fx.text('leaf.pem').replace('-----BEGIN CERTIFICATE-----', '-----BEGIN CERTIFICATE----'))),
    ).rejects.toMatchObject({ code: 'PEM_DAMAGED' });
    const emptyAuthSafe = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, []);
    const pfx = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, '\u0003'),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('1.2.840.113549.1.7.1').getBytes()),
        asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
          asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, asn1.toDer(emptyAuthSafe).getBytes()),
        ]),
      ]),
    ]);
    await expect(readItems(der(pfx))).rejects.toMatchObject({ code: 'PKCS12_DAMAGED' });
  });

  it('an ML-DSA key is an unsupported key type, named with its OID, as PKCS#8 and as a public key', async () => {
    const key = await first<PrivateKeyItem>(mlDsa('pkcs8'));
    expect(key.problem).toMatchObject({
      code: 'KEY_TYPE_UNSUPPORTED',
      message: expect.stringContaining('ML-DSA-65, OID 2.16.840.1.101.3.4.3.18'),
    });
    expect(itemLines(key, 0, new Date()).join('\n')).not.toMatch(/encrypted/);
    for (const bytes of [mlDsa('spki'), Buffer.from(pem('PUBLIC KEY', mlDsa('spki')))])
      await expect(readItems(bytes)).rejects.toMatchObject({
        code: 'KEY_TYPE_UNSUPPORTED',
        message: expect.stringContaining('ML-DSA-65'),
      });
  });

  it('a request signed with ML-DSA: the signature is "not checked", never "does not verify"', async () => {
    const request = fromDer(pemBody('leaf.csr'));
    const algorithm = (request.value as forge.asn1.Asn1[])[1]!;
    (algorithm.value as forge.asn1.Asn1[])[0] = asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.OID,
      false,
      asn1.oidToDer('2.16.840.1.101.3.4.3.18').getBytes(),
    );
    const csr = await first<CsrItem>(der(request));
    expect(csr).toMatchObject({ type: 'csr', signatureValid: false, signatureUnchecked: 'ML-DSA-65' });
    expect(itemLines(csr, 0, new Date()).join('\n')).toMatch(/signature {3}not checked \(ML-DSA-65\)/);
  });

  it('CMS SignedData whose signer is named by key identifier (version 3) yields its certificates', async () => {
    const { container, items } = await readItems(fx.read('signed-by-keyid.p7'));
    expect(container).toBe('pkcs7');
    const leaf = await first<{ sha256: string }>(fx.read('leaf.pem'));
    expect(items.map((item) => (item as { sha256: string }).sha256)).toContain(leaf.sha256);
    expect(items.every((item) => item.type === 'certificate')).toBe(true);
    expect(items).toHaveLength(3);
  });

  it('a CRL, PEM or DER, is recognised: its issuer, this and next update, and how many it revokes', async () => {
    for (const name of ['revoked.crl.pem', 'revoked.crl.der']) {
      const crl = await first<CrlItem>(fx.read(name));
      expect(crl, name).toMatchObject({ type: 'crl', issuer: 'CN=www.example.com, O=Example Ltd', revoked: 2 });
      expect(crl.nextUpdate!.getTime() - crl.thisUpdate.getTime()).toBe(30 * 86_400_000);
      const lines = itemLines(crl, 0, crl.thisUpdate).join('\n');
      expect(lines).toMatch(/next {8}\d{4}-\d\d-\d\d, due in 30 days/);
      expect(lines).toMatch(/revokes {5}2 certificates/);
    }
  });

  it('inspecting a request shows the names it asks for', async () => {
    const csr = await first<CsrItem>(fx.read('san.csr'));
    expect(csr.sans).toEqual([
      'DNS:www.example.com',
      'DNS:example.com',
      'IP Address:192.0.2.7',
      'email:ops@example.com',
    ]);
    expect(itemLines(csr, 0, new Date()).join('\n')).toMatch(/names {7}DNS:www\.example\.com, DNS:example\.com/);
  });

  it('a cipher without an OID is never "OID ," in words', () => {
    expect(cipherName('')).not.toMatch(/OID\s*,|OID $/);
    expect(cipherName('1.3.6.1.4.1.3029.1.2')).toBe('BF-CBC');
    expect(cipherName('1.2.840.113533.7.66.10')).toBe('CAST5-CBC');
  });
});
