import { join } from 'node:path';
import { defaultOutDir } from '../../core/crypto/created-files.js';
import type { OnboardRequest, OnboardResult } from '../../core/onboard.js';
import { GROUP_NAME_PATTERN, USER_NAME_PATTERN, type StepState } from '../../core/onboard-steps.js';

export type GatherStep =
  | 'group'
  | 'new-group'
  | 'policies'
  | 'user'
  | 'access-key'
  | 'signing'
  | 'signing-file'
  | 'review'
  | 'running'
  | 'summary';

export interface OnboardState {
  step: GatherStep;
  group: string;
  newGroup: boolean;
  policies: string[];
  policySearch: string;
  user: string;
  accessKey: boolean;
  accessKeyFile: string;
  signing: 'create' | 'file' | 'skip';
  signingFile: string;
  outDir: string;
  progress: StepState[];
  result?: OnboardResult;
}

export type OnboardAction =
  | { type: 'pick-group'; name: string }
  | { type: 'new-group' }
  | { type: 'group-name'; value: string }
  | { type: 'toggle-policy'; name: string }
  | { type: 'policy-search'; value: string }
  | { type: 'user'; value: string }
  | { type: 'toggle-access-key' }
  | { type: 'access-key-file'; value: string }
  | { type: 'signing'; value: 'create' | 'file' | 'skip' }
  | { type: 'signing-file'; value: string }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'started' }
  | { type: 'progress'; step: StepState }
  | { type: 'finished'; result: OnboardResult };

export function initialOnboardState(): OnboardState {
  return {
    step: 'group',
    group: '',
    newGroup: false,
    policies: [],
    policySearch: '',
    user: '',
    accessKey: true,
    accessKeyFile: '',
    signing: 'create',
    signingFile: '',
    outDir: defaultOutDir(),
    progress: [],
  };
}

export function userNameProblem(name: string): string | undefined {
  if (name === '') return 'a user name is needed';
  return USER_NAME_PATTERN.test(name) ? undefined : 'use 1–64 letters, digits and + = , . @ _ - (no spaces)';
}

export function groupNameProblem(name: string): string | undefined {
  if (name === '') return 'a group name is needed';
  return GROUP_NAME_PATTERN.test(name) ? undefined : 'use 1–128 letters, digits and + = , . @ _ - (no spaces)';
}

export function defaultAccessKeyFile(outDir: string, user: string): string {
  return join(outDir, `${user || 'USER'}_accessKeys.csv`);
}

const ORDER: GatherStep[] = ['group', 'policies', 'user', 'access-key', 'signing', 'review'];

function previous(state: OnboardState): GatherStep {
  if (state.step === 'new-group') return 'group';
  if (state.step === 'signing-file') return 'signing';
  if (state.step === 'policies' && state.newGroup) return 'new-group';
  const index = ORDER.indexOf(state.step);
  if (state.step === 'review' && state.signing === 'file') return 'signing-file';
  return index > 0 ? ORDER[index - 1]! : state.step;
}

function following(state: OnboardState): GatherStep | undefined {
  switch (state.step) {
    case 'new-group':
      return groupNameProblem(state.group) ? undefined : 'policies';
    case 'user':
      return userNameProblem(state.user) ? undefined : 'access-key';
    case 'signing':
      return state.signing === 'file' ? 'signing-file' : 'review';
    case 'signing-file':
      return state.signingFile.trim() ? 'review' : undefined;
    default: {
      const index = ORDER.indexOf(state.step);
      return index >= 0 && index < ORDER.length - 1 ? ORDER[index + 1] : undefined;
    }
  }
}

export function onboardReducer(state: OnboardState, action: OnboardAction): OnboardState {
  switch (action.type) {
    case 'pick-group':
      return { ...state, group: action.name, newGroup: false, step: 'policies' };
    case 'new-group':
      return { ...state, group: '', newGroup: true, step: 'new-group' };
    case 'group-name':
      return { ...state, group: action.value };
    case 'toggle-policy':
      return {
        ...state,
        policies: state.policies.includes(action.name)
          ? state.policies.filter((name) => name !== action.name)
          : [...state.policies, action.name],
      };
    case 'policy-search':
      return { ...state, policySearch: action.value };
    case 'user': {
      const followsDefault =
        state.accessKeyFile === '' || state.accessKeyFile === defaultAccessKeyFile(state.outDir, state.user);
      return {
        ...state,
        user: action.value,
        accessKeyFile: followsDefault ? defaultAccessKeyFile(state.outDir, action.value) : state.accessKeyFile,
      };
    }
    case 'toggle-access-key':
      return { ...state, accessKey: !state.accessKey };
    case 'access-key-file':
      return { ...state, accessKeyFile: action.value };
    case 'signing':
      return { ...state, signing: action.value };
    case 'signing-file':
      return { ...state, signingFile: action.value };
    case 'next': {
      const next = following(state);
      return next ? { ...state, step: next } : state;
    }
    case 'back':
      return state.step === 'running'
        ? state
        : { ...state, step: state.step === 'summary' ? 'review' : previous(state) };
    case 'started':
      return { ...state, step: 'running', progress: [], result: undefined };
    case 'progress':
      return { ...state, progress: [...state.progress.filter((step) => step.id !== action.step.id), action.step] };
    case 'finished':
      return { ...state, step: 'summary', result: action.result, progress: action.result.steps };
  }
}

export function requestFrom(state: OnboardState): OnboardRequest {
  return {
    userName: state.user,
    groupName: state.group,
    policies: state.policies,
    accessKeyFile: state.accessKey ? state.accessKeyFile || defaultAccessKeyFile(state.outDir, state.user) : undefined,
    signing:
      state.signing === 'create'
        ? { kind: 'create' }
        : state.signing === 'file'
          ? { kind: 'file', path: state.signingFile.trim() }
          : { kind: 'skip' },
    outDir: state.outDir,
  };
}
