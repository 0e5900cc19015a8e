import type { CertificateItem } from '../formats/items.js';
import { acmImportFindings, reimportFindings, type AcmTarget } from '../preflight/acm-rules.js';
import type { Finding } from '../preflight/rules.js';
import { prepareForIamUpload, type InputFile, type PreparedUpload } from '../prepare.js';
import type { ServingClients } from '../usage/serving-clients.js';
import { parseAcmArn } from './arn.js';
import { getAcmCertificate } from './get.js';
import { certificateFromPem } from './import.js';

export interface AcmImportOptions {
  region: string;
  /** Re-import over this certificate. */
  arn?: string;
  target?: AcmTarget;
  passphrase?: string;
  keyPassphrase?: string;
  alias?: string;
  signal?: AbortSignal;
}

export interface AcmImportCheck {
  prepared: PreparedUpload;
  findings: Finding[];
  /** For a re-import: the certificate ACM holds now (ACM keeps no copy once it is replaced). */
  old?: CertificateItem;
  ok: boolean;
}

/**
 * Whatever files hold the certificate, its key and chain, made into the clean PEM ACM takes, with ACM's rules checked
 * (and, over an ARN, its re-import rules against what ACM holds now). Nothing is sent but the read of the old one.
 */
export async function checkAcmImport(
  clients: ServingClients,
  files: InputFile[],
  options: AcmImportOptions,
): Promise<AcmImportCheck> {
  const region = options.arn ? parseAcmArn(options.arn).region : options.region;
  const prepared = await prepareForIamUpload(files, {
    passphrase: options.passphrase,
    keyPassphrase: options.keyPassphrase,
    alias: options.alias,
  });
  const findings = await acmImportFindings(prepared, { region, target: options.target });
  let old: CertificateItem | undefined;
  if (options.arn) {
    old = certificateFromPem((await getAcmCertificate(clients, options.arn, region, options.signal)).body);
    findings.push(...(await reimportFindings(old, prepared.certificate)));
  }
  return {
    prepared,
    findings,
    ...(old ? { old } : {}),
    ok: !findings.some((finding) => finding.severity === 'error'),
  };
}
