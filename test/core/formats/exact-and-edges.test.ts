import { createHash, randomBytes, webcrypto } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { IamcertError } from '../../../src/core/errors.js';
import { findRelations } from '../../../src/core/crypto/chain.js';
import type { CertificateItem } from '../../../src/core/formats/items.js';
import { readItems } from '../../../src/core/formats/read.js';
import { loadX509 } from '../../../src/core/crypto/peculiar.js';
import { openssl } from '../../helpers/openssl.js';
import { fixtures, PASSPHRASE } from '../../helpers/use-fixtures.js';

const fx = fixtures();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const certificates = (items: Awaited<ReturnType<typeof readItems>>['items']) =>
  items.filter((item): item is CertificateItem => item.type === 'certificate');
const { asn1 } = forge;
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const seq = (...nodes: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, nodes);
const oid = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const int = (value: number) =>
  asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.INTEGER,
    false,
    forge.util.hexToBytes(value.toString(16).padStart(8, '0')),
  );
const octets = (bytes: Buffer) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const pemBody = (name: string) => Buffer.from(fx.text(name).replace(/-----[^-]+-----|\s/g, ''), 'base64');
const explicit = (node: forge.asn1.Asn1) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [node]);

describe('bytes in, the same bytes out', () => {
  it('every certificate in a PKCS#12 is reported with the digest of its bytes in the file, as openssl extracts them', async () => {
    for (const name of ['modern.p12', 'legacy.p12']) {
      const { items } = await readItems(fx.read(name), { passphrase: PASSPHRASE });
      const pems = openssl(
        [
          'pkcs12',
          '-in',
          fx.path(name),
          '-nokeys',
          '-passin',
          `pass:${PASSPHRASE}`,
          ...(name === 'legacy.p12' ? ['-legacy'] : []),
        ],
        {},
      ).toString();
      const expected = [...pems.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map(
        (match) => sha256(Buffer.from(match[0].replace(/-----[^-]+-----|\s/g, ''), 'base64')),
      );
      expect(
        certificates(items).map((item) => item.sha256),
        name,
      ).toEqual(expected);
    }
  });

  it('a TRUSTED CERTIFICATE block is read as the certificate it holds, its trust settings left aside', async () => {
    const { items } = await readItems(fx.read('trusted.pem'));
    expect(certificates(items).map((item) => item.sha256)).toEqual([sha256(fx.read('leaf.der'))]);
  });

  it('base64 cut short is PEM_DAMAGED, never a guess padded with zeros', async () => {
    const pem = fx.text('leaf.pem');
    const lines = pem.trim().split('\n');
    const cut = [...lines.slice(0, -2), lines.at(-2)!.slice(0, -1), lines.at(-1)!].join('\n');
    await expect(readItems(Buffer.from(cut))).rejects.toMatchObject({
      code: 'PEM_DAMAGED',
      message: expect.stringContaining('cut short'),
    });
  });

  it('a bundle with one good certificate and one damaged block reports both', async () => {
    const broken = fx.text('intermediate.pem').replace(/\n[A-Za-z0-9+/]{8}/, '\n!!!!!!!!');
    const result = await readItems(Buffer.from(`${fx.text('leaf.pem')}${broken}`));
    expect(certificates(result.items).map((item) => item.sha256)).toEqual([sha256(fx.read('leaf.der'))]);
    expect(result.damaged).toEqual([
      { label: 'CERTIFICATE', problem: expect.objectContaining({ code: 'PEM_DAMAGED' }) },
    ]);
  });
});

describe('what OpenSSL reads, iamcert reads', () => {
  it('DSA keys in traditional PEM and DER', async () => {
    for (const name of ['dsa-traditional.pem', 'dsa-traditional.der']) {
      const { items } = await readItems(fx.read(name));
      expect(items[0], name).toMatchObject({ type: 'private-key', keyAlgorithm: 'dsa', encrypted: false });
    }
  });

  it('keys under old ciphers open with the passphrase, named for what they are', async () => {
    for (const name of ['enc-legacy-des.key', 'enc-pbes2-des.key']) {
      const { items } = await readItems(fx.read(name), { passphrase: PASSPHRASE });
      expect(items[0], name).toMatchObject({ type: 'private-key', keyAlgorithm: 'rsa', keySize: 2048 });
      expect(items[0], name).not.toHaveProperty('problem');
    }
  });

  it('Firefox-style PKCS#12 (its own KDF at 600,000 rounds for every part) opens', async () => {
    const { items } = await readItems(fx.read('firefox-like.p12'), { passphrase: PASSPHRASE });
    expect(items.map((item) => item.type)).toEqual(['private-key', 'certificate']);
    expect(items[0]).toHaveProperty('key');
  });

  it('a certificate whose key type Node does not know is intact: digest, subject, dates, and the OID', async () => {
    const original = asn1.fromDer(forge.util.createBuffer(pemBody('ec-selfsigned.pem').toString('binary')));
    const tbs = original.value[0] as forge.asn1.Asn1;
    const fields = tbs.value as forge.asn1.Asn1[];
    const spki = fields[6]!;
    (spki.value as forge.asn1.Asn1[])[0] = seq(oid('1.3.6.1.4.1.55555.1.2'));
    const bytes = der(original);
    const { items } = await readItems(bytes);
    expect(items[0]).toMatchObject({
      type: 'certificate',
      keyAlgorithm: 'unknown',
      keyOid: '1.3.6.1.4.1.55555.1.2',
      subject: 'CN=ec.example.com',
      sha256: sha256(bytes),
    });
  });
});

describe('the chain, whatever the order', () => {
  it('a stranger placed first is not taken for the leaf; it is listed apart', async () => {
    const { items } = await readItems(fx.read('stranger-first.pem'));
    const relations = findRelations(items);
    expect(relations.chain).toEqual([1, 2, 3]);
    expect(relations.strangers).toEqual([0]);
  });

  it('a thousand certificates with one name are sorted out without checking every pair', async () => {
    const x509 = await loadX509();
    const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const signer = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
    const pems: string[] = [];
    for (let index = 0; index < 1000; index += 1) {
      const own = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
      const certificate = await x509.X509CertificateGenerator.create({
        serialNumber: (index + 1).toString(16).padStart(4, '0'),
        subject: 'CN=same',
        issuer: 'CN=same',
        publicKey: own.publicKey,
        signingKey: signer.privateKey,
        signingAlgorithm: algorithm,
        notBefore: new Date(),
        notAfter: new Date(Date.now() + 86_400_000),
      });
      pems.push(certificate.toString('pem'));
    }
    const { items } = await readItems(Buffer.from(pems.join('\n')));
    const relations = findRelations(items);
    expect(relations.chain).toHaveLength(1);
    expect(relations.strangers).toHaveLength(999);
  });
});

describe('passphrase stretching is counted everywhere before any is done', () => {
  function pfxWithHiddenKeyBag(fillers: number, rounds: number): Buffer {
    const cert = fx.read('leaf.der');
    const certBag = seq(
      oid('1.2.840.113549.1.12.10.1.3'),
      explicit(seq(oid('1.2.840.113549.1.9.22.1'), explicit(octets(cert)))),
    );
    const pbes2 = seq(
      oid('1.2.840.113549.1.5.13'),
      seq(
        seq(oid('1.2.840.113549.1.5.12'), seq(octets(randomBytes(8)), int(rounds))),
        seq(oid('2.16.840.1.101.3.4.1.42'), octets(randomBytes(16))),
      ),
    );
    const keyBag = seq(oid('1.2.840.113549.1.12.10.1.2'), explicit(seq(pbes2, octets(randomBytes(1232)))));
    const safeContents = seq(...Array.from({ length: fillers }, () => certBag), keyBag);
    const authSafe = seq(seq(oid('1.2.840.113549.1.7.1'), explicit(octets(der(safeContents)))));
    return der(seq(int(3), seq(oid('1.2.840.113549.1.7.1'), explicit(octets(der(authSafe))))));
  }

  it('a key bag asking for 2^31 rounds behind 300 certificates is refused, with or without a passphrase', async () => {
    const pfx = pfxWithHiddenKeyBag(300, 2 ** 31);
    for (const options of [{}, { passphrase: 'anything' }]) {
      await expect(readItems(pfx, options)).rejects.toMatchObject({ code: 'KEY_DERIVATION_TOO_COSTLY' });
    }
  });

  it('scrypt is counted by its cost and its memory', async () => {
    const original = asn1.fromDer(forge.util.createBuffer(pemBody('enc-scrypt.key').toString('binary')));
    const withParams = (n: number, r: number, p: number) => {
      const copy = (asn1 as unknown as { copy(node: forge.asn1.Asn1): forge.asn1.Asn1 }).copy(original);
      const scryptParams = (
        (((copy.value[0] as forge.asn1.Asn1).value[1] as forge.asn1.Asn1).value[0] as forge.asn1.Asn1)
          .value[1] as forge.asn1.Asn1
      ).value as forge.asn1.Asn1[];
      [scryptParams[1], scryptParams[2], scryptParams[3]] = [int(n), int(r), int(p)];
      return der(copy);
    };
    const costly = (await readItems(withParams(16384, 8, 32767), { passphrase: PASSPHRASE })).items[0];
    expect(costly).toMatchObject({ problem: { code: 'KEY_DERIVATION_TOO_COSTLY' } });
    const hungry = (await readItems(withParams(1 << 20, 8, 1), { passphrase: PASSPHRASE })).items[0];
    expect(hungry).toMatchObject({
      problem: { code: 'KEY_DERIVATION_TOO_COSTLY', message: expect.stringContaining('MB of memory') },
    });
    const usual = (await readItems(fx.read('enc-scrypt.key'), { passphrase: PASSPHRASE })).items[0];
    expect(usual).toMatchObject({ keyAlgorithm: 'ec' });
  });
});

describe('linear in the size of the input', () => {
  it('a PEM block with megabytes of header lines', async () => {
    const header = `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n${'X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n'.repeat(100_000)}\n`;
    const body = fx.text('enc-legacy-aes.key').split('\n\n')[1]!;
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${header}${body}`;
    const { items } = await readItems(Buffer.from(pem));
    expect(items[0]).toMatchObject({ type: 'private-key', encrypted: true });
  });

  it('150,000 unknown blocks make one short error line, with the count', async () => {
    const block = '-----BEGIN THING-----\nAAAA\n-----END THING-----\n';
    const error = await readItems(Buffer.from(block.repeat(150_000))).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(IamcertError);
    expect((error as IamcertError).message).toContain('150,000 × THING');
    expect((error as IamcertError).message.length).toBeLessThan(200);
  });
});
