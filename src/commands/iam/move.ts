import { EXIT } from '../../core/lifecycle.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { describeConsumer } from '../../core/usage/usage-map.js';
import { sanitise } from '../../core/text/sanitise.js';
import { findingLine } from '../check.js';
import { printJson, type Output } from '../output.js';
import { readKeyPassphrase, readPassphrase } from '../passphrase.js';
import { connect, connectServing, type ConnectionFlags } from './connect.js';
import { checkGivenName } from './given-name.js';
import { parseRegions } from './regions-flag.js';

export interface MoveFlags extends ConnectionFlags {
  keyFolder: string[];
  passphraseFile?: string;
  keyPassphraseFile?: string;
  regions?: string;
  yes?: boolean;
  json?: boolean;
}

/**
 * iamcert move NAME --key-folder DIR: an IAM server certificate into ACM, its key found among local files, and every
 * load balancer and distribution serving it moved to the ACM certificate. Shows the plan and changes nothing
 * without --yes; a rerun goes on from where a stopped one left off.
 */
export async function runMove(name: string, flags: MoveFlags, output: Output): Promise<number> {
  checkGivenName(name);
  const regions = parseRegions(flags.regions);
  const passphrase = await readPassphrase(flags.passphraseFile);
  const keyPassphrase = await readKeyPassphrase(flags.keyPassphraseFile);
  const [iam, serving, { planMove, runMove: move }, { whoAmI }] = await Promise.all([
    connect(flags, output),
    connectServing(flags, output),
    import('../../core/acm/move.js'),
    import('../../core/iam/identity.js'),
  ]);
  const identity = await whoAmI(iam);
  const request = {
    name,
    keySearch: { folders: flags.keyFolder, passphrase, keyPassphrase },
    regions,
    defaultRegion: serving.region,
    account: identity.account ?? 'unknown',
  };
  const plan = await planMove(iam, serving, request);
  const lines = [
    `Move ${name} from IAM to ACM in ${describeIdentity(identity)}:`,
    `  key       found in ${plan.keyPath}`,
    ...plan.targets.map(
      (target) => `  import    into ACM in ${target.region}${target.cloudfront ? ' (for CloudFront)' : ''}`,
    ),
    ...plan.consumers.map((consumer) => `  move      ${describeConsumer(consumer)}`),
    ...(plan.consumers.length === 0 ? ['  move      nothing serves it: it is only imported'] : []),
    ...plan.notes.map((note) => `  ! ${sanitise(note.where)} could not be looked at: ${note.code} ${note.message}`),
    ...plan.targets.flatMap((target) =>
      target.findings.map((finding) => `  ${target.region}: ${findingLine(finding)}`),
    ),
    `The IAM certificate stays; delete it once you are sure (iamcert delete ${name} refuses while anything serves it).`,
  ];
  if (!plan.ready) {
    output.err([...lines, 'Nothing was changed: fix what is marked above, then run it again.'].join('\n'));
    return EXIT.problem;
  }
  if (!flags.yes) {
    output.err([...lines, 'Nothing was changed; run again with --yes to move it.'].join('\n'));
    return EXIT.usage;
  }
  if (!flags.json) output.err(lines.join('\n'));
  const result = await move(serving, request, plan, {
    onProgress: (progress) => {
      if (!flags.json && progress.status !== 'running')
        output.err(`✓ ${progress.what}${progress.status === 'already' ? ' (already there)' : ''}`);
    },
    onWait: (wait) => output.err(`${wait.what} does not see the new certificate yet; trying again (${wait.attempt})…`),
  });
  if (flags.json) {
    printJson(output, { ...result, moved: result.moved.map(describeConsumer), account: identity.account });
    return EXIT.ok;
  }
  output.out(
    [
      ...result.imports.map((entry) => `ACM ${entry.region}: ${entry.arn}`),
      `Moved ${result.moved.length} of ${plan.consumers.length} to ACM.`,
    ].join('\n'),
  );
  return EXIT.ok;
}
