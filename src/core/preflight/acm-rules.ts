import { fixFields, worded, type Worded } from '../errors.js';
import { certificateUsages, type CertificateUsages } from '../crypto/certificate-usages.js';
import { describeKeyShape, withArticle } from '../crypto/key-facts.js';
import type { CertificateItem, KeyShape } from '../formats/items.js';
import type { PreparedUpload } from '../prepare.js';
import type { Finding } from './rules.js';

/** ACM's limit on the private key: 5 KB of PEM. */
export const ACM_MAX_KEY_BYTES = 5_120;

/** Where the certificate will be served, when the user says: CloudFront is narrower than load balancers. */
export type AcmTarget = 'cloudfront' | 'load-balancer';

/** IAM's findings that do not hold for ACM: its key-type rules are its own. */
const IAM_ONLY = new Set(['KEY_TYPE_UNSUPPORTED', 'KEY_NOTE_SERVICES']);

/** RSA_2048, EC_prime256v1…: ACM's name for a key shape, or undefined when ACM takes no such key. */
export function acmKeyTypeOf(shape: KeyShape): string | undefined {
  if (shape.keyAlgorithm === 'rsa' && [1024, 2048, 3072, 4096].includes(shape.keySize ?? 0))
    return `RSA_${shape.keySize}`;
  const curves: Record<string, string> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
  if (shape.keyAlgorithm === 'ec' && shape.curve && curves[shape.curve]) return `EC_${curves[shape.curve]}`;
  return undefined;
}

const error = (field: Finding['field'], code: string, message: string, fix: string | Worded): Finding => ({
  code,
  severity: 'error',
  field,
  message,
  ...fixFields(fix),
});

/**
 * ACM's rules for ImportCertificate, beyond what the prepared files already meet (PEM, key matches, chain in order
 * without the leaf, valid now): a key of at most 5 KB, RSA 1024–4096 or EC P-256/P-384/P-521, X.509 v3; and for
 * CloudFront, RSA or P-256 only, imported in us-east-1.
 */
export async function acmImportFindings(
  prepared: Pick<PreparedUpload, 'certificate' | 'privateKeyPem' | 'report'>,
  options: { region: string; target?: AcmTarget },
): Promise<Finding[]> {
  const findings = prepared.report.findings.filter((finding) => !IAM_ONLY.has(finding.code));
  const certificate = prepared.certificate;
  const described = describeKeyShape(certificate);
  const keyBytes = Buffer.byteLength(prepared.privateKeyPem);
  if (keyBytes > ACM_MAX_KEY_BYTES)
    findings.push(
      error(
        'privateKey',
        'KEY_TOO_LARGE',
        `The private key is ${keyBytes} bytes of PEM; ACM takes at most ${ACM_MAX_KEY_BYTES}.`,
        'Use RSA 4096 or smaller, or an EC key.',
      ),
    );
  if (!acmKeyTypeOf(certificate))
    findings.push(
      error(
        'certificate',
        'KEY_TYPE_UNSUPPORTED',
        `ACM does not import ${described} certificates: it takes RSA 1024, 2048, 3072 or 4096 and EC P-256, P-384 or P-521.`,
        worded(
          'Get the certificate issued for an RSA 2048 or EC P-256 key (iamcert create --csr makes one).',
          'Get the certificate issued for an RSA 2048 or EC P-256 key (Create → a request for a CA makes one).',
        ),
      ),
    );
  const usages = await certificateUsages(certificate);
  if (usages.version !== 3)
    findings.push(
      error(
        'certificate',
        'CERT_NOT_V3',
        `The certificate is X.509 version ${usages.version}; ACM imports version 3 only.`,
        worded(
          'Have it issued again; every current CA and iamcert create issue version 3.',
          'Have it issued again; every current CA and Create issue version 3.',
        ),
      ),
    );
  if (options.target === 'cloudfront') {
    if (options.region !== 'us-east-1')
      findings.push(
        error(
          'region',
          'CLOUDFRONT_REGION',
          `CloudFront uses ACM certificates from us-east-1 only, and ${options.region} was chosen.`,
          worded(
            'Import it with --region us-east-1 (load balancers use the certificate from their own region).',
            'Choose us-east-1 as the region (load balancers use the certificate from their own region).',
          ),
        ),
      );
    const cloudFrontKey =
      (certificate.keyAlgorithm === 'rsa' && (certificate.keySize ?? 0) <= 3072) ||
      (certificate.keyAlgorithm === 'ec' && certificate.curve === 'P-256');
    if (!cloudFrontKey)
      findings.push(
        error(
          'certificate',
          'KEY_NOT_FOR_CLOUDFRONT',
          `CloudFront does not serve ${described} certificates: it takes RSA up to 3072 bits and EC P-256.`,
          'Get the certificate issued for an RSA 2048 or EC P-256 key, or serve it from a load balancer instead.',
        ),
      );
  }
  return findings;
}

