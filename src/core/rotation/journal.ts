import { homedir } from 'node:os';
import { join } from 'node:path';
import { IamcertError, toProblem } from '../errors.js';
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

/** Where one account's rotation records live: ~/.iamcert/rotations/ACCOUNT (IAMCERT_HOME moves it). */
export function journalFolder(account: string, home = process.env.IAMCERT_HOME ?? join(homedir(), '.iamcert')): string {
  return join(home, 'rotations', fileNamePart(account, 'account'));
}

export function journalPath(account: string, oldName: string, home?: string): string {
  return join(journalFolder(account, home), `${fileNamePart(oldName, 'certificate name')}.json`);
}

/**
 * A record iamcert keeps for itself that could not be read or written: worded for that file, not for a file the user
 * gave (whose fixes speak of pipes and standard input).
 */
export function journalProblem(error: unknown, path: string, done: 'read' | 'written' | 'removed'): IamcertError {
  const cause = toProblem(error);
  if (cause.code === 'UNSAFE_NAME' || cause.code === 'CANCELLED') return new IamcertError(cause);
  return new IamcertError({
    code: 'JOURNAL_PROBLEM',
    message: `iamcert's rotation record ${path} could not be ${done}: ${cause.message}`,
    fix: `Check that ${path} is a file you can read and write (IAMCERT_HOME moves the folder), then run the rotation again: it goes on from where it stopped.`,
  });
}

export async function recordRetirement(record: RetirementRecord, home?: string): Promise<void> {
  const path = journalPath(record.account, record.old.name, home);
  try {
    await writeFileSafely({ path, data: `${JSON.stringify(record, null, 2)}\n` }, { force: true });
  } catch (error) {
    throw journalProblem(error, path, 'written');
  }
}

export async function readRetirement(
  account: string,
  oldName: string,
  home?: string,
): Promise<RetirementRecord | undefined> {
  const path = journalPath(account, oldName, home);
  let data: Buffer | undefined;
  try {
    data = await readInputFileIfPresent(path);
  } catch (error) {
    throw journalProblem(error, path, 'read');
  }
  if (!data) return undefined;
  try {
    const record = JSON.parse(data.toString('utf8')) as RetirementRecord;
    return record.old?.name === oldName && record.account === account ? record : undefined;
  } catch {
    return undefined;
  }
}
