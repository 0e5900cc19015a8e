import type { Problem } from '../../core/errors.js';
import { retiredName } from '../../core/rotation/names.js';
import type { RetireMode, RotationPlan } from '../../core/rotation/plan-types.js';
import { nothingLeft, rotationSteps, type RotationResult, type RotationStep } from '../../core/rotation/steps.js';

/** What takes over, as the screen holds it: a name in IAM, or the paths of files to upload first. */
export type RotateTarget =
  | { kind: 'existing'; name: string }
  | { kind: 'files'; certificate: string; privateKey: string; chain: string; name: string };

export const FILE_FIELDS = ['certificate', 'privateKey', 'chain', 'name'] as const;
export type FileField = (typeof FILE_FIELDS)[number];
export type FileValues = Record<FileField, string>;

const RETIRE_ORDER: RetireMode[] = ['rename', 'delete', 'keep'];

interface Chosen {
  target: RotateTarget;
  retire: RetireMode;
}

export type RotateState =
  | { step: 'pick' }
  | { step: 'files'; field: number; values: FileValues; refused?: string }
  | (Chosen & { step: 'planning'; resume: boolean })
  | (Chosen & { step: 'plan-failed'; problem: Problem })
  | (Chosen & { step: 'plan'; plan: RotationPlan; refused?: string })
  | (Chosen & { step: 'confirm'; plan: RotationPlan })
  | (Chosen & { step: 'running'; plan: RotationPlan; steps: RotationStep[]; stopping: boolean })
  | (Chosen & { step: 'finished'; plan: RotationPlan; result: RotationResult });

export type RotateAction =
  | { type: 'from-files' }
  | { type: 'file-edit'; field: FileField; value: string }
  | { type: 'file-field'; to: number }
  | { type: 'refuse'; why: string }
  | { type: 'choose'; target: RotateTarget }
  | { type: 'planned'; plan: RotationPlan }
  | { type: 'plan-failed'; problem: Problem }
  | { type: 'next-retire'; now: Date }
  | { type: 'confirm' }
  | { type: 'cancel' }
  | { type: 'start' }
  | { type: 'progress'; steps: RotationStep[] }
  | { type: 'stop' }
  | { type: 'finished'; result: RotationResult }
  | { type: 'resume' }
  | { type: 'back' };

export const initialRotateState: RotateState = { step: 'pick' };

const EMPTY_FILES: FileValues = { certificate: '', privateKey: '', chain: '', name: '' };

/** The rotation screen's flow: pick what takes over, see the plan, type the name, watch each step; r resumes. */
export function rotateReducer(state: RotateState, action: RotateAction): RotateState {
  switch (action.type) {
    case 'from-files':
      return state.step === 'pick' ? { step: 'files', field: 0, values: EMPTY_FILES } : state;
    case 'file-edit':
      return state.step === 'files'
        ? { ...state, values: { ...state.values, [action.field]: action.value }, refused: undefined }
        : state;
    case 'file-field':
      return state.step === 'files'
        ? { ...state, field: Math.max(0, Math.min(FILE_FIELDS.length - 1, action.to)) }
        : state;
    case 'refuse':
      return state.step === 'files' || state.step === 'plan' ? { ...state, refused: action.why } : state;
    case 'choose':
      return {
        step: 'planning',
        target: action.target,
        retire: 'retire' in state ? state.retire : 'rename',
        resume: false,
      };
    case 'planned':
      if (state.step !== 'planning') return state;
      return state.resume && action.plan.ready && !nothingLeft(action.plan)
        ? { ...state, step: 'running', plan: action.plan, steps: rotationSteps(action.plan), stopping: false }
        : { ...state, step: 'plan', plan: action.plan };
    case 'plan-failed':
      return state.step === 'planning'
        ? { step: 'plan-failed', target: state.target, retire: state.retire, problem: action.problem }
        : state;
    case 'next-retire': {
      // In the plan, or after a run that failed (a refused retirement): r then finishes with the mode chosen.
      if (state.step !== 'plan' && !(state.step === 'finished' && !state.result.ok)) return state;
      const retire = RETIRE_ORDER[(RETIRE_ORDER.indexOf(state.retire) + 1) % RETIRE_ORDER.length]!;
      const plan = {
        ...state.plan,
        retire: { mode: retire, ...(retire === 'rename' ? { as: retiredName(state.plan.old.name, action.now) } : {}) },
      };
      return state.step === 'plan' ? { ...state, retire, plan, refused: undefined } : { ...state, retire, plan };
    }
    case 'confirm':
      return state.step === 'plan'
        ? { step: 'confirm', target: state.target, retire: state.retire, plan: state.plan }
        : state;
    case 'cancel':
      return state.step === 'confirm' ? { ...state, step: 'plan' } : state;
    case 'start':
      return state.step === 'confirm'
        ? { ...state, step: 'running', steps: rotationSteps(state.plan), stopping: false }
        : state;
    case 'progress':
      return state.step === 'running' ? { ...state, steps: action.steps } : state;
    case 'stop':
      return state.step === 'running' ? { ...state, stopping: true } : state;
    case 'finished':
      return state.step === 'running'
        ? { step: 'finished', target: state.target, retire: state.retire, plan: state.plan, result: action.result }
        : state;
    case 'resume':
      return state.step === 'finished' || state.step === 'plan-failed'
        ? { step: 'planning', target: state.target, retire: state.retire, resume: state.step === 'finished' }
        : state;
    case 'back':
      if (state.step === 'files' || state.step === 'plan' || state.step === 'plan-failed')
        return state.step !== 'files' && state.target.kind === 'files'
          ? { step: 'files', field: 0, values: filesOf(state.target) }
          : { step: 'pick' };
      return state;
  }
}

function filesOf(target: Extract<RotateTarget, { kind: 'files' }>): FileValues {
  return { certificate: target.certificate, privateKey: target.privateKey, chain: target.chain, name: target.name };
}
