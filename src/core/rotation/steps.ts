import { describeConsumer } from '../usage/usage-map.js';
import type { Problem } from '../errors.js';
import type { RotationPlan } from './plan-types.js';

export type StepStatus = 'pending' | 'running' | 'done' | 'already' | 'skipped' | 'failed';

/** How each state is drawn, in text and on screen alike. */
export const STEP_MARKS: Record<StepStatus, string> = {
  pending: '·',
  running: '…',
  done: '✓',
  already: '✓',
  skipped: '-',
  failed: '✗',
};

export interface RotationStep {
  id: string;
  label: string;
  status: StepStatus;
  /** What happened, or what is happening now ("waiting for ELB to see it, attempt 2"). */
  detail?: string;
  problem?: Problem;
}

export interface RotationResult {
  ok: boolean;
  steps: RotationStep[];
  problem?: Problem;
}

/**
 * What becomes of the old certificate: "rename www-2026 to www-2026-retired-20261130", "delete www-2026", "keep
 * www-2026".
 */
export function retirement(plan: Pick<RotationPlan, 'old' | 'retire'>): string {
  if (plan.retire.mode === 'rename') return `rename ${plan.old.name} to ${plan.retire.as}`;
  return `${plan.retire.mode} ${plan.old.name}`;
}

function retireLabel(plan: RotationPlan): string {
  const phrase = retirement(plan);
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/** Finished earlier, with nothing to mend: a run would do nothing. */
export function nothingLeft(plan: RotationPlan): boolean {
  return plan.finished !== undefined && plan.restores.length === 0;
}

function restoreSteps(plan: RotationPlan): RotationStep[] {
  return plan.restores.map((record, index) => ({
    id: `restore-${index}`,
    label: `${record.where}: put back the SNI certificates a stopped run left off`,
    status: 'pending',
  }));
}

/** The steps a plan will take, all pending (or already done), for the plan view and the run. */
export function rotationSteps(plan: RotationPlan): RotationStep[] {
  if (plan.finished) {
    const how = plan.finished.mode === 'delete' ? 'deleted' : `renamed to ${plan.finished.as}`;
    return [
      ...restoreSteps(plan),
      {
        id: 'retire',
        label: retireLabel(plan),
        status: 'already',
        detail: `Finished earlier: every consumer moved to ${plan.finished.incoming.name}, and ${plan.old.name} ${how} on ${plan.finished.at.slice(0, 10)}.`,
      },
    ];
  }
  return [
    ...restoreSteps(plan),
    {
      id: 'upload',
      label: `Upload ${plan.incoming.name}`,
      status: plan.incoming.upload ? 'pending' : 'already',
      ...(plan.incoming.upload ? {} : { detail: 'In IAM already.' }),
    },
    ...plan.swaps.map((consumer, index): RotationStep => ({
      id: `swap-${index}`,
      label: `${describeConsumer(consumer)}: ${plan.old.name} → ${plan.incoming.name}`,
      status: 'pending',
    })),
    ...plan.alreadyOnNew.map((consumer, index): RotationStep => ({
      id: `on-new-${index}`,
      label: `${describeConsumer(consumer)}: on ${plan.incoming.name}`,
      status: 'already',
    })),
    { id: 'verify', label: `Nothing serves ${plan.old.name} any more`, status: 'pending' },
    { id: 'retire', label: retireLabel(plan), status: plan.retire.mode === 'keep' ? 'skipped' : 'pending' },
  ];
}

/** "us-east-1, eu-west-1", or for many "38 regions (af-south-1 … us-west-2)". */
export function regionsLooked(regions: string[]): string {
  if (regions.length === 0) return 'no region';
  if (regions.length <= 4) return regions.join(', ');
  return `${regions.length} regions (${regions[0]} … ${regions[regions.length - 1]})`;
}
