import { fixInApp } from '../../core/errors.js';
import type { RotationPlan } from '../../core/rotation/plan-types.js';
import { regionsLooked, retirement } from '../../core/rotation/steps.js';
import { swapCalls } from '../../core/rotation/swap-calls.js';
import { capped } from '../../core/text/capped.js';
import { describeConsumer, usedBySummary } from '../../core/usage/usage-map.js';
import type { ReportLine } from '../../widgets/report/report-lines.js';

/**
 * The plan as a report that scrolls: old and new, then what stops or warns (so a ✗ is on the first screen however many
 * places serve the old certificate), then each place it moves from with the calls that move it, what is left as it
 * is, the retirement, and where it looked.
 */
export function planLines(plan: RotationPlan): ReportLine[] {
  const restores = plan.restores.map((record): ReportLine => ({
    prefix: 'first ',
    text: `put back the SNI certificates a stopped run left off ${record.where}`,
  }));
  if (plan.finished)
    return [
      ...restores,
      {
        tone: 'ok',
        text: `${restores.length > 0 ? 'Otherwise finished' : '✓ Nothing left to do'}: ${plan.old.name} was rotated to ${plan.incoming.name} and ${plan.finished.mode === 'delete' ? 'deleted' : `renamed to ${plan.finished.as}`} on ${plan.finished.at.slice(0, 10)}.`,
      },
    ];
  return [
    {
      prefix: 'old  ',
      text: `${plan.old.name}  ${plan.old.path}  expires ${plan.old.expiration?.slice(0, 10) ?? '?'}`,
    },
    {
      prefix: 'new  ',
      text: `${plan.incoming.name}  ${plan.incoming.path}  expires ${plan.incoming.expiration?.slice(0, 10) ?? '?'}  ${plan.incoming.key}${plan.incoming.upload ? '  (uploaded first)' : ''}`,
    },
    ...restores,
    ...plan.checks.map((check): ReportLine => ({
      prefix: check.severity === 'error' ? '✗ ' : '! ',
      tone: check.severity === 'error' ? 'danger' : 'warning',
      text: `${check.message} Fix: ${fixInApp(check)}`,
    })),
    ...plan.notes.map((note): ReportLine => ({
      prefix: '! ',
      tone: 'warning',
      text: `${note.where} not looked at: ${note.message} Retiring ${plan.old.name} waits until it can be.`,
    })),
    ...(plan.checks.length === 0
      ? [{ tone: 'ok', text: '✓ The new certificate can serve everything the old one does.' } satisfies ReportLine]
      : []),
    {
      bold: true,
      text:
        plan.swaps.length === 0
          ? `Nothing serves ${plan.old.name} now.`
          : `Moved from the old to the new (${plan.swaps.length}):`,
    },
    ...plan.swaps.map((consumer): ReportLine => ({
      prefix: '  → ',
      text: `${describeConsumer(consumer)}  [${swapCalls(consumer)}]`,
    })),
    ...(plan.alreadyOnNew.length > 0
      ? [
          {
            tone: 'muted',
            text: `Served by ${plan.incoming.name} already, left as they are (${plan.alreadyOnNew.length}):`,
          } satisfies ReportLine,
        ]
      : []),
    ...plan.alreadyOnNew.map((consumer): ReportLine => ({
      prefix: '  ✓ ',
      tone: 'muted',
      text: describeConsumer(consumer),
    })),
    { prefix: 'then ', text: `once nothing serves it: ${retirement(plan)} (m changes this)` },
    { tone: 'muted', text: `Looked in ${regionsLooked(plan.regions)} and CloudFront.` },
  ];
}

/** Under the typed confirmation: the first places it moves from, and how many more of which kinds. */
export function confirmDetails(plan: RotationPlan): string[] {
  const { shown, rest } = capped(plan.swaps, 4);
  return [
    ...shown.map(describeConsumer),
    ...(rest.length > 0 ? [`and ${rest.length} more (${usedBySummary(rest)})`] : []),
  ];
}
