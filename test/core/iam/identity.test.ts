import { describe, expect, it } from 'vitest';
import { createIamClients } from '../../../src/core/iam/client.js';
import { whoAmI } from '../../../src/core/iam/identity.js';
import { iamError, motoClients, scriptedClients } from '../../helpers/iam.js';

describe('who am I', () => {
  it('shows the account and caller ARN from STS', async () => {
    const identity = await whoAmI(motoClients());
    expect(identity).toMatchObject({ account: '123456789012', arn: expect.stringMatching(/^arn:aws:/) });
  });

  it('shows the endpoint, and says so, when an emulator has no STS', async () => {
    const { clients } = scriptedClients(() => ({ status: 404, body: 'not here' }));
    const identity = await whoAmI(clients);
    expect(identity.account).toBeUndefined();
    expect(identity.note).toMatch(/showing the endpoint instead/);
  });

  it('names the fix when there are no credentials or they have expired', async () => {
    const saved = { ...process.env };
    try {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      process.env.AWS_EC2_METADATA_DISABLED = 'true';
      const clients = createIamClients({ endpointUrl: 'http://127.0.0.1:9', maxAttempts: 1 });
      await expect(whoAmI(clients)).rejects.toMatchObject({
        code: 'NO_CREDENTIALS',
        fix: expect.stringContaining('aws configure'),
      });
    } finally {
      process.env = saved;
    }
    const { clients } = scriptedClients(() =>
      iamError('ExpiredToken', 'The security token included in the request is expired', 403),
    );
    await expect(whoAmI(clients)).rejects.toMatchObject({ code: 'CREDENTIALS_EXPIRED' });
  });
});
