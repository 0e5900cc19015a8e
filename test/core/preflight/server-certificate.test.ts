import { describe, expect, it } from 'vitest';
import {
  preflightServerCertificate,
  type ServerCertificateInput,
} from '../../../src/core/preflight/server-certificate.js';
import { checkName, checkPath } from '../../../src/core/preflight/rules.js';
import { fixtures } from '../../helpers/use-fixtures.js';

const fx = fixtures();
const valid = (): ServerCertificateInput => ({
  certificate: fx.read('leaf.pem'),
  privateKey: fx.read('rsa2048.key'),
  chain: fx.read('chain.pem'),
});
const codes = async (input: Partial<ServerCertificateInput>) => {
  const report = await preflightServerCertificate({ ...valid(), ...input });
  return report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.code);
};

describe('preflight for UploadServerCertificate', () => {
  it('accepts a valid certificate, key and ordered chain', async () => {
    const report = await preflightServerCertificate({
      ...valid(),
      name: 'www-example-2026',
      path: '/cloudfront/prod/',
    });
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('accepts a self-signed certificate without a chain', async () => {
    expect(await codes({ certificate: fx.read('selfsigned.pem'), chain: undefined })).toEqual([]);
  });

  it('says plainly when a private key is given as the certificate body', async () => {
    const report = await preflightServerCertificate({ ...valid(), certificate: fx.read('rsa2048.key') });
    const finding = report.findings.find((item) => item.code === 'CERT_IS_PRIVATE_KEY');
    expect(finding?.message).toMatch(/must never be uploaded as a certificate/);
  });

  it('wants PEM, and says how to convert DER and PKCS#12', async () => {
    const report = await preflightServerCertificate({ ...valid(), certificate: fx.read('leaf.der') });
    const finding = report.findings.find((item) => item.code === 'CERT_NOT_PEM');
    expect(finding?.message).toMatch(/binary DER/);
    expect(finding?.fix).toMatch(/iamcert (prepare|convert)/);
    expect(await codes({ privateKey: fx.read('modern.p12') })).toContain('KEY_NOT_PEM');
    expect(await codes({ chain: fx.read('chain.p7b.der') })).toContain('CHAIN_NOT_PEM');
  });

  it('refuses an encrypted key and a key that does not match', async () => {
    expect(await codes({ privateKey: fx.read('enc-pbes2.key') })).toContain('KEY_ENCRYPTED');
    expect(await codes({ privateKey: fx.read('rsa3072.key') })).toContain('KEY_MISMATCH');
    expect(await codes({ privateKey: fx.read('leaf.pem') })).toContain('KEY_MISSING');
  });

  it('refuses expired and not-yet-valid certificates', async () => {
    expect(await codes({ certificate: fx.read('expired.pem'), chain: undefined })).toContain('CERT_EXPIRED');
    expect(await codes({ certificate: fx.read('future.pem'), chain: undefined })).toContain('CERT_NOT_YET_VALID');
  });

  it('wants a chain for a CA-signed certificate', async () => {
    expect(await codes({ chain: undefined })).toContain('CHAIN_MISSING');
  });

  it('reports the index of the first bad chain link', async () => {
    const root = fx.text('root.pem');
    const intermediate = fx.text('intermediate.pem');
    const wrongOrder = await preflightServerCertificate({ ...valid(), chain: root + intermediate });
    expect(wrongOrder.findings.find((item) => item.code === 'CHAIN_BROKEN')?.message).toMatch(/^Chain certificate 0 /);
    const badSecond = await preflightServerCertificate({ ...valid(), chain: intermediate + fx.text('selfsigned.pem') });
    expect(badSecond.findings.find((item) => item.code === 'CHAIN_BROKEN')?.message).toMatch(
      /^Chain certificate 1 .* did not issue chain certificate 0/,
    );
    const withLeaf = await preflightServerCertificate({ ...valid(), chain: fx.text('fullchain.pem') });
    expect(withLeaf.findings.find((item) => item.code === 'CHAIN_BROKEN')?.message).toMatch(
      /starts with the certificate itself/,
    );
  });

  it('notes text outside the PEM blocks (upload strips it), and finds more than one certificate in the body, and size limits', async () => {
    for (const file of ['text-dump.pem', 'crlf-bom.pem']) {
      const report = await preflightServerCertificate({ ...valid(), certificate: fx.read(file) });
      expect(report.findings.find((finding) => finding.code === 'CERT_EXTRA_TEXT')?.severity, file).toBe('note');
      expect(report.ok, file).toBe(true);
    }
    expect(await codes({ certificate: fx.read('fullchain.pem') })).toContain('CERT_HAS_CHAIN');
    const padded = fx.text('leaf.pem') + '\n'.repeat(17_000);
    expect(await codes({ certificate: padded })).toContain('CERT_TOO_LONG');
  });

  it('knows which key types IAM takes', async () => {
    const ed = await preflightServerCertificate({
      certificate: fx.read('ec-selfsigned.pem'),
      privateKey: fx.read('ec-P-256.key'),
    });
    expect(ed.ok).toBe(true);
    expect(ed.findings.map((item) => item.code)).toContain('KEY_NOTE_SERVICES');
  });

  it('checks names and paths, including the CloudFront rule', () => {
    expect(checkName('www.example.com_2026')).toBeUndefined();
    expect(checkName('has space')?.code).toBe('NAME_INVALID');
    expect(checkName('x'.repeat(129))?.code).toBe('NAME_INVALID');
    expect(checkName('')?.code).toBe('NAME_INVALID');
    expect(checkPath('/')).toBeUndefined();
    expect(checkPath('/cloudfront/')).toBeUndefined();
    expect(checkPath('/cloudfront/prod/')).toBeUndefined();
    expect(checkPath('/no-trailing')?.code).toBe('PATH_INVALID');
    expect(checkPath('/has space/')?.code).toBe('PATH_INVALID');
    expect(checkPath(`/${'a'.repeat(512)}/`)?.code).toBe('PATH_TOO_LONG');
    expect(checkPath('/cloudfront-prod/')?.code).toBe('PATH_CLOUDFRONT');
    expect(checkPath('/CloudFront/')?.code).toBe('PATH_CLOUDFRONT');
    expect(checkPath('/prod/', { cloudfront: true })?.code).toBe('PATH_CLOUDFRONT');
  });
});
