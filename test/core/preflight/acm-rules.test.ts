import { describe, expect, it } from 'vitest';
import { certificateUsages } from '../../../src/core/crypto/certificate-usages.js';
import { CLIENT_AUTH, made, SERVER_AUTH } from '../../helpers/made-certificates.js';
import { acmImportFindings, acmKeyTypeOf, reimportFindings } from '../../../src/core/preflight/acm-rules.js';

const DS = 1;
const KE = 4;
const codes = (findings: Array<{ code: string }>) => findings.map((finding) => finding.code);
const noReport = { findings: [], ok: true, chain: [] };

describe("ACM's import rules, before any call", () => {
  it('names key types as ACM does, and refuses what ACM does not import', () => {
    expect(acmKeyTypeOf({ keyAlgorithm: 'rsa', keySize: 3072 })).toBe('RSA_3072');
    expect(acmKeyTypeOf({ keyAlgorithm: 'ec', curve: 'P-521' })).toBe('EC_secp521r1');
    expect(acmKeyTypeOf({ keyAlgorithm: 'rsa', keySize: 2560 })).toBeUndefined();
    expect(acmKeyTypeOf({ keyAlgorithm: 'ed25519' })).toBeUndefined();
  });

  it('takes an EC P-521 certificate IAM would refuse, and drops IAM-only findings', async () => {
    const certificate = await made('P-521');
    const findings = await acmImportFindings(
      {
        certificate,
        privateKeyPem: 'x'.repeat(300),
        report: {
          ...noReport,
          findings: [
            { code: 'KEY_TYPE_UNSUPPORTED', severity: 'error', field: 'certificate', message: 'IAM', fix: '' },
          ],
        },
      },
      { region: 'eu-west-1' },
    );
    expect(codes(findings)).toEqual([]);
  });

  it('refuses a key over 5,120 bytes of PEM', async () => {
    const findings = await acmImportFindings(
      { certificate: await made('P-256'), privateKeyPem: 'x'.repeat(5_121), report: noReport },
      { region: 'eu-west-1' },
    );
    expect(codes(findings)).toEqual(['KEY_TOO_LARGE']);
  });

  it('for CloudFront: us-east-1 only, and RSA or P-256 only', async () => {
    const p384 = await made('P-384');
    const findings = await acmImportFindings(
      { certificate: p384, privateKeyPem: 'key', report: noReport },
      { region: 'eu-west-1', target: 'cloudfront' },
    );
    expect(codes(findings)).toEqual(['CLOUDFRONT_REGION', 'KEY_NOT_FOR_CLOUDFRONT']);
    const p256 = await acmImportFindings(
      { certificate: await made('P-256'), privateKeyPem: 'key', report: noReport },
      { region: 'us-east-1', target: 'cloudfront' },
    );
    expect(codes(p256)).toEqual([]);
  });

  it('reads the X.509 version and usages as ACM names them', async () => {
    const usages = await certificateUsages(
      await made('P-256', { keyUsage: DS, extendedKeyUsage: [SERVER_AUTH, CLIENT_AUTH] }),
    );
    expect(usages).toEqual({
      version: 3,
      keyUsages: ['DIGITAL_SIGNATURE'],
      extendedKeyUsages: ['TLS_WEB_SERVER_AUTHENTICATION', 'TLS_WEB_CLIENT_AUTHENTICATION'],
    });
  });
});

describe("ACM's re-import rules, each refusal naming its rule", () => {
  it('a renewal with the same key type, names and usages passes', async () => {
    const old = await made('P-256', {
      names: ['a.example.com', 'b.example.com'],
      keyUsage: DS,
      extendedKeyUsage: [SERVER_AUTH],
    });
    const renewed = await made('P-256', {
      names: ['a.example.com', 'b.example.com', 'c.example.com'],
      keyUsage: DS,
      extendedKeyUsage: [SERVER_AUTH],
    });
    expect(await reimportFindings(old, renewed)).toEqual([]);
  });

  it('a changed key type or size is refused', async () => {
    const findings = await reimportFindings(await made('P-256'), await made('P-384'));
    expect(codes(findings)).toEqual(['REIMPORT_KEY_TYPE_CHANGED']);
    expect(findings[0]!.message).toMatch(/an EC P-256 key and this one an EC P-384/);
  });

  it('a domain name removed entirely is refused, naming it', async () => {
    const findings = await reimportFindings(
      await made('P-256', { names: ['a.example.com', 'b.example.com'] }),
      await made('P-256', { names: ['a.example.com'] }),
    );
    expect(codes(findings)).toEqual(['REIMPORT_NAMES_REMOVED']);
    expect(findings[0]!.message).toContain('b.example.com');
  });

  it('a usage removed is refused, except keyEncipherment on EC and client authentication', async () => {
    const old = await made('P-256', { keyUsage: DS | KE, extendedKeyUsage: [SERVER_AUTH, CLIENT_AUTH] });
    expect(await reimportFindings(old, await made('P-256', { keyUsage: DS, extendedKeyUsage: [SERVER_AUTH] }))).toEqual(
      [],
    );
    const rsaOld = await made('RSA-2048', { keyUsage: DS | KE, extendedKeyUsage: [SERVER_AUTH] });
    const rsaNew = await made('RSA-2048', { keyUsage: DS, extendedKeyUsage: [CLIENT_AUTH] });
    const findings = await reimportFindings(rsaOld, rsaNew);
    expect(codes(findings)).toEqual(['REIMPORT_USAGE_REMOVED', 'REIMPORT_USAGE_REMOVED']);
    expect(findings.map((finding) => finding.message).join(' ')).toMatch(
      /KEY_ENCIPHERMENT.*TLS_WEB_SERVER_AUTHENTICATION/,
    );
  });

  it('a usage extension added where the old certificate had none is refused', async () => {
    const findings = await reimportFindings(
      await made('P-256'),
      await made('P-256', { extendedKeyUsage: [SERVER_AUTH] }),
    );
    expect(codes(findings)).toEqual(['REIMPORT_USAGE_ADDED']);
  });
});
