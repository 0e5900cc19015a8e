import { fail } from '../../core/errors.js';
import { readInputFile } from '../../core/files/read-input.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { whoAmI } from '../../core/iam/identity.js';
import { EXIT } from '../../core/lifecycle.js';
import type { RetireMode, RotationRequest, RotationTarget } from '../../core/rotation/plan-types.js';
import { nothingLeft } from '../../core/rotation/steps.js';
import { printJson, problemLine, type Output } from '../output.js';
import { connect, connectServing, type ConnectionFlags } from './connect.js';
import { checkGivenName } from './given-name.js';
import { parseRegions } from './regions-flag.js';
import { planLines, stepLine } from './rotate-format.js';
import { positive } from './usage.js';

export interface RotateFlags extends ConnectionFlags {
  to?: string;
  cert?: string;
  key?: string;
  /** A file, or false for --no-chain. */
  chain?: string | false;
  name?: string;
  retire?: RetireMode;
  plan?: boolean;
  yes?: boolean;
  json?: boolean;
  regions?: string;
  concurrency?: string;
}

async function targetOf(flags: RotateFlags): Promise<RotationTarget> {
  if (flags.to !== undefined && (flags.cert !== undefined || flags.key !== undefined))
    fail(
      'ROTATE_TARGET_TWICE',
      'Give either --to NAME or --cert and --key, not both.',
      'Use --to for a certificate already in IAM, --cert/--key for files to upload first.',
    );
  if (flags.to !== undefined) {
    if (flags.name !== undefined)
      fail(
        'ROTATE_NAME_WITH_TO',
        '--name names the certificate uploaded from --cert/--key; with --to it has nothing to name.',
        'Leave out --name.',
      );
    return { kind: 'existing', name: flags.to };
  }
  if (flags.cert === undefined || flags.key === undefined)
    fail(
      'ROTATE_TARGET_MISSING',
      'Say what replaces the old certificate.',
      'Give --to NAME (already in IAM), or --cert FILE --key FILE [--chain FILE] to upload it first.',
    );
  return {
    kind: 'files',
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    certificate: await readInputFile(flags.cert),
    privateKey: await readInputFile(flags.key),
    ...(flags.chain ? { chain: await readInputFile(flags.chain) } : {}),
    allowMissingChain: flags.chain === false,
  };
}

/**
 * iamcert rotate OLD: puts a new certificate everywhere the old one is served, then retires the old one.
 * --plan shows what it would do; without --yes nothing changes; a rerun after any interruption finishes the job.
 */
export async function runRotate(old: string, flags: RotateFlags, output: Output): Promise<number> {
  checkGivenName(old);
  checkGivenName(flags.to, '--to');
  checkGivenName(flags.name, '--name');
  const regions = parseRegions(flags.regions);
  const concurrency = Math.max(1, positive(flags.concurrency, '--concurrency', 8));
  const to = await targetOf(flags);
  const iam = await connect(flags, output);
  const identity = await whoAmI(iam);
  const account = identity.account ?? 'unknown';
  const request: RotationRequest = { old, to, retire: flags.retire ?? 'rename', account, regions, concurrency };
  const serving = await connectServing(flags, output);
  const { planRotation } = await import('../../core/rotation/plan.js');
  const plan = await planRotation(iam, serving, request);
  const blocking = plan.checks.filter((check) => check.severity === 'error');
  if (flags.json && (flags.plan || blocking.length > 0 || !flags.yes)) printJson(output, { account, plan });
  else if (!flags.json) output.out(planLines(plan, describeIdentity(identity)).join('\n'));
  if (blocking.length > 0) {
    for (const check of blocking) output.err(problemLine(check));
    return EXIT.problem;
  }
  if (flags.plan) return EXIT.ok;
  if (nothingLeft(plan)) {
    if (flags.json) printJson(output, { account, plan, result: { ok: true, steps: [] } });
    return EXIT.ok;
  }
  if (!flags.yes) {
    output.err(`Nothing was changed. Run again with --yes to rotate ${old} in ${describeIdentity(identity)}.`);
    return EXIT.usage;
  }
  const { runRotation } = await import('../../core/rotation/run.js');
  const shown = new Set<string>();
  const result = await runRotation(iam, serving, request, plan, {
    onProgress: (steps) => {
      if (flags.json) return;
      for (const step of steps) {
        const key = `${step.id}:${step.status}:${step.detail ?? ''}`;
        if (shown.has(key) || step.status === 'pending') continue;
        shown.add(key);
        if (step.status === 'running' && step.detail) output.err(`  ${step.detail}`);
        else if (step.status !== 'running') output.out(stepLine(step));
      }
    },
  });
  if (flags.json) printJson(output, { account, plan, result });
  if (!result.ok) {
    output.err(problemLine(result.problem!));
    return EXIT.problem;
  }
  if (!flags.json) output.out(`Rotated: everything that served ${plan.old.name} now serves ${plan.incoming.name}.`);
  return EXIT.ok;
}
