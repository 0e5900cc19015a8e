import { CONTAINER_NAMES, itemsWithRelations } from '../core/formats/describe.js';
import type { InspectedFile } from './inspect.js';
import { sanitise } from '../core/text/sanitise.js';

/** A readable summary of one file, for people. */
export function formatFile(entry: InspectedFile, now: Date): string {
  const { facts, result } = entry;
  const file = sanitise(entry.file);
  if (!result || facts.error) return `${file}: error ${facts.error?.code}: ${sanitise(facts.error?.message ?? '')}\n  Fix: ${sanitise(facts.error?.fix ?? '')}\n`;
  const count = result.items.length;
  const lines = [`${file}: ${CONTAINER_NAMES[result.container]}, ${count} item${count === 1 ? '' : 's'}`];
  lines.push(...itemsWithRelations(result.items, { matches: facts.matches ?? [], chain: facts.chain ?? [] }, now));
  if (facts.skipped?.length) lines.push(`  skipped: ${facts.skipped.join(', ')} (not used for IAM)`);
  return `${lines.join('\n')}\n`;
}
