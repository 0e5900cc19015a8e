import { CONTAINER_NAMES, countOf, describeLabels, itemsWithRelations } from '../core/formats/describe.js';
import type { InspectedFile } from './inspect.js';
import { sanitise } from '../core/text/sanitise.js';

/** A readable summary of one file, for people. */
export function formatFile(entry: InspectedFile, now: Date): string {
  const { facts, result } = entry;
  const file = sanitise(entry.file);
  if (!result || facts.error)
    return `${file}: error ${facts.error?.code}: ${sanitise(facts.error?.message ?? '')}\n  Fix: ${sanitise(facts.error?.fix ?? '')}\n`;
  const lines = [`${file}: ${CONTAINER_NAMES[result.container]}, ${countOf(result.items.length, 'item')}`];
  lines.push(
    ...itemsWithRelations(
      result.items,
      { matches: facts.matches ?? [], chain: facts.chain ?? [], strangers: facts.strangers ?? [] },
      now,
    ),
  );
  if (facts.skipped?.length) lines.push(`  skipped: ${sanitise(describeLabels(facts.skipped))} (not used for IAM)`);
  for (const block of facts.damaged ?? [])
    lines.push(
      `  error ${block.code} in a "${sanitise(block.label)}" block: ${sanitise(block.message)} Fix: ${sanitise(block.fix)}`,
    );
  return `${lines.join('\n')}\n`;
}
