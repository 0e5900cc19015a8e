import { parseAcmArn } from '../core/acm/arn.js';
import { fail } from '../core/errors.js';
import { readInputFile } from '../core/files/read-input.js';
import { describeIdentity } from '../core/iam/identity-facts.js';
import { EXIT } from '../core/lifecycle.js';
import type { AcmTarget } from '../core/preflight/acm-rules.js';
import { describeExpiry } from '../core/time/expiry.js';
import { findingLine } from './check.js';
import { connect, connectServing, type ConnectionFlags } from './iam/connect.js';
import { printJson, type Output } from './output.js';
import { readKeyPassphrase, readPassphrase } from './passphrase.js';

export interface AcmImportFlags extends ConnectionFlags {
  arn?: string;
  for?: AcmTarget;
  yes?: boolean;
  json?: boolean;
  passphraseFile?: string;
  keyPassphraseFile?: string;
  alias?: string;
}

/**
 * iamcert import FILE...: any files that hold a certificate, its key and chain (PEM, DER, PKCS#12, Java keystores,
 * encrypted keys) into ACM, ACM's rules checked before any call; with --arn, a re-import that renews in place.
 */
export async function runAcmImport(files: string[], flags: AcmImportFlags, output: Output): Promise<number> {
  const arn = flags.arn ? parseAcmArn(flags.arn) : undefined;
  if (arn && flags.region && flags.region !== arn.region)
    fail(
      'REGION_CONFLICT',
      `The certificate ${flags.arn} is in ${arn.region}, and --region says ${flags.region}.`,
      'Leave out --region: a re-import goes to the region of the ARN.',
    );
  const passphrase = await readPassphrase(flags.passphraseFile);
  const keyPassphrase = await readKeyPassphrase(flags.keyPassphraseFile);
  const inputs = [];
  for (const name of files) inputs.push({ name, bytes: await readInputFile(name) });

  const connection = { ...flags, ...(arn ? { region: arn.region } : {}) };
  const [iam, serving, { checkAcmImport }] = await Promise.all([
    connect(connection, output),
    connectServing(connection, output),
    import('../core/acm/import-check.js'),
  ]);
  const region = arn?.region ?? serving.region;
  const { prepared, findings, old, ok } = await checkAcmImport(serving, inputs, {
    region,
    ...(flags.arn ? { arn: flags.arn } : {}),
    ...(flags.for ? { target: flags.for } : {}),
    passphrase,
    keyPassphrase,
    alias: flags.alias,
  });
  if (!ok) {
    output.err([...findings.map(findingLine), 'ACM would refuse this import; nothing was sent.'].join('\n'));
    return EXIT.problem;
  }

  const { whoAmI } = await import('../core/iam/identity.js');
  const identity = await whoAmI(iam);
  if (flags.arn && old && !flags.yes) {
    output.err(
      [
        ...findings.map(findingLine),
        `This would re-import over ${flags.arn} in ${describeIdentity(identity)}: everything using that ARN serves the new certificate at once.`,
        `ACM keeps no copy of the certificate it holds now (${old.subject || 'empty subject'}, ${describeExpiry(old.notAfter)}): keep your own if you may want it back.`,
        'Nothing was sent; run again with --yes to re-import.',
      ].join('\n'),
    );
    return EXIT.usage;
  }
  const { importToAcm } = await import('../core/acm/import.js');
  const result = await importToAcm(serving, {
    certificatePem: prepared.certificatePem,
    privateKeyPem: prepared.privateKeyPem,
    ...(prepared.chainPem ? { chainPem: prepared.chainPem } : {}),
    certificate: prepared.certificate,
    region,
    ...(flags.arn ? { arn: flags.arn } : {}),
  });
  if (flags.json) {
    printJson(output, { ...result, region, account: identity.account, findings });
    return EXIT.ok;
  }
  output.out(
    [
      result.alreadyThere
        ? `This certificate is in ACM already in ${region}; nothing was imported.`
        : result.reimported
          ? `Re-imported into ACM in ${region}: the ARN is unchanged, so everything using it now serves the new certificate.`
          : `Imported into ACM in ${region}.`,
      `  arn ${result.arn}`,
      `  ${prepared.certificate.subject || '(empty subject)'}, ${describeExpiry(prepared.certificate.notAfter)}`,
      ...findings.map(findingLine),
      ...(flags.for === 'cloudfront' || region !== 'us-east-1'
        ? []
        : ['CloudFront can use it (us-east-1); load balancers use certificates from their own region.']),
    ].join('\n'),
  );
  return EXIT.ok;
}
