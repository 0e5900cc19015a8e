import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import { fixtures } from '../helpers/use-fixtures.js';

/**
 * Real load balancers and listeners built in moto with the AWS CLI, then `iamcert usage` must find
 * each one that serves a certificate: classic ELB listeners, an ALB's default and SNI certificates,
 * and a CloudFront distribution (whose listing in moto lacks ViewerCertificate, so each is asked again).
 * A moto of its own: moto gives every server certificate the same ID, so a distribution made here
 * would seem to serve every certificate of the other tests, and their deletes would be refused.
 */
const fx = fixtures();
const env = { ...motoEnvironment(), AWS_DEFAULT_REGION: 'us-east-1' };
const iamcert = (...args: string[]) => runCli([...args, '--endpoint-url', motoEndpoint()], { env });
const aws = (...args: string[]) => {
  const text = execFileSync('aws', [...args, '--endpoint-url', motoEndpoint(), '--output', 'json'], { env }).toString();
  return text.trim() ? JSON.parse(text) : {};
};

function upload(name: string): { arn: string; id: string } {
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
  const metadata = aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate
    .ServerCertificateMetadata;
  return { arn: metadata.Arn, id: metadata.ServerCertificateId };
}

describe('iamcert usage against load balancers and a distribution in moto', () => {
  it("finds classic ELB listeners and an ALB listener's default and SNI certificates; exits 1 when a served certificate is expired", async () => {
    const classic = upload(uniqueName('classic'));
    const albDefault = upload(uniqueName('alb-default'));
    const albSni = upload(uniqueName('alb-sni'));
    const idle = uniqueName('idle');
    upload(idle);
    const balancer = uniqueName('elb').slice(0, 32);
    aws(
      'elb',
      'create-load-balancer',
      '--load-balancer-name',
      balancer,
      '--listeners',
      `Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=${classic.arn}`,
      '--availability-zones',
      'us-east-1a',
    );
    const vpc = aws('ec2', 'create-vpc', '--cidr-block', '10.8.0.0/16').Vpc.VpcId;
    const subnets = ['a', 'b'].map(
      (zone, index) =>
        aws(
          'ec2',
          'create-subnet',
          '--vpc-id',
          vpc,
          '--cidr-block',
          `10.8.${index}.0/24`,
          '--availability-zone',
          `us-east-1${zone}`,
        ).Subnet.SubnetId,
    );
    const alb = uniqueName('alb').slice(0, 32);
    const albArn = aws('elbv2', 'create-load-balancer', '--name', alb, '--subnets', ...subnets).LoadBalancers[0]
      .LoadBalancerArn;
    const group = aws(
      'elbv2',
      'create-target-group',
      '--name',
      uniqueName('tg').slice(0, 32),
      '--protocol',
      'HTTP',
      '--port',
      '80',
      '--vpc-id',
      vpc,
    ).TargetGroups[0].TargetGroupArn;
    const listener = aws(
      'elbv2',
      'create-listener',
      '--load-balancer-arn',
      albArn,
      '--protocol',
      'HTTPS',
      '--port',
      '443',
      '--certificates',
      `CertificateArn=${albDefault.arn}`,
      '--default-actions',
      `Type=forward,TargetGroupArn=${group}`,
    ).Listeners[0].ListenerArn;
    aws(
      'elbv2',
      'add-listener-certificates',
      '--listener-arn',
      listener,
      '--certificates',
      `CertificateArn=${albSni.arn}`,
    );

    const result = await iamcert('usage', '--regions', 'us-east-1,eu-west-1', '--json');
    expect(result.code, result.stderr).toBe(1);
    const map = JSON.parse(result.stdout);
    expect(map.regions).toEqual(['us-east-1', 'eu-west-1']);
    const entry = (arn: string) =>
      map.certificates.find((item: { certificate: { arn: string } }) => item.certificate.arn === arn);
    expect(entry(classic.arn).consumers).toContainEqual(
      expect.objectContaining({ kind: 'ELB', name: balancer, region: 'us-east-1', listener: 'HTTPS:443' }),
    );
    expect(entry(albDefault.arn).consumers).toContainEqual(
      expect.objectContaining({ kind: 'ALB', name: alb, role: 'default', listenerArn: listener }),
    );
    expect(entry(albSni.arn).consumers).toContainEqual(
      expect.objectContaining({ kind: 'ALB', name: alb, role: 'sni', listenerArn: listener }),
    );
    // moto's IAM dates are fixed in 2012: a served certificate is expired, an outage now. And every
    // certificate here was uploaded from the same file: each is a duplicate of the others.
    const codes = entry(classic.arn).findings.map((finding: { code: string }) => finding.code);
    expect(codes).toEqual(['EXPIRED_IN_USE', 'DUPLICATE']);
    expect(entry(classic.arn).findings[1].message).toContain(entry(albDefault.arn).certificate.name);

    const one = await iamcert('usage', idle, '--regions', 'us-east-1');
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(new RegExp(`${idle}\\s+2012-\\d\\d-\\d\\d\\s+—\\s+UNUSED`));
    const served = await iamcert('usage', entry(classic.arn).certificate.name, '--regions', 'us-east-1');
    expect(served.code).toBe(1);
    expect(served.stdout).toContain(`ELB ${balancer} (us-east-1) HTTPS:443`);
    expect(served.stdout).toContain('still served: HTTPS fails there now');
  });

  it('delete refuses a certificate that is served, naming who serves it, and deletes one that is not', async () => {
    const served = upload(uniqueName('served'));
    const servedName = served.arn.split('/').pop()!;
    const balancer = uniqueName('keep').slice(0, 32);
    aws(
      'elb',
      'create-load-balancer',
      '--load-balancer-name',
      balancer,
      '--listeners',
      `Protocol=HTTPS,LoadBalancerPort=8443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=${served.arn}`,
      '--availability-zones',
      'us-east-1a',
    );
    const refused = await iamcert('delete', servedName, '--yes', '--regions', 'us-east-1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `CERTIFICATE_IN_USE: "${servedName}" is served by ELB ${balancer} (us-east-1) HTTPS:8443`,
    );
    expect(refused.stderr).toContain(`iamcert usage ${servedName}`);
    expect(
      aws('iam', 'get-server-certificate', '--server-certificate-name', servedName).ServerCertificate,
    ).toBeDefined();
    const idle = uniqueName('unserved');
    upload(idle);
    const deleted = await iamcert('delete', idle, '--yes', '--regions', 'us-east-1');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(
      aws('iam', 'list-server-certificates').ServerCertificateMetadataList.map(
        (entry: { ServerCertificateName: string }) => entry.ServerCertificateName,
      ),
    ).not.toContain(idle);
  });

  // Last: from here on every certificate in this moto shares the distribution's certificate ID.
  it('reads a distribution whose listing lacks ViewerCertificate from its config, by the certificate ID', async () => {
    const name = uniqueName('cf');
    const { id } = upload(name);
    const config = {
      CallerReference: uniqueName('ref'),
      Aliases: { Quantity: 1, Items: ['www.usage.example'] },
      Origins: {
        Quantity: 1,
        Items: [
          {
            Id: 'o1',
            DomainName: 'origin.usage.example',
            CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' },
          },
        ],
      },
      DefaultCacheBehavior: {
        TargetOriginId: 'o1',
        ViewerProtocolPolicy: 'redirect-to-https',
        ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
        MinTTL: 0,
        TrustedSigners: { Enabled: false, Quantity: 0 },
      },
      Comment: '',
      Enabled: true,
      ViewerCertificate: { IAMCertificateId: id, SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
    };
    const distribution = aws('cloudfront', 'create-distribution', '--distribution-config', JSON.stringify(config))
      .Distribution.Id;
    const result = await iamcert('usage', name, '--regions', 'us-east-1', '--json');
    const [entry] = JSON.parse(result.stdout).certificates;
    expect(entry.consumers).toContainEqual(
      expect.objectContaining({
        kind: 'CloudFront',
        name: distribution,
        domains: ['www.usage.example'],
        certificate: { id },
      }),
    );
  });

  it('refuses a region list that is not one, before any call', async () => {
    const result = await iamcert('usage', '--regions', 'us-east-1,,nowhere');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/REGIONS_INVALID.*--regions us-east-1,eu-west-1/);
  });
});