function names(certificate: CertificateItem): Set<string> {
  const common = /(?:^|, )CN=([^,]+)/.exec(certificate.subject)?.[1];
  return new Set(
    [...(common ? [common] : []), ...certificate.sans.map((name) => name.replace(/^DNS:/, ''))].map((name) =>
      name.toLowerCase(),
    ),
  );
}

/** Usages the new certificate dropped, less those ACM lets go; and whether it adds some where the old had none. */
function usageChange(old: string[] | undefined, renewed: string[] | undefined, mayDrop: string[]) {
  const dropped = (old ?? []).filter((usage) => !(renewed ?? []).includes(usage) && !mayDrop.includes(usage));
  const addedToNone = old === undefined && renewed !== undefined && renewed.length > 0;
  return { dropped, addedToNone };
}

/**
 * ACM's rules for re-importing over an existing ARN, checked before any call, each refusal naming its rule: the same
 * key type and size; no domain name removed entirely; no key usage or extended key usage removed (except
 * keyEncipherment on an EC key, and TLS client authentication), nor added where the old certificate had none.
 */
export async function reimportFindings(old: CertificateItem, renewed: CertificateItem): Promise<Finding[]> {
  const findings: Finding[] = [];
  const oldType = acmKeyTypeOf(old) ?? describeKeyShape(old);
  const newType = acmKeyTypeOf(renewed) ?? describeKeyShape(renewed);
  if (oldType !== newType)
    findings.push(
      error(
        'certificate',
        'REIMPORT_KEY_TYPE_CHANGED',
        `The certificate in ACM has ${withArticle(describeKeyShape(old))} key and this one ${withArticle(describeKeyShape(renewed))}; a re-import must keep the key type and size.`,
        worded(
          'Get the renewal issued for the same key type, or import it as a new certificate (without --arn) and move its users.',
          'Get the renewal issued for the same key type, or import it as a new certificate (with the Re-import ARN left empty) and move its users.',
        ),
      ),
    );
  const renewedNames = names(renewed);
  const removed = [...names(old)].filter((name) => !renewedNames.has(name));
  if (removed.length > 0)
    findings.push(
      error(
        'certificate',
        'REIMPORT_NAMES_REMOVED',
        `The new certificate drops ${removed.join(', ')}; a re-import may not remove a domain name.`,
        worded(
          'Have the renewal cover every name the old one did, or import it as a new certificate (without --arn).',
          'Have the renewal cover every name the old one did, or import it as a new certificate (with the Re-import ARN left empty).',
        ),
      ),
    );
  const [before, after]: [CertificateUsages, CertificateUsages] = await Promise.all([
    certificateUsages(old),
    certificateUsages(renewed),
  ]);
  const keyUsage = usageChange(
    before.keyUsages,
    after.keyUsages,
    renewed.keyAlgorithm === 'ec' ? ['KEY_ENCIPHERMENT'] : [],
  );
  const extended = usageChange(before.extendedKeyUsages, after.extendedKeyUsages, ['TLS_WEB_CLIENT_AUTHENTICATION']);
  for (const [what, change] of [
    ['key usage', keyUsage],
    ['extended key usage', extended],
  ] as const) {
    if (change.dropped.length > 0)
      findings.push(
        error(
          'certificate',
          'REIMPORT_USAGE_REMOVED',
          `The new certificate drops the ${what} ${change.dropped.join(', ')}; a re-import may not remove one.`,
          worded(
            'Have the renewal issued with the same usages, or import it as a new certificate (without --arn).',
            'Have the renewal issued with the same usages, or import it as a new certificate (with the Re-import ARN left empty).',
          ),
        ),
      );
    if (change.addedToNone)
      findings.push(
        error(
          'certificate',
          'REIMPORT_USAGE_ADDED',
          `The old certificate has no ${what} extension and the new one has; a re-import may not add one.`,
          worded(
            'Have the renewal issued without it, or import it as a new certificate (without --arn).',
            'Have the renewal issued without it, or import it as a new certificate (with the Re-import ARN left empty).',
          ),
        ),
      );
  }
  return findings;
}
