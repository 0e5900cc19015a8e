import { findRelations } from '../core/crypto/chain.js';
import { toProblem } from '../core/errors.js';
import { itemFacts, type FileFacts } from '../core/formats/facts.js';
import type { ReadResult } from '../core/formats/items.js';
import { readItems } from '../core/formats/read.js';
import { mapLimited } from '../core/map-limited.js';
import { formatFile } from './inspect-format.js';
import { printJson, type Output } from './output.js';
import { EXIT } from '../core/lifecycle.js';
import { readKeyPassphrase, readPassphrase } from './passphrase.js';
import { readInputFile } from '../core/files/read-input.js';

export interface InspectOptions {
  json?: boolean;
  passphraseFile?: string;
  keyPassphraseFile?: string;
}

export interface InspectedFile {
  file: string;
  result?: ReadResult;
  facts: FileFacts;
}

export async function inspectFile(
  file: string,
  passphrases: { passphrase?: string; keyPassphrase?: string },
): Promise<InspectedFile> {
  try {
    const result = await readItems(await readInputFile(file), passphrases);
    const { matches, chain, strangers } = findRelations(result.items);
    const facts: FileFacts = { file, container: result.container, items: result.items.map(itemFacts), matches, chain };
    if (strangers.length > 0) facts.strangers = strangers;
    if (result.skipped.length > 0) facts.skipped = result.skipped;
    if (result.damaged) facts.damaged = result.damaged.map(({ label, problem }) => ({ label, ...problem }));
    return { file, result, facts };
  } catch (error) {
    const problem = toProblem(error);
    return { file, facts: { file, error: { code: problem.code, message: problem.message, fix: problem.fix } } };
  }
}

export async function runInspect(
  files: string[],
  options: InspectOptions,
  output: Output,
  now = new Date(),
): Promise<number> {
  const passphrases = {
    passphrase: await readPassphrase(options.passphraseFile),
    keyPassphrase: await readKeyPassphrase(options.keyPassphraseFile),
  };
  const inspected = await mapLimited(files, 16, (file) => inspectFile(file, passphrases));
  if (options.json)
    printJson(
      output,
      inspected.map((entry) => entry.facts),
    );
  else output.out(inspected.map((entry) => formatFile(entry, now)).join('\n'));
  const failed = inspected.some(
    (entry) => entry.facts.error || entry.facts.damaged || entry.facts.items?.some((item) => 'error' in item),
  );
  return failed ? EXIT.problem : EXIT.ok;
}
