import { writeFilesSafely } from '../../core/files/safe-write.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { whoAmI } from '../../core/iam/identity.js';
import {
  getServerCertificate,
  renameServerCertificate,
  uploadServerCertificate,
} from '../../core/iam/server-certificates.js';
import { describeKeyShape } from '../../core/crypto/key-facts.js';
import { DELETE_WARNING, KEY_NOT_READABLE } from '../../core/iam/notices.js';
import { exportFiles } from '../../core/iam/server-certificate-rows.js';
import { itemFacts } from '../../core/formats/facts.js';
import { describeExpiry } from '../../core/time/expiry.js';
import { findingLine } from '../check.js';
import { printJson, type Output } from '../output.js';
import { EXIT } from '../../core/lifecycle.js';
import { readInputFile } from '../../core/files/read-input.js';
import { connect, connectServing, type ConnectionFlags } from './connect.js';
import { checkGivenName } from './given-name.js';

export async function runGet(
  name: string,
  flags: ConnectionFlags & { outDir?: string; json?: boolean; force?: boolean },
  output: Output,
  now = new Date(),
): Promise<number> {
  checkGivenName(name);
  const clients = await connect(flags, output);
  const details = await getServerCertificate(clients, name, { now });
  if (flags.outDir) {
    const files = exportFiles(details, flags.outDir);
    await writeFilesSafely(files, { force: flags.force });
    output.err(`Wrote ${files.map((file) => file.path).join(' and ')}. ${KEY_NOT_READABLE}`);
  }
  if (flags.json) {
    const { certificate, chainCertificates, ...plain } = details;
    printJson(output, {
      ...plain,
      certificate: certificate ? itemFacts(certificate) : undefined,
      chainCertificates: chainCertificates.map(itemFacts),
    });
    return EXIT.ok;
  }
  const certificate = details.certificate;
  output.out(
    [
      `${details.name}  ${details.arn}`,
      `  path        ${details.path}`,
      `  id          ${details.id}`,
      `  uploaded    ${details.uploadDate ?? '?'}`,
      ...(certificate
        ? [
            `  subject     ${certificate.subject || '(empty)'}`,
            `  issuer      ${certificate.selfSigned ? 'itself (self-signed)' : certificate.issuer}`,
            `  names       ${certificate.sans.join(', ') || '(none)'}`,
            `  key         ${describeKeyShape(certificate)}`,
            `  valid       ${certificate.notBefore.toISOString().slice(0, 10)} to ${certificate.notAfter.toISOString().slice(0, 10)}, ${describeExpiry(certificate.notAfter, now)}`,
            `  sha256      ${certificate.sha256}`,
          ]
        : [`  body        could not be parsed${details.parseProblem ? `: ${details.parseProblem}` : ''}`]),
      `  chain       ${details.chainCertificates.length === 0 ? '(none)' : details.chainCertificates.map((link) => link.subject).join(' → ')}`,
      `  private key ${KEY_NOT_READABLE}`,
    ].join('\n'),
  );
  return EXIT.ok;
}

export interface UploadFlags extends ConnectionFlags {
  name: string;
  cert: string;
  key: string;
  /** A file, or false for --no-chain. */
  chain?: string | false;
  path?: string;
  cloudfront?: boolean;
  json?: boolean;
}

export async function runUpload(flags: UploadFlags, output: Output): Promise<number> {
  const input = {
    name: flags.name,
    certificate: await readInputFile(flags.cert),
    privateKey: await readInputFile(flags.key),
    chain: flags.chain ? await readInputFile(flags.chain) : undefined,
    path: flags.path,
    cloudfront: flags.cloudfront,
    allowMissingChain: flags.chain === false,
  };
  const clients = await connect(flags, output);
  const { row, report } = await uploadServerCertificate(clients, input);
  if (flags.json) {
    printJson(output, row);
    return EXIT.ok;
  }
  output.out(
    [
      `Uploaded ${row.name} to ${row.path}`,
      `  arn ${row.arn}`,
      `  id  ${row.id}`,
      ...report.findings.map(findingLine),
      KEY_NOT_READABLE,
    ].join('\n'),
  );
  return EXIT.ok;
}

export async function runRename(
  name: string,
  flags: ConnectionFlags & { newName?: string; newPath?: string; cloudfront?: boolean },
  output: Output,
): Promise<number> {
  checkGivenName(name);
  checkGivenName(flags.newName, '--new-name');
  const clients = await connect(flags, output);
  await renameServerCertificate(clients, name, {
    newName: flags.newName,
    newPath: flags.newPath,
    cloudfront: flags.cloudfront,
  });
  const parts = [
    flags.newName ? `renamed to ${flags.newName}` : '',
    flags.newPath ? `moved to ${flags.newPath}` : '',
  ].filter(Boolean);
  output.out(`Server certificate ${name} ${parts.join(' and ')}.`);
  return EXIT.ok;
}

export async function runDelete(
  name: string,
  flags: ConnectionFlags & { yes?: boolean; regions?: string },
  output: Output,
): Promise<number> {
  checkGivenName(name);
  const clients = await connect(flags, output);
  const identity = await whoAmI(clients);
  const target = `server certificate "${name}" in ${describeIdentity(identity)}`;
  // Never while something serves it: the load balancers in each region and CloudFront are looked at first. A name
  // that is not there is said first, before any warning about what deleting it would do.
  const { deleteIfUnserved, refuseIfServedNow } = await import('../../core/usage/served-by.js');
  const { parseRegions } = await import('./regions-flag.js');
  const serving = await connectServing(flags, output);
  const regions = parseRegions(flags.regions);
  if (!flags.yes) {
    await refuseIfServedNow(clients, serving, name, { regions });
    output.err(
      `This would delete ${target}. ${DELETE_WARNING}\nNothing was deleted; run again with --yes to delete it.`,
    );
    return EXIT.usage;
  }
  await deleteIfUnserved(clients, serving, name, { regions });
  output.out(`Deleted ${target}.`);
  return EXIT.ok;
}

export async function runWhoami(flags: ConnectionFlags & { json?: boolean }, output: Output): Promise<number> {
  const clients = await connect(flags, output);
  const identity = await whoAmI(clients);
  if (flags.json) printJson(output, identity);
  else
    output.out(
      [
        `account   ${identity.account ?? 'unknown'}`,
        `arn       ${identity.arn ?? 'unknown'}`,
        `profile   ${identity.profile ?? '(default chain)'}`,
        `region    ${identity.region}`,
        `endpoint  ${identity.endpoint}`,
        ...(identity.note ? [identity.note] : []),
      ].join('\n'),
    );
  return EXIT.ok;
}
