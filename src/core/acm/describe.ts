import { DescribeCertificateCommand, type DescribeCertificateCommandOutput } from '@aws-sdk/client-acm';
import { callService, type ServingClients } from '../usage/serving-clients.js';
import { parseAcmArn } from './arn.js';
import { acmKeyType } from './key-types.js';

/** Something ACM says uses the certificate, labelled so nothing it lists is dropped. */
export interface AcmUser {
  arn: string;
  /** In this account, in another account, or an AWS-managed resource (no account in its ARN). */
  whose: 'this account' | 'another account' | 'AWS-managed';
  /** "elasticloadbalancing", "cloudfront", … from the ARN. */
  service: string;
}

export interface AcmDetails {
  arn: string;
  region: string;
  domain: string;
  names: string[];
  status: string;
  type: string;
  keyType: string;
  signatureAlgorithm?: string;
  subject?: string;
  issuer?: string;
  serial?: string;
  notBefore?: string;
  notAfter?: string;
  importedAt?: string;
  renewalEligibility?: string;
  renewalStatus?: string;
  exportable: boolean;
  keyUsages: string[];
  extendedKeyUsages: string[];
  inUseBy: AcmUser[];
  failureReason?: string;
}

/** "arn:aws:elasticloadbalancing:us-east-1:111…:loadbalancer/app/x" → whose it is, next to this account. */
export function labelUser(arn: string, account: string): AcmUser {
  const [, , service = '?', , owner = ''] = arn.split(':');
  const whose = !owner ? 'AWS-managed' : owner === account ? 'this account' : 'another account';
  return { arn, whose, service };
}

/** One ACM certificate's facts, InUseBy among them: the summary in the list has only "in use" or not. */
export async function describeAcmCertificate(
  clients: ServingClients,
  arn: string,
  signal?: AbortSignal,
): Promise<AcmDetails> {
  const { region, account } = parseAcmArn(arn);
  const answer = await callService<DescribeCertificateCommandOutput>(
    await clients.acm(region),
    new DescribeCertificateCommand({ CertificateArn: arn }),
    { service: 'acm', clients, signal },
  );
  const certificate = answer.Certificate!;
  const iso = (date: Date | undefined) => date?.toISOString();
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    arn,
    region,
    domain: certificate.DomainName ?? '',
    names: certificate.SubjectAlternativeNames ?? [],
    status: certificate.Status ?? '?',
    type: certificate.Type ?? '?',
    keyType: acmKeyType(certificate.KeyAlgorithm),
    ...optional('signatureAlgorithm', certificate.SignatureAlgorithm),
    ...optional('subject', certificate.Subject),
    ...optional('issuer', certificate.Issuer),
    ...optional('serial', certificate.Serial),
    ...optional('notBefore', iso(certificate.NotBefore)),
    ...optional('notAfter', iso(certificate.NotAfter)),
    ...optional('importedAt', iso(certificate.ImportedAt)),
    ...optional('renewalEligibility', certificate.RenewalEligibility),
    ...optional('renewalStatus', certificate.RenewalSummary?.RenewalStatus),
    ...optional('failureReason', certificate.FailureReason),
    exportable: certificate.Options?.Export === 'ENABLED' || certificate.Type === 'PRIVATE',
    keyUsages: (certificate.KeyUsages ?? []).map((usage) => usage.Name ?? '?'),
    extendedKeyUsages: (certificate.ExtendedKeyUsages ?? []).map((usage) => usage.Name ?? '?'),
    inUseBy: (certificate.InUseBy ?? []).map((user) => labelUser(user, account)),
  };
}
