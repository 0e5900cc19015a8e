import { IDENTITY_CENTER_NOTE, KEY_ROTATION_ADVICE, KEY_WATCH_COMMAND } from '../../core/onboard-advice.js';
import { join } from 'node:path';
import { defaultOutDir } from '../../core/crypto/created-files.js';
import { runOnboarding, validateOnboarding, type OnboardRequest, type SigningChoice } from '../../core/onboard.js';
import type { StepState } from '../../core/onboard-steps.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { whoAmI } from '../../core/iam/identity.js';
import { printJson, type Output } from '../output.js';
import { EXIT } from '../../core/lifecycle.js';
import { sanitise } from '../../core/text/sanitise.js';
import { connect, type ConnectionFlags } from './connect.js';

export interface OnboardFlags extends ConnectionFlags {
  /** The user is for a workload, not a person: no Identity Center note. */
  workload?: boolean;
  user: string;
  group: string;
  policy?: string[];
  accessKeyFile?: string;
  accessKey?: boolean;
  signingCert?: string;
  outDir?: string;
  json?: boolean;
}

const MARKS: Record<StepState['status'], string> = {
  pending: '·',
  running: '…',
  done: '✓',
  reused: '✓',
  skipped: '-',
  failed: '✗',
};

export function stepLine(step: StepState): string {
  const detail = sanitise(
    step.problem ? `error ${step.problem.code}: ${step.problem.message} Fix: ${step.problem.fix}` : (step.detail ?? ''),
  );
  return `${MARKS[step.status]} ${step.title.padEnd(20)}${step.status === 'reused' ? '(already there) ' : ''}${detail}`;
}

function signingChoice(value: string | undefined): SigningChoice {
  if (value === undefined || value === 'create') return { kind: 'create' };
  if (value === 'none' || value === 'skip') return { kind: 'skip' };
  return { kind: 'file', path: value };
}

export function onboardRequest(flags: OnboardFlags): OnboardRequest {
  const outDir = flags.outDir ?? defaultOutDir();
  return {
    userName: flags.user,
    groupName: flags.group,
    policies: flags.policy ?? [],
    accessKeyFile:
      flags.accessKey === false ? undefined : (flags.accessKeyFile ?? join(outDir, `${flags.user}_accessKeys.csv`)),
    signing: signingChoice(flags.signingCert),
    outDir,
  };
}

export async function runOnboard(flags: OnboardFlags, output: Output): Promise<number> {
  const request = onboardRequest(flags);
  // A bad name or file fails here, as one line with its fix, before any AWS call.
  await validateOnboarding(request);
  const clients = await connect(flags, output);
  const identity = await whoAmI(clients);
  if (!flags.json && !flags.workload) output.err(`note: ${IDENTITY_CENTER_NOTE} (--workload leaves out this note.)`);
  if (!flags.json) output.err(`Onboarding user "${request.userName}" in ${describeIdentity(identity)}:`);
  const result = await runOnboarding(clients, request, {
    onStep: (step) => {
      if (!flags.json && step.status !== 'running') output.err(stepLine(step));
    },
  });
  if (flags.json) {
    // The secret stays in its file: JSON carries only the key ID.
    const { accessKey, ...rest } = result;
    printJson(output, { ...rest, accessKeyId: accessKey?.accessKeyId });
    return result.ok ? EXIT.ok : EXIT.problem;
  }
  if (!result.ok) {
    const exists = result.steps
      .filter((step) => step.status === 'done' || step.status === 'reused')
      .map((step) => step.title);
    const missing = result.steps
      .filter((step) => step.status === 'pending' || step.status === 'failed')
      .map((step) => step.title);
    output.err(
      `Stopped. Done: ${exists.join(', ') || 'nothing'}. Not done: ${missing.join(', ')}.\nRun the same command again to resume; what exists is reused, never duplicated.`,
    );
    return EXIT.problem;
  }
  if (result.accessKey)
    output.err(
      `The secret access key is in ${result.accessKeyFile} (mode 0600). IAM will never show it again: keep that file safe.\n${KEY_ROTATION_ADVICE} Watch for it with: ${KEY_WATCH_COMMAND}`,
    );
  if (result.exportLines.length > 0) {
    output.err('Set these in your shell:');
    output.out(result.exportLines.join('\n'));
  }
  return EXIT.ok;
}
