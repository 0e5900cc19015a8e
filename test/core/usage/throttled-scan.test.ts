import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scanConsumers } from '../../../src/core/usage/scan.js';
import { createServingClients } from '../../../src/core/usage/serving-clients.js';
import { iamError, motoEndpoint, scriptedHandler, uniqueName } from '../../helpers/iam.js';
import { motoEnvironment } from '../../helpers/moto.js';
import { fixtures } from '../../helpers/use-fixtures.js';

const fx = fixtures();
const env = { ...motoEnvironment(), AWS_DEFAULT_REGION: 'us-east-1' };
const aws = (...args: string[]) =>
  JSON.parse(
    execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json'], { env }).toString() || '{}',
  );

describe('a scan that AWS throttles', () => {
  it('retries the throttled call with backoff and still finds every consumer, with no note', async () => {
    const name = uniqueName('throttled');
    execFileSync(
      'aws',
      [
        'iam',
        'upload-server-certificate',
        '--server-certificate-name',
        name,
        '--certificate-body',
        `file://${fx.path('selfsigned.pem')}`,
        '--private-key',
        `file://${fx.path('rsa2048.key')}`,
        '--endpoint-url',
        motoEndpoint(),
      ],
      { env },
    );
    const arn = aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate
      .ServerCertificateMetadata.Arn;
    const balancer = uniqueName('thr').slice(0, 32);
    aws(
      'elb',
      'create-load-balancer',
      '--load-balancer-name',
      balancer,
      '--listeners',
      `Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=${arn}`,
      '--availability-zones',
      'us-east-1a',
    );
    let throttled = 0;
    // The classic API's first DescribeLoadBalancers is refused as AWS refuses a burst; the rest reach moto.
    const { handler, calls } = scriptedHandler((call) => {
      if (call.action === 'DescribeLoadBalancers' && call.params.get('Version') === '2012-06-01' && throttled === 0) {
        throttled += 1;
        return iamError('Throttling', 'Rate exceeded', 400);
      }
      return 'pass';
    }, motoEndpoint());
    const clients = createServingClients({ endpointUrl: motoEndpoint(), requestHandler: handler, maxAttempts: 4 });
    const scan = await scanConsumers(clients, { regions: ['us-east-1'] });
    expect(throttled).toBe(1);
    expect(
      calls.filter((call) => call.action === 'DescribeLoadBalancers' && call.params.get('Version') === '2012-06-01'),
    ).toHaveLength(2);
    expect(scan.notes).toEqual([]);
    expect(scan.consumers).toContainEqual(
      expect.objectContaining({ kind: 'ELB', name: balancer, certificate: { arn } }),
    );
  });
});
