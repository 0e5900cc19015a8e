import { describe, expect, it } from 'vitest';
import { importToAcm } from '../../../src/core/acm/import.js';
import { certificatePem } from '../../../src/core/crypto/certificate.js';
import { acmError, scriptedAcm, type AcmCall } from '../../helpers/acm.js';
import { made } from '../../helpers/made-certificates.js';

const ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/00000000-0000-0000-0000-000000000001';

async function request() {
  const certificate = await made('P-256', { notAfter: new Date('2027-06-01T00:00:00Z') });
  return { certificatePem: certificatePem(certificate), privateKeyPem: 'KEY', certificate, region: 'eu-west-1' };
}

/** ACM holding `held` once `imported` is true: a list summary, and its PEM on GetCertificate. */
function acmHolding(pem: string, state: { imported: boolean }) {
  return (call: AcmCall) => {
    if (call.action === 'ListCertificates')
      return {
        status: 200,
        body: {
          CertificateSummaryList: state.imported
            ? [
                {
                  CertificateArn: ARN,
                  DomainName: 'www.example.com',
                  NotAfter: Date.parse('2027-06-01T00:00:00Z') / 1000,
                },
              ]
            : [],
        },
      };
    if (call.action === 'GetCertificate') return { status: 200, body: { Certificate: pem } };
    throw new Error(`unexpected ${call.action}`);
  };
}

describe('importing into ACM: never the same certificate twice', () => {
  it('a certificate already in the region is found, and nothing is imported', async () => {
    const input = await request();
    const { clients, calls } = scriptedAcm(acmHolding(input.certificatePem, { imported: true }));
    expect(await importToAcm(clients, input)).toEqual({ arn: ARN, alreadyThere: true, reimported: false });
    expect(calls.map((call) => call.action)).toEqual(['ListCertificates', 'GetCertificate']);
  });

  it('an import whose answer is lost is sent once, then found by looking, not sent again', async () => {
    const input = await request();
    const state = { imported: false };
    const holding = acmHolding(input.certificatePem, state);
    const { clients, calls } = scriptedAcm((call) => {
      if (call.action !== 'ImportCertificate') return holding(call);
      state.imported = true;
      return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    });
    expect(await importToAcm(clients, input)).toEqual({ arn: ARN, alreadyThere: false, reimported: false });
    expect(calls.filter((call) => call.action === 'ImportCertificate')).toHaveLength(1);
    expect(calls[1]!.input).toMatchObject({ Certificate: Buffer.from(input.certificatePem).toString('base64') });
    expect(calls[1]!.input).not.toHaveProperty('CertificateArn');
  });

  it('a lost answer and no certificate found: the error stands, and nothing is sent again', async () => {
    const input = await request();
    const holding = acmHolding(input.certificatePem, { imported: false });
    const { clients, calls } = scriptedAcm((call) =>
      call.action === 'ImportCertificate'
        ? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
        : holding(call),
    );
    await expect(importToAcm(clients, input)).rejects.toMatchObject({ code: 'CONNECTION_RESET' });
    expect(calls.filter((call) => call.action === 'ImportCertificate')).toHaveLength(1);
  });

  it('a re-import names the ARN, and a refusal from ACM is one line with its code', async () => {
    const input = await request();
    const { clients, calls } = scriptedAcm(() =>
      acmError('ValidationException', 'The certificate field contains more than one certificate.'),
    );
    await expect(importToAcm(clients, { ...input, arn: ARN })).rejects.toMatchObject({
      code: 'AWS_VALIDATION',
      message: expect.stringContaining('more than one certificate'),
    });
    expect(calls[0]!.input).toMatchObject({ CertificateArn: ARN });
  });
});
