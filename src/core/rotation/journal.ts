import { homedir } from 'node:os';
import { join } from 'node:path';
import { readInputFileIfPresent } from '../files/read-input.js';
import { fileNamePart } from '../files/name-part.js';
import { writeFileSafely } from '../files/safe-write.js';

/**
 * What a rotation did to the old certificate, kept before it is renamed or deleted: IAM keeps no trace
 * of a deleted certificate, so a rerun after that step (even after a kill) learns here that the
 * rotation is finished, instead of calling the old name unknown.
 */
export interface RetirementRecord {
  account: string;
  old: { name: string; arn: string; id: string };
  incoming: { name: string; arn: string };
  mode: 'rename' | 'delete';
  /** The name it is renamed to. */
  as?: string;
  at: string;
}

export function journalPath(
  account: string,
  oldName: string,
  home = process.env.IAMCERT_HOME ?? join(homedir(), '.iamcert'),
): string {
  return join(home, 'rotations', fileNamePart(account, 'account'), `${fileNamePart(oldName, 'certificate name')}.json`);
}

export async function recordRetirement(record: RetirementRecord, home?: string): Promise<void> {
  await writeFileSafely(
    { path: journalPath(record.account, record.old.name, home), data: `${JSON.stringify(record, null, 2)}\n` },
    { force: true },
  );
}

export async function readRetirement(
  account: string,
  oldName: string,
  home?: string,
): Promise<RetirementRecord | undefined> {
  const data = await readInputFileIfPresent(journalPath(account, oldName, home));
  if (!data) return undefined;
  try {
    const record = JSON.parse(data.toString('utf8')) as RetirementRecord;
    return record.old?.name === oldName && record.account === account ? record : undefined;
  } catch {
    return undefined;
  }
}
