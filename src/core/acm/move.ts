import { exportPrivateKey } from '../crypto/private-key.js';
import { fail } from '../errors.js';
import type { IamClients } from '../iam/client.js';
import { getServerCertificate, type ServerCertificateDetails } from '../iam/server-certificates.js';
import { acmImportFindings } from '../preflight/acm-rules.js';
import type { Finding } from '../preflight/rules.js';
import { preflightServerCertificate } from '../preflight/server-certificate.js';
import { swapConsumer, type SwapOptions } from '../rotation/swap.js';
import type { Consumer, ScanNote } from '../usage/consumers.js';
import { servedBy } from '../usage/served-by.js';
import type { ServingClients } from '../usage/serving-clients.js';
import { describeConsumer, notLookedAt } from '../usage/usage-map.js';
import { findMatchingKey, type KeySearch } from './find-key.js';
import { importToAcm } from './import.js';

export interface MoveRequest {
  /** The IAM server certificate to move. */
  name: string;
  /** Where its private key may be. */
  keySearch: KeySearch;
  /** Regions to look in for load balancers (default: every enabled one). */
  regions?: string[];
  /** Where to import when nothing serves it: the profile's region. */
  defaultRegion: string;
  /** The account acted on, for the SNI journal. */
  account: string;
  journalHome?: string;
}

/** One ACM import the move needs: a load balancer uses a certificate from its own region, CloudFront from us-east-1. */
export interface MoveTarget {
  region: string;
  cloudfront: boolean;
  findings: Finding[];
}

export interface MovePlan {
  certificate: ServerCertificateDetails;
  keyPath: string;
  privateKeyPem: string;
  consumers: Consumer[];
  targets: MoveTarget[];
  notes: ScanNote[];
  /** Nothing stops it: the scan is complete and ACM would take the certificate in every target region. */
  ready: boolean;
}

/**
 * What moving an IAM certificate to ACM takes, read afresh, changing nothing: the certificate from IAM, its key found
 * among local files by its public key, who serves it (every region and CloudFront, or the move refuses), and ACM's
 * rules in each region it must be imported into.
 */
export async function planMove(
  iam: IamClients,
  serving: ServingClients,
  request: MoveRequest,
  signal?: AbortSignal,
): Promise<MovePlan> {
  const certificate = await getServerCertificate(iam, request.name, { signal });
  if (!certificate.certificate)
    fail(
      'CERT_UNREADABLE',
      `IAM's copy of "${request.name}" could not be read: ${certificate.parseProblem ?? 'unknown'}.`,
      'Inspect it with iamcert get; a certificate iamcert cannot read cannot be checked against ACM.',
    );
  const search = await findMatchingKey(certificate.certificate.spkiSha256, { ...request.keySearch, signal });
  if (!search.found) {
    const locked =
      search.locked.length > 0
        ? ` ${search.locked.length} encrypted file(s) could not be opened (${search.locked.slice(0, 3).join(', ')}).`
        : '';
    fail(
      'KEY_NOT_FOUND',
      `No private key for "${request.name}" in ${request.keySearch.folders.join(', ')} (${search.looked} files read${search.cut ? ', stopped at the limit' : ''}).${locked}`,
      locked
        ? 'Give the passphrase of those files with --passphrase-file, or name the folder that holds the key.'
        : 'Name the folder that holds the key with --key-folder; IAM never returns a private key.',
    );
  }
  const privateKeyPem = exportPrivateKey(search.found.key.key!, 'pkcs8', 'pem') as string;
  const found = await servedBy(serving, [certificate], { regions: request.regions, signal });
  const report = await preflightServerCertificate({
    certificate: certificate.body,
    privateKey: privateKeyPem,
    chain: certificate.chain,
  });
  const regions = new Map<string, boolean>();
  for (const consumer of found.consumers) {
    const region = consumer.kind === 'CloudFront' ? 'us-east-1' : consumer.region!;
    regions.set(region, (regions.get(region) ?? false) || consumer.kind === 'CloudFront');
  }
  if (regions.size === 0) regions.set(request.defaultRegion, false);
  const targets = await Promise.all(
    [...regions].map(async ([region, cloudfront]) => ({
      region,
      cloudfront,
      findings: await acmImportFindings(
        { certificate: certificate.certificate!, privateKeyPem, report },
        { region, ...(cloudfront ? { target: 'cloudfront' as const } : {}) },
      ),
    })),
  );
  const blocked = targets.some((target) => target.findings.some((finding) => finding.severity === 'error'));
  return {
    certificate,
    keyPath: search.found.path,
    privateKeyPem,
    consumers: found.consumers,
    targets,
    notes: found.notes,
    ready: !blocked && found.notes.length === 0,
  };
}

export interface MoveProgress {
  what: string;
  status: 'running' | 'done' | 'already';
}

export interface MoveResult {
  imports: Array<{ region: string; arn: string; alreadyThere: boolean }>;
  moved: Consumer[];
}

/**
 * Imports the certificate, its chain and the key found into each target region (never twice: an import finds the
 * same certificate first), then puts the regional ACM ARN in the IAM certificate's place on every consumer, as the
 * rotation does (SNI lists kept, CloudFront switched to ACMCertificateArn). A rerun goes on from where it stopped.
 */
export async function runMove(
  serving: ServingClients,
  request: MoveRequest,
  plan: MovePlan,
  options: { signal?: AbortSignal; onProgress?: (progress: MoveProgress) => void } & Pick<SwapOptions, 'onWait'> = {},
): Promise<MoveResult> {
  if (plan.notes.length > 0)
    fail(
      'USAGE_UNKNOWN',
      `Could not check what serves "${request.name}": ${notLookedAt(plan.notes)}; moving part of it would leave the rest on IAM unseen.`,
      'Grant the permission named, or give --regions with only the regions you use, then run the move again.',
    );
  if (!plan.ready)
    fail('MOVE_BLOCKED', 'ACM would refuse this certificate; nothing was changed.', 'Fix what the plan marks ✗.');
  const { signal, onProgress } = options;
  const imports: MoveResult['imports'] = [];
  const body = plan.certificate.body.endsWith('\n') ? plan.certificate.body : `${plan.certificate.body}\n`;
  for (const target of plan.targets) {
    const what = `import into ACM in ${target.region}`;
    onProgress?.({ what, status: 'running' });
    const result = await importToAcm(
      serving,
      {
        certificatePem: body,
        privateKeyPem: plan.privateKeyPem,
        ...(plan.certificate.chain ? { chainPem: plan.certificate.chain } : {}),
        certificate: plan.certificate.certificate!,
        region: target.region,
      },
      signal,
    );
    imports.push({ region: target.region, arn: result.arn, alreadyThere: result.alreadyThere });
    onProgress?.({ what, status: result.alreadyThere ? 'already' : 'done' });
  }
  const from = { arn: plan.certificate.arn, id: plan.certificate.id };
  const moved: Consumer[] = [];
  for (const consumer of plan.consumers) {
    const region = consumer.kind === 'CloudFront' ? 'us-east-1' : consumer.region!;
    const arn = imports.find((entry) => entry.region === region)!.arn;
    const what = `${describeConsumer(consumer)} → ACM`;
    onProgress?.({ what, status: 'running' });
    await swapConsumer(
      serving,
      consumer,
      from,
      { arn, id: '', store: 'ACM' },
      {
        signal,
        onWait: options.onWait,
        journal: { account: request.account, home: request.journalHome },
      },
    );
    moved.push(consumer);
    onProgress?.({ what, status: 'done' });
  }
  return { imports, moved };
}
