import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  deleteServerCertificate,
  getServerCertificate,
  renameServerCertificate,
  uploadServerCertificate,
} from '../../../src/core/iam/server-certificates.js';
import { LIST_PAGE_SIZE, listServerCertificates } from '../../../src/core/iam/server-certificate-list.js';
import { iamError, iamOk, motoClients, motoEndpoint, scriptedClients, uniqueName } from '../../helpers/iam.js';
import { fixtures } from '../../helpers/use-fixtures.js';

const fx = fixtures();
const aws = (...args: string[]) =>
  JSON.parse(execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json']).toString());

describe('server certificates against moto', () => {
  it('uploads (cleaning the PEM), and the AWS CLI reads back the same name and body', async () => {
    const clients = motoClients();
    const name = uniqueName('www');
    const { row } = await uploadServerCertificate(clients, {
      name,
      certificate: fx.read('crlf-bom.pem'),
      privateKey: fx.read('rsa2048-pkcs1.key'),
      chain: fx.read('chain.pem'),
      path: '/cloudfront/test/',
    });
    expect(row).toMatchObject({ name, path: '/cloudfront/test/' });
    const held = aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate;
    expect(held.ServerCertificateMetadata.ServerCertificateName).toBe(name);
    expect(held.CertificateBody.trim()).toBe(fx.text('leaf.pem').trim());
    expect(held.CertificateChain.trim()).toBe(fx.text('chain.pem').trim());
  });

  it('lists with a path prefix, gets with the parsed body, and deletes', async () => {
    const clients = motoClients();
    const name = uniqueName('list');
    const prefix = `/${uniqueName('p')}/`;
    await uploadServerCertificate(clients, {
      name,
      certificate: fx.read('selfsigned.pem'),
      privateKey: fx.read('rsa2048.key'),
      path: prefix,
    });
    const rows = await listServerCertificates(clients, { pathPrefix: prefix });
    expect(rows.map((row) => row.name)).toEqual([name]);
    expect(rows[0]).toMatchObject({ path: prefix, arn: expect.stringContaining(name) });
    expect(rows[0]!.expiryState).toMatch(/^(expired|≤30 days|≤90 days|ok)$/);
    const details = await getServerCertificate(clients, name);
    expect(details.certificate).toMatchObject({ selfSigned: true, keySize: 2048 });
    await deleteServerCertificate(clients, name);
    expect(await listServerCertificates(clients, { pathPrefix: prefix })).toEqual([]);
    await expect(getServerCertificate(clients, name)).rejects.toMatchObject({ code: 'NO_SUCH_ENTITY' });
  });
});

describe('server certificates beyond moto (real IAM XML through the real SDK)', () => {
  const metadata = (index: number) =>
    `<member><ServerCertificateName>cert-${index}</ServerCertificateName><Path>/</Path><Arn>arn:aws:iam::123456789012:server-certificate/cert-${index}</Arn><ServerCertificateId>ASCA${index}</ServerCertificateId><UploadDate>2026-01-01T00:00:00Z</UploadDate><Expiration>2027-01-01T00:00:00Z</Expiration></member>`;

  it('pages through 2,500 certificates in ceil(2500/1000) = 3 calls', async () => {
    const total = 2500;
    const { clients, calls } = scriptedClients(({ params }) => {
      const start = Number(params.get('Marker') ?? '0');
      const size = Number(params.get('MaxItems'));
      const end = Math.min(start + size, total);
      const members = Array.from({ length: end - start }, (_, offset) => metadata(start + offset)).join('');
      const more =
        end < total ? `<IsTruncated>true</IsTruncated><Marker>${end}</Marker>` : '<IsTruncated>false</IsTruncated>';
      return iamOk(
        'ListServerCertificates',
        `<ServerCertificateMetadataList>${members}</ServerCertificateMetadataList>${more}`,
      );
    });
    const rows = await listServerCertificates(clients, { now: new Date('2026-11-23T00:00:00Z') });
    expect(rows).toHaveLength(total);
    expect(calls).toHaveLength(Math.ceil(total / LIST_PAGE_SIZE));
    expect(calls.every((call) => call.params.get('MaxItems') === '1000')).toBe(true);
    expect(rows[0]).toMatchObject({ name: 'cert-0', expiration: '2027-01-01T00:00:00.000Z', expiryState: '≤90 days' });
  });

  it('renames and moves with UpdateServerCertificate, checking the new name and path first', async () => {
    const { clients, calls } = scriptedClients(() => iamOk('UpdateServerCertificate'));
    await renameServerCertificate(clients, 'old', { newName: 'new', newPath: '/cloudfront/' });
    expect(calls[0]!.action).toBe('UpdateServerCertificate');
    expect(Object.fromEntries(calls[0]!.params)).toMatchObject({
      ServerCertificateName: 'old',
      NewServerCertificateName: 'new',
      NewPath: '/cloudfront/',
    });
    await expect(renameServerCertificate(clients, 'old', { newPath: '/cloudfront' })).rejects.toMatchObject({
      code: 'PATH_INVALID',
    });
    await expect(renameServerCertificate(clients, 'old', {})).rejects.toMatchObject({ code: 'NOTHING_TO_CHANGE' });
    expect(calls).toHaveLength(1);
  });

  it('makes no call at all when the preflight finds an error', async () => {
    const { clients, calls } = scriptedClients(() => iamOk('UploadServerCertificate'));
    await expect(
      uploadServerCertificate(clients, {
        name: 'x',
        certificate: fx.read('rsa2048.key'),
        privateKey: fx.read('rsa2048.key'),
      }),
    ).rejects.toMatchObject({
      code: 'PREFLIGHT_CERT_IS_PRIVATE_KEY',
    });
    await expect(
      uploadServerCertificate(clients, {
        name: 'x',
        certificate: fx.read('leaf.pem'),
        privateKey: fx.read('rsa2048.key'),
      }),
    ).rejects.toMatchObject({
      code: 'PREFLIGHT_CHAIN_MISSING',
    });
    expect(calls).toEqual([]);
  });

  it('says an account over its quota as it is, not "148 of its 20"', async () => {
    const { quotaWords } = await import('../../../src/core/iam/server-certificates.js');
    expect(quotaWords({ used: 148, quota: 20 })).toBe(
      'The account holds 148 server certificates, more than its quota of 20; IAM takes no more until it is under.',
    );
    expect(quotaWords({ used: 20, quota: 20 })).toContain('holds 20 of its 20');
  });

  it('explains the server-certificate quota before IAM refuses', async () => {
    const { clients, calls } = scriptedClients(({ action }) =>
      action === 'GetAccountSummary'
        ? iamOk(
            'GetAccountSummary',
            '<SummaryMap><entry><key>ServerCertificates</key><value>20</value></entry><entry><key>ServerCertificatesQuota</key><value>20</value></entry></SummaryMap>',
          )
        : iamOk(action),
    );
    await expect(
      uploadServerCertificate(clients, {
        name: 'x',
        certificate: fx.read('selfsigned.pem'),
        privateKey: fx.read('rsa2048.key'),
      }),
    ).rejects.toMatchObject({
      code: 'SERVER_CERTIFICATE_QUOTA',
      message: expect.stringContaining('20 of its 20'),
    });
    expect(calls.map((call) => call.action)).toEqual(['GetAccountSummary']);
  });

  it.each([
    [
      'EntityAlreadyExists',
      'The Server Certificate with name x already exists.',
      'ENTITY_ALREADY_EXISTS',
      /already exists/,
      /another name/,
    ],
    [
      'KeyPairMismatch',
      'The public key certificate and the private key do not match.',
      'KEY_PAIR_MISMATCH',
      /does not match/,
      /iamcert inspect/,
    ],
    [
      'MalformedCertificate',
      'Unable to parse certificate. Please ensure the certificate is in PEM format.',
      'MALFORMED_CERTIFICATE',
      /could not read the certificate/,
      /iamcert (check|prepare)/,
    ],
    [
      'MalformedCertificate',
      'Unable to validate certificate chain. The certificate chain must start with the immediate signing certificate, followed by any intermediaries in order. The index within the chain of the invalid certificate is: 1',
      'CHAIN_INVALID',
      /certificate 1 in the chain/,
      /iamcert prepare/,
    ],
    [
      'LimitExceeded',
      'Cannot exceed quota for ServerCertificatesPerAccount: 20',
      'LIMIT_EXCEEDED',
      /quota/,
      /raise the quota/,
    ],
    [
      'AccessDenied',
      'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:UploadServerCertificate',
      'ACCESS_DENIED',
      /iam:UploadServerCertificate/,
      /grant iam:UploadServerCertificate/,
    ],
    ['InvalidInput', 'Path must begin and end with a slash', 'INVALID_INPUT', /Path must begin/, /iamcert check/],
  ])('maps %s to one line with the fix', async (code, message, ourCode, ourMessage, ourFix) => {
    const { clients } = scriptedClients(({ action }) =>
      action === 'GetAccountSummary'
        ? iamError('AccessDenied', 'no summary', 403)
        : iamError(code, message, code === 'AccessDenied' ? 403 : code === 'LimitExceeded' ? 409 : 400),
    );
    const failure = uploadServerCertificate(clients, {
      name: 'x',
      certificate: fx.read('selfsigned.pem'),
      privateKey: fx.read('rsa2048.key'),
    });
    await expect(failure).rejects.toMatchObject({
      code: ourCode,
      message: expect.stringMatching(ourMessage),
      fix: expect.stringMatching(ourFix),
    });
  });

  it('retries throttling, says it is retrying, and gives up with a clear message', async () => {
    const retries: number[] = [];
    const { clients, calls } = scriptedClients(() => iamError('Throttling', 'Rate exceeded'), {
      maxAttempts: 3,
      onWaiting: ({ attempt }) => retries.push(attempt),
    });
    await expect(listServerCertificates(clients)).rejects.toMatchObject({
      code: 'THROTTLED',
      message: expect.stringContaining('tried 3 times'),
    });
    expect(calls).toHaveLength(3);
    expect(retries).toEqual([2, 3]);
  });

  it('succeeds when throttling passes', async () => {
    let answered = 0;
    const { clients } = scriptedClients(
      () =>
        answered++ === 0
          ? iamError('Throttling', 'Rate exceeded')
          : iamOk('ListServerCertificates', '<ServerCertificateMetadataList/><IsTruncated>false</IsTruncated>'),
      { maxAttempts: 3 },
    );
    expect(await listServerCertificates(clients)).toEqual([]);
  });

  it.each([
    [iamError('ServiceFailure', 'Internal failure', 500), 'SERVICE_FAILURE'],
    [iamError('ExpiredToken', 'The security token included in the request is expired', 403), 'CREDENTIALS_EXPIRED'],
    [
      iamError('InvalidClientTokenId', 'The security token included in the request is invalid', 403),
      'CREDENTIALS_REJECTED',
    ],
    [iamError('DeleteConflict', 'Certificate is in use', 409), 'DELETE_CONFLICT'],
    [iamError('ConcurrentModification', 'busy', 409), 'CONCURRENT_MODIFICATION'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), 'UNREACHABLE'],
    [Object.assign(new Error('timed out'), { name: 'TimeoutError' }), 'TIMEOUT'],
  ])('maps other failures to one line with the fix (%#)', async (reply, code) => {
    const { clients } = scriptedClients(() => reply);
    const error = await deleteServerCertificate(clients, 'x').then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ code });
    expect((error as Error).message).not.toMatch(/\n/);
    expect((error as { fix: string }).fix.length).toBeGreaterThan(5);
  });
});
