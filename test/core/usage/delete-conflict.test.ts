import { describe, expect, it } from 'vitest';
import { deleteServerCertificate } from '../../../src/core/iam/server-certificates.js';
import { iamError, scriptedClients } from '../../helpers/iam.js';

describe('IAM still answers DeleteConflict', () => {
  it('says which consumer IAM names, and how to free the certificate', async () => {
    // Real IAM's answer when a load balancer still uses the certificate (moto never sends it).
    const consumer = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';
    const { clients } = scriptedClients((call) =>
      call.action === 'DeleteServerCertificate'
        ? iamError(
            'DeleteConflict',
            `Certificate: ASCAEXAMPLE is currently in use by ${consumer}. Please remove it first before deleting it from IAM.`,
            409,
          )
        : 'pass',
    );
    const deleting = deleteServerCertificate(clients, 'web');
    await expect(deleting).rejects.toMatchObject({ code: 'DELETE_CONFLICT' });
    const problem = (await deleting.catch((error: unknown) => error)) as { message: string; fix: string };
    expect(problem.message).toContain(consumer);
    expect(problem.fix).toContain('iamcert usage');
  });
});
