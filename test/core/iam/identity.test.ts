import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('names the profile when AWS_PROFILE names one that is not in the config files, not "no credentials"', async () => {
    const saved = { ...process.env };
    const dir = mkdtempSync(join(tmpdir(), 'iamcert-profiles-'));
    try {
      writeFileSync(join(dir, 'config'), '[profile real]\nregion = eu-west-1\n');
      writeFileSync(join(dir, 'credentials'), '');
      process.env.AWS_CONFIG_FILE = join(dir, 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      process.env.AWS_EC2_METADATA_DISABLED = 'true';
      const clients = createIamClients({ endpointUrl: 'http://127.0.0.1:9', maxAttempts: 1, profile: 'nosuch' });
      await expect(whoAmI(clients)).rejects.toMatchObject({
        code: 'PROFILE_NOT_FOUND',
        message: expect.stringContaining('nosuch'),
      });
    } finally {
      process.env = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says the keys came from the environment when no profile is in play', async () => {
    const saved = { ...process.env };
    const dir = mkdtempSync(join(tmpdir(), 'iamcert-profiles-'));
    try {
      writeFileSync(join(dir, 'credentials'), '[work]\naws_access_key_id = AKIAWORK\naws_secret_access_key = s\n');
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
      delete process.env.AWS_PROFILE;
      process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLE';
      process.env.AWS_SECRET_ACCESS_KEY = 'secret';
      const { clients } = scriptedClients(() => ({ status: 404, body: 'not here' }));
      expect((await whoAmI(clients)).fromEnvironment).toBe(true);
      const named = scriptedClients(() => ({ status: 404, body: 'not here' }), { profile: 'work' });
      expect((await whoAmI(named.clients)).fromEnvironment).toBeUndefined();
    } finally {
      process.env = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
