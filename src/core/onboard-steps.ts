import type { Problem } from './errors.js';

/** The onboarding plan's names and rules, light enough for screens to load without the AWS SDK. */
export const USER_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
export const GROUP_NAME_PATTERN = /^[\w+=,.@-]{1,128}$/;

export const STEP_TITLES = {
  group: 'Group',
  policies: 'Group policies',
  user: 'User',
  membership: 'Group membership',
  'access-key': 'Access key',
  'signing-certificate': 'Signing certificate',
  exports: 'Environment exports',
} as const;

export type StepId = keyof typeof STEP_TITLES;
export type StepStatus = 'pending' | 'running' | 'done' | 'reused' | 'skipped' | 'failed';

export interface StepState {
  id: StepId;
  title: string;
  status: StepStatus;
  detail?: string;
  problem?: Problem;
}
