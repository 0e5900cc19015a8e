import { sanitise } from '../../core/text/sanitise.js';
import type { RotationPlan } from '../../core/rotation/plan-types.js';
import { regionsLooked, retirement, STEP_MARKS, type RotationStep } from '../../core/rotation/steps.js';
import { swapCalls } from '../../core/rotation/swap-calls.js';
import { describeConsumer } from '../../core/usage/usage-map.js';

export function stepLine(step: RotationStep): string {
  const detail = step.problem ? `${step.problem.code}: ${step.problem.message} Fix: ${step.problem.fix}` : step.detail;
  return `${STEP_MARKS[step.status]} ${step.label}${step.status === 'already' ? ' (already done)' : ''}${detail ? `\n    ${detail}` : ''}`;
}

/**
 * The plan as a person reads it: what is replaced by what, each consumer and the call that moves it, then the checks.
 */
export function planLines(plan: RotationPlan, account: string): string[] {
  const restores = plan.restores.map(
    (record) => `  First, put back the SNI certificates a stopped run left off ${sanitise(record.where)}.`,
  );
  if (plan.finished)
    return restores.length > 0
      ? [`Rotation of ${sanitise(plan.old.name)} in ${account}: finished but for this.`, ...restores]
      : [`Rotation of ${sanitise(plan.old.name)} in ${account}: nothing left to do.`];
  const expires = (iso?: string) => (iso ? `expires ${iso.slice(0, 10)}` : 'expiry unknown');
  const lines = [
    `Rotate ${sanitise(plan.old.name)} → ${sanitise(plan.incoming.name)} in ${account}`,
    `  old  ${sanitise(plan.old.name)}  ${plan.old.path}  ${expires(plan.old.expiration)}`,
    `  new  ${sanitise(plan.incoming.name)}  ${plan.incoming.path}  ${expires(plan.incoming.expiration)}  ${plan.incoming.key}${plan.incoming.upload ? '  (uploaded first, from the files)' : ''}`,
    ...restores,
  ];
  if (plan.swaps.length === 0) lines.push(`  Nothing serves ${sanitise(plan.old.name)} now.`);
  else {
    lines.push(`  Moved from the old to the new (${plan.swaps.length}):`);
    for (const consumer of plan.swaps) lines.push(`    ${describeConsumer(consumer)}  [${swapCalls(consumer)}]`);
  }
  for (const consumer of plan.alreadyOnNew) lines.push(`    ${describeConsumer(consumer)}  (on the new one already)`);
  lines.push(`  Then, once nothing serves it: ${retirement(plan)}.`);
  for (const check of plan.checks)
    lines.push(`  ${check.severity === 'error' ? '✗' : '!'} ${check.code}: ${check.message} Fix: ${check.fix}`);
  if (plan.checks.length === 0) lines.push('  ✓ The new certificate can serve everything the old one does.');
  lines.push(`  Looked in ${regionsLooked(plan.regions)} and CloudFront.`);
  for (const note of plan.notes) lines.push(`  ! ${note.where} not looked at: ${note.message} Fix: ${note.fix}`);
  return lines;
}
