import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSigningPair } from '../../src/core/signing-pair.js';
import { iamError, iamOk, scriptedClients, type Call } from '../helpers/iam.js';

const USER =
  '<User><Path>/</Path><UserName>bob</UserName><UserId>AIDABOB</UserId><Arn>arn:aws:iam::111122223333:user/bob</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate></User>';
const held = (bodies: string[]) =>
  `<Certificates>${bodies
    .map(
      (body, index) =>
        `<member><UserName>bob</UserName><CertificateId>HELD${index}</CertificateId><CertificateBody>${body}</CertificateBody><Status>Active</Status><UploadDate>2026-01-01T00:00:00Z</UploadDate></member>`,
    )
    .join('')}</Certificates><IsTruncated>false</IsTruncated>`;
const uploadedAs = (id: string, body: string) =>
  `<Certificate><UserName>bob</UserName><CertificateId>${id}</CertificateId><CertificateBody>${body}</CertificateBody><Status>Active</Status><UploadDate>2026-12-01T00:00:00Z</UploadDate></Certificate>`;

/** IAM as scripted: the user bob, the bodies IAM holds, and what UploadSigningCertificate answers. */
function iam(holds: string[], upload: (call: Call) => ReturnType<typeof iamOk> | Error) {
  return scriptedClients((call) => {
    if (call.action === 'GetUser') return iamOk('GetUser', USER);
    if (call.action === 'ListSigningCertificates') return iamOk(call.action, held(holds));
    if (call.action === 'UploadSigningCertificate') return upload(call);
    return iamError('Unexpected', call.action);
  });
}

const folder = () => mkdtempSync(join(tmpdir(), 'iamcert-signing-pair-'));

describe('a signing certificate made and uploaded for a user', () => {
  it('writes a key (PKCS#8, 0600) beside an earlier pair under a dated name, uploads only the certificate, and gives the export lines', async () => {
    const outDir = folder();
    writeFileSync(join(outDir, 'pk-bob.pem'), 'the first key');
    writeFileSync(join(outDir, 'cert-bob.pem'), 'the first certificate');
    const { clients, calls } = iam([], (call) =>
      iamOk('UploadSigningCertificate', uploadedAs('NEW1', call.params.get('CertificateBody')!)),
    );
    const made = await createSigningPair(clients, { userName: 'bob', outDir });
    expect(made.certificate).toMatchObject({ id: 'NEW1', status: 'Active', userName: 'bob' });
    expect(made.keyPath).toMatch(/pk-bob-\d{8}\.pem$/);
    expect(made.certificatePath).toMatch(/cert-bob-\d{8}\.pem$/);
    expect(readFileSync(join(outDir, 'pk-bob.pem'), 'utf8')).toBe('the first key');
    expect(readFileSync(made.keyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(made.keyPath).mode & 0o777).toBe(0o600);
    const sent = calls.find((call) => call.action === 'UploadSigningCertificate')!.params.get('CertificateBody')!;
    expect(sent).toContain('BEGIN CERTIFICATE');
    expect(sent).not.toContain('PRIVATE KEY');
    expect(made.exportLines).toEqual([
      `export EC2_PRIVATE_KEY=${made.keyPath}`,
      `export EC2_CERT=${made.certificatePath}`,
    ]);
  });

  it('for a user IAM lacks, writes nothing (some IAM look-alikes list no certificates for anyone)', async () => {
    const outDir = folder();
    const { clients } = scriptedClients((call) =>
      call.action === 'GetUser'
        ? iamError('NoSuchEntity', 'The user with name nobody cannot be found.', 404)
        : iamOk(call.action, held([])),
    );
    await expect(createSigningPair(clients, { userName: 'nobody', outDir })).rejects.toMatchObject({
      code: 'NO_SUCH_ENTITY',
    });
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('at IAM limit of two, refuses before any file is made', async () => {
    const outDir = folder();
    const { clients, calls } = iam(['one', 'two'], () => new Error('no upload expected'));
    await expect(createSigningPair(clients, { userName: 'bob', outDir })).rejects.toMatchObject({
      code: 'SIGNING_CERTIFICATE_LIMIT',
    });
    expect(readdirSync(outDir)).toEqual([]);
    expect(calls.map((call) => call.action)).not.toContain('UploadSigningCertificate');
  });

  it('when IAM refuses the certificate, removes the two files this run wrote and nothing else', async () => {
    const outDir = folder();
    writeFileSync(join(outDir, 'pk-bob.pem'), 'the first key');
    const { clients } = iam([], () =>
      iamError('LimitExceeded', 'Cannot exceed quota for SigningCertificatesPerUser: 2'),
    );
    await expect(createSigningPair(clients, { userName: 'bob', outDir })).rejects.toMatchObject({
      message: expect.stringContaining('quota'),
    });
    expect(readdirSync(outDir)).toEqual(['pk-bob.pem']);
  });

  it('when the upload answer is lost but IAM holds the certificate, it is the result', async () => {
    const outDir = folder();
    const bodies: string[] = [];
    const { clients } = scriptedClients((call) => {
      if (call.action === 'GetUser') return iamOk('GetUser', USER);
      if (call.action === 'ListSigningCertificates') return iamOk(call.action, held(bodies));
      bodies.push(call.params.get('CertificateBody')!);
      return new Error('socket hang up');
    });
    const made = await createSigningPair(clients, { userName: 'bob', outDir });
    expect(made.certificate.id).toBe('HELD0');
    expect(readdirSync(outDir).sort()).toEqual(['cert-bob.pem', 'pk-bob.pem']);
  });

  it('when whether IAM holds it cannot be known, keeps the files and names them', async () => {
    const outDir = folder();
    let lists = 0;
    const { clients } = scriptedClients((call) => {
      if (call.action === 'GetUser') return iamOk('GetUser', USER);
      if (call.action === 'ListSigningCertificates')
        return (lists += 1) <= 2 ? iamOk(call.action, held([])) : new Error('connect ECONNREFUSED');
      return new Error('socket hang up');
    });
    const failure = await createSigningPair(clients, { userName: 'bob', outDir }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: expect.stringContaining(join(outDir, 'pk-bob.pem')) });
    expect(readdirSync(outDir).sort()).toEqual(['cert-bob.pem', 'pk-bob.pem']);
  });
});
