import { CONTAINER_NAMES, itemsWithRelations } from '../core/formats/describe.js';
import type { InspectedFile } from './inspect.js';

/** A readable summary of one file, for people. */
export function formatFile(entry: InspectedFile, now: Date): string {
  const { facts, result } = entry;
  if (!result || facts.error) return `${entry.file}: error ${facts.error?.code}: ${facts.error?.message}\n  Fix: ${facts.error?.fix ?? ''}\n`;
  const count = result.items.length;
  const lines = [`${entry.file}: ${CONTAINER_NAMES[result.container]}, ${count} item${count === 1 ? '' : 's'}`];
  lines.push(...itemsWithRelations(result.items, { matches: facts.matches ?? [], chain: facts.chain ?? [] }, now));
  if (facts.skipped?.length) lines.push(`  skipped: ${facts.skipped.join(', ')} (not used for IAM)`);
  return `${lines.join('\n')}\n`;
}
