import type { StepState } from '../../core/onboard-steps.js';
import { KEY_WATCH_COMMAND } from '../../core/onboard-advice.js';
import type { ReportLine } from '../../widgets/report/report-lines.js';
import type { OnboardState } from './onboard-state.js';

export function namesOf(steps: StepState[], status: StepState['status']): string {
  return steps
    .filter((step) => step.status === status)
    .map((step) => step.title.toLowerCase())
    .join(', ');
}

const labelled = (label: string, text: string): ReportLine => ({ prefix: label.padEnd(18), label: true, text });

/**
 * A finished onboarding as a report that scrolls, so the exports are reached at any size: what was done, then the
 * access key (its secret hidden unless revealed), the files, and the lines to set.
 */
export function summaryLines(state: OnboardState, revealed: boolean): ReportLine[] {
  const result = state.result;
  if (!result?.ok) return [];
  const policies = state.policies.length
    ? `, ${state.policies.length} polic${state.policies.length === 1 ? 'y' : 'ies'}`
    : '';
  return [
    {
      prefix: '✓ ',
      tone: 'ok',
      text: `Done: ${namesOf(result.steps, 'done') || 'nothing new'}. Already there: ${namesOf(result.steps, 'reused') || 'nothing'}.`,
    },
    { text: `Exists now: group ${state.group}, user ${state.user} in ${state.group}${policies}` },
    { text: '' },
    ...(result.accessKey
      ? [
          labelled('Access key ID', result.accessKey.accessKeyId),
          labelled(
            'Secret access key',
            revealed ? result.accessKey.secretAccessKey : `${'•'.repeat(12)} (v reveals, c copies)`,
          ),
          { prefix: '! ', tone: 'warning', text: 'Shown this once: IAM never returns it again.' } satisfies ReportLine,
          labelled('Saved in', `${result.accessKeyFile} (0600)`),
          labelled('Rotate', `every 90 days (CIS). The Radar (:radar) and ${KEY_WATCH_COMMAND} in CI show keys due.`),
        ]
      : []),
    ...(result.keyPath ? [labelled('Private key', `${result.keyPath} (0600)`)] : []),
    ...(result.certificatePath
      ? [
          labelled(
            'Certificate',
            `${result.certificatePath}${result.signingCertificateId ? ` (IAM ID ${result.signingCertificateId})` : ''}`,
          ),
        ]
      : []),
    ...(result.exportLines.length > 0
      ? [
          { text: 'Set these in your shell (y copies):' },
          ...result.exportLines.map((line): ReportLine => ({ prefix: ' ', text: line })),
        ]
      : []),
  ];
}
