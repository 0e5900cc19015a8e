import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateLoadBalancerCommand as CreateClassic,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  AddListenerCertificatesCommand,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { openssl } from './openssl.js';
import { uniqueName } from './iam.js';
import { motoEnvironment } from './moto.js';

/** A key and a self-signed certificate for these names, made by openssl. */
export function certificateFiles(
  names: string[],
  options: { days?: number; bits?: number } = {},
): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'iamcert-rotate-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  openssl([
    'req',
    '-x509',
    '-newkey',
    `rsa:${options.bits ?? 2048}`,
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    String(options.days ?? 365),
    '-subj',
    `/CN=${names[0]}`,
    '-addext',
    `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}`,
  ]);
  return { cert, key };
}

/**
 * Load balancers built in moto through the SDK (fast, so each test can build its own), checked
 * afterwards with the AWS CLI, a second client.
 */
export function servingWorld(endpoint: string) {
  const env = { ...motoEnvironment(), AWS_DEFAULT_REGION: 'us-east-1' };
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const elb = new ElasticLoadBalancingClient(config);
  const elbv2 = new ElasticLoadBalancingV2Client(config);
  const ec2 = new EC2Client(config);
  let network: Promise<{ vpc: string; subnets: string[]; targetGroup: string }> | undefined;
  const aws = (...args: string[]) => {
    const text = execFileSync('aws', [...args, '--endpoint-url', endpoint, '--output', 'json'], { env }).toString();
    return text.trim() ? JSON.parse(text) : {};
  };
  const shortName = (prefix: string) => uniqueName(prefix).slice(0, 32);
  const ready = () =>
    (network ??= (async () => {
      const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }))).Vpc!.VpcId!;
      const subnets = await Promise.all(
        ['a', 'b'].map(
          async (zone, index) =>
            (
              await ec2.send(
                new CreateSubnetCommand({
                  VpcId: vpc,
                  CidrBlock: `10.20.${index}.0/24`,
                  AvailabilityZone: `us-east-1${zone}`,
                }),
              )
            ).Subnet!.SubnetId!,
        ),
      );
      const targetGroup = (
        await elbv2.send(
          new CreateTargetGroupCommand({ Name: shortName('tg'), Protocol: 'HTTP', Port: 80, VpcId: vpc }),
        )
      ).TargetGroups![0]!.TargetGroupArn!;
      return { vpc, subnets, targetGroup };
    })());
  return {
    aws,
    upload(name: string, files: { cert: string; key: string }): { arn: string; id: string } {
      execFileSync(
        'aws',
        [
          'iam',
          'upload-server-certificate',
          '--server-certificate-name',
          name,
          '--certificate-body',
          `file://${files.cert}`,
          '--private-key',
          `file://${files.key}`,
          '--endpoint-url',
          endpoint,
        ],
        { env },
      );
      const metadata = aws('iam', 'get-server-certificate', '--server-certificate-name', name).ServerCertificate
        .ServerCertificateMetadata;
      return { arn: metadata.Arn, id: metadata.ServerCertificateId };
    },
    async classic(certificateArn: string, port = 443): Promise<string> {
      const name = shortName('elb');
      await elb.send(
        new CreateClassic({
          LoadBalancerName: name,
          AvailabilityZones: ['us-east-1a'],
          Listeners: [
            {
              Protocol: 'HTTPS',
              LoadBalancerPort: port,
              InstanceProtocol: 'HTTP',
              InstancePort: 80,
              SSLCertificateId: certificateArn,
            },
          ],
        }),
      );
      return name;
    },
    /** An ALB with one HTTPS listener: its default certificate, then SNI ones. */
    async alb(defaultArn: string, sniArns: string[] = []): Promise<{ name: string; listener: string }> {
      const { subnets, targetGroup } = await ready();
      const name = shortName('alb');
      const balancer = (await elbv2.send(new CreateLoadBalancerCommand({ Name: name, Subnets: subnets })))
        .LoadBalancers![0]!.LoadBalancerArn!;
      const listener = (
        await elbv2.send(
          new CreateListenerCommand({
            LoadBalancerArn: balancer,
            Protocol: 'HTTPS',
            Port: 443,
            Certificates: [{ CertificateArn: defaultArn }],
            DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroup }],
          }),
        )
      ).Listeners![0]!.ListenerArn!;
      if (sniArns.length > 0)
        await elbv2.send(
          new AddListenerCertificatesCommand({
            ListenerArn: listener,
            Certificates: sniArns.map((arn) => ({ CertificateArn: arn })),
          }),
        );
      return { name, listener };
    },
    /** What the AWS CLI says a listener serves: the default, then the SNI certificates sorted. */
    listenerCertificates(listener: string): { default: string; sni: string[] } {
      const certificates: Array<{ CertificateArn: string; IsDefault: boolean }> = aws(
        'elbv2',
        'describe-listener-certificates',
        '--listener-arn',
        listener,
      ).Certificates;
      return {
        default: certificates.find((entry) => entry.IsDefault)!.CertificateArn,
        sni: certificates
          .filter((entry) => !entry.IsDefault)
          .map((entry) => entry.CertificateArn)
          .sort(),
      };
    },
    classicCertificate(name: string): string {
      return aws('elb', 'describe-load-balancers', '--load-balancer-names', name).LoadBalancerDescriptions[0]
        .ListenerDescriptions[0].Listener.SSLCertificateId;
    },
    serverCertificateNames(): string[] {
      return aws('iam', 'list-server-certificates').ServerCertificateMetadataList.map(
        (entry: { ServerCertificateName: string }) => entry.ServerCertificateName,
      );
    },
  };
}

type World = ReturnType<typeof servingWorld>;

/**
 * The issue's world, with names of its own: the old certificate on a classic ELB and as an ALB's
 * default (beside an SNI neighbour), and as an SNI certificate on a second ALB whose default is another certificate.
 */
export async function buildRotationWorld(
  world: World,
  oldFiles: { cert: string; key: string },
  other: { arn: string },
) {
  const old = uniqueName('www');
  const next = uniqueName('www-next');
  const oldCert = world.upload(old, oldFiles);
  const classic = await world.classic(oldCert.arn);
  // Its default is replaced with ModifyListener, which drops the SNI list in moto (and did in AWS for Lemur).
  const albDefault = await world.alb(oldCert.arn, [other.arn]);
  const albSni = await world.alb(other.arn, [oldCert.arn]);
  return { old, next, oldCert, other, classic, albDefault, albSni };
}
export type RotationWorld = Awaited<ReturnType<typeof buildRotationWorld>>;

/**
 * As the AWS CLI sees it: every consumer on the new certificate, the SNI neighbour kept, the old one gone, the new one
 * there once.
 */
export function expectRotated(world: World, w: RotationWorld): void {
  const nextArn = w.oldCert.arn.replace(w.old, w.next);
  expect(world.classicCertificate(w.classic)).toBe(nextArn);
  expect(world.listenerCertificates(w.albDefault.listener)).toEqual({ default: nextArn, sni: [w.other.arn] });
  expect(world.listenerCertificates(w.albSni.listener)).toEqual({ default: w.other.arn, sni: [nextArn] });
  const names = world.serverCertificateNames();
  expect(names).not.toContain(w.old);
  expect(names.filter((name) => name === w.next)).toHaveLength(1);
}
