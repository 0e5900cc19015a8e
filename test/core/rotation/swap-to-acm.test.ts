import { describe, expect, it } from 'vitest';
import { swapConsumer } from '../../../src/core/rotation/swap.js';
import { createServingClients } from '../../../src/core/usage/serving-clients.js';
import { cloudFrontFake } from '../../helpers/cloudfront.js';
import { MOTO_ENV } from '../../helpers/moto.js';

Object.assign(process.env, MOTO_ENV);
const ACM_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-1111-1111-1111-111111111111';

describe('moving a CloudFront distribution from IAM to ACM', () => {
  it('sets ACMCertificateArn and its source, and drops IAMCertificateId: CloudFront takes one source', async () => {
    const fake = cloudFrontFake({ id: 'E2MOVE', aliases: ['www.move.example'], certificateId: 'ASCAOLD', etag: 'E1' });
    const serving = createServingClients({
      endpointUrl: 'http://127.0.0.1:9',
      requestHandler: fake.handler,
      maxAttempts: 1,
    });
    await swapConsumer(
      serving,
      { kind: 'CloudFront', name: 'E2MOVE', certificate: { id: 'ASCAOLD' } },
      { arn: 'arn:aws:iam::123456789012:server-certificate/cloudfront/www', id: 'ASCAOLD' },
      { arn: ACM_ARN, id: '', store: 'ACM' },
    );
    expect(fake.updates).toHaveLength(1);
    const body = fake.updates[0]!.body;
    expect(body).toContain(`<ACMCertificateArn>${ACM_ARN}</ACMCertificateArn>`);
    expect(body).toContain('<CertificateSource>acm</CertificateSource>');
    expect(body).toContain(`<Certificate>${ACM_ARN}</Certificate>`);
    expect(body).not.toContain('IAMCertificateId');
    expect(fake.updates[0]!.ifMatch).toBe('E1');
  });

  it('a distribution serving something else by now is refused, not overwritten', async () => {
    const fake = cloudFrontFake({ id: 'E2OTHER', aliases: [], certificateId: 'ASCASOMEONEELSE', etag: 'E1' });
    const serving = createServingClients({
      endpointUrl: 'http://127.0.0.1:9',
      requestHandler: fake.handler,
      maxAttempts: 1,
    });
    await expect(
      swapConsumer(
        serving,
        { kind: 'CloudFront', name: 'E2OTHER', certificate: { id: 'ASCAOLD' } },
        { arn: 'arn:aws:iam::123456789012:server-certificate/www', id: 'ASCAOLD' },
        { arn: ACM_ARN, id: '', store: 'ACM' },
      ),
    ).rejects.toMatchObject({ code: 'DISTRIBUTION_CHANGED' });
    expect(fake.updates).toHaveLength(0);
  });
});
