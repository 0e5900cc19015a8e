import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createKeyAndCertificate } from '../../../src/core/crypto/create.js';
import {
  deleteSigningCertificate,
  listSigningCertificates,
  setSigningCertificateStatus,
  uploadSigningCertificate,
} from '../../../src/core/iam/signing-certificates.js';
import { createUser } from '../../../src/core/iam/users-and-groups.js';
import {
  iamError,
  iamOk,
  motoClients,
  motoEndpoint,
  scriptedClients,
  scriptedHandler,
  uniqueName,
} from '../../helpers/iam.js';
import { createIamClients } from '../../../src/core/iam/client.js';
import { fixtures } from '../../helpers/use-fixtures.js';

const fx = fixtures();
const newCertificate = async () =>
  (await createKeyAndCertificate({ keyType: 'rsa2048', subject: '', days: 3650, keyFormat: 'pkcs8' })).certificatePem!;

describe('signing certificates against moto', () => {
  it('uploads, lists with fingerprint and expiry, deactivates, activates and deletes', async () => {
    const clients = motoClients();
    const user = uniqueName('signer');
    await createUser(clients, user);
    const body = await newCertificate();
    const uploaded = await uploadSigningCertificate(clients, user, body);
    expect(uploaded).toMatchObject({ userName: user, status: 'Active', expiryState: 'ok' });
    const held = JSON.parse(
      execFileSync('aws', [
        'iam',
        'list-signing-certificates',
        '--user-name',
        user,
        '--endpoint-url',
        motoEndpoint(),
        '--output',
        'json',
      ]).toString(),
    );
    expect(held.Certificates[0].CertificateBody.trim()).toBe(body.trim());

    const [row] = await listSigningCertificates(clients, user);
    expect(row).toMatchObject({ id: uploaded.id, sha256: uploaded.sha256, status: 'Active' });
    await setSigningCertificateStatus(clients, user, uploaded.id, 'Inactive');
    expect((await listSigningCertificates(clients, user))[0]!.status).toBe('Inactive');
    await setSigningCertificateStatus(clients, user, uploaded.id, 'Active');
    await deleteSigningCertificate(clients, user, uploaded.id);
    expect(await listSigningCertificates(clients, user)).toEqual([]);
  });

  it('a user IAM does not know is said so, never listed as "0 of 2" (moto itself lists nothing)', async () => {
    await expect(listSigningCertificates(motoClients(), uniqueName('nobody'))).rejects.toMatchObject({
      code: 'NO_SUCH_ENTITY',
      message: expect.stringContaining('IAM has no user'),
    });
  });

  it('explains the two-per-user limit before IAM refuses, and a duplicate', async () => {
    const clients = motoClients();
    const user = uniqueName('limit');
    await createUser(clients, user);
    const first = await newCertificate();
    await uploadSigningCertificate(clients, user, first);
    await expect(uploadSigningCertificate(clients, user, first)).rejects.toMatchObject({
      code: 'DUPLICATE_CERTIFICATE',
    });
    await uploadSigningCertificate(clients, user, await newCertificate());
    await expect(uploadSigningCertificate(clients, user, await newCertificate())).rejects.toMatchObject({
      code: 'SIGNING_CERTIFICATE_LIMIT',
      message: expect.stringContaining('2 signing certificates'),
      // Headless the flags; in the app the keys.
      fix: expect.stringContaining('iamcert signing delete'),
      appFix: expect.stringMatching(/^Delete one first \(d on it in the list\)/),
    });
  });
});

describe('a signing certificate upload whose answer was lost (IAM answers the retry with DuplicateCertificate)', () => {
  it('with SDK retries on, our own first upload found by its fingerprint is success, not a duplicate', async () => {
    const user = uniqueName('lost-signing');
    await createUser(motoClients(), user);
    let uploads = 0;
    const { handler } = scriptedHandler(({ action }) => {
      if (action !== 'UploadSigningCertificate') return 'pass';
      uploads += 1;
      return uploads === 1
        ? 'lose-answer'
        : iamError(
            'DuplicateCertificate',
            'The request was rejected because the same certificate is associated with an IAM user in the account.',
            409,
          );
    }, motoEndpoint());
    const clients = createIamClients({ endpointUrl: motoEndpoint(), requestHandler: handler, maxAttempts: 4 });
    const body = await newCertificate();
    const row = await uploadSigningCertificate(clients, user, body);
    expect(uploads).toBe(2);
    expect(row).toMatchObject({ userName: user, status: 'Active' });
    expect(await listSigningCertificates(motoClients(), user)).toHaveLength(1);
  });
});

describe('signing certificates: refusals before any call, and IAM errors', () => {
  it('refuses a private key offered as the certificate, with no call made', async () => {
    const { clients, calls } = scriptedClients(() => iamOk('UploadSigningCertificate'));
    for (const name of ['rsa2048.key', 'rsa2048-pkcs1.key', 'bag-attributes.pem']) {
      await expect(uploadSigningCertificate(clients, 'alice', fx.read(name)), name).rejects.toMatchObject({
        code: 'PREFLIGHT_CERT_IS_PRIVATE_KEY',
      });
    }
    await expect(uploadSigningCertificate(clients, 'alice', fx.read('expired.pem'))).rejects.toMatchObject({
      code: 'PREFLIGHT_CERT_EXPIRED',
    });
    expect(calls).toEqual([]);
  });

  it('explains DuplicateCertificate from IAM (the certificate is on another user)', async () => {
    const { clients } = scriptedClients(({ action }) =>
      action === 'ListSigningCertificates'
        ? iamOk(action, '<Certificates/><IsTruncated>false</IsTruncated>')
        : iamError(
            'DuplicateCertificate',
            'The request was rejected because the same certificate is associated with an IAM user in the account.',
            409,
          ),
    );
    await expect(uploadSigningCertificate(clients, 'alice', await newCertificate())).rejects.toMatchObject({
      code: 'DUPLICATE_CERTIFICATE',
      fix: expect.stringContaining('iamcert create'),
    });
  });

  it('explains InvalidCertificate', async () => {
    const { clients } = scriptedClients(({ action }) =>
      action === 'ListSigningCertificates'
        ? iamOk(action, '<Certificates/><IsTruncated>false</IsTruncated>')
        : iamError('InvalidCertificate', 'The certificate is invalid.'),
    );
    await expect(uploadSigningCertificate(clients, 'alice', await newCertificate())).rejects.toMatchObject({
      code: 'INVALID_CERTIFICATE',
    });
  });
});
