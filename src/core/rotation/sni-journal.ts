import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readInputFileIfPresent } from '../files/read-input.js';
import { writeFileSafely } from '../files/safe-write.js';
import { journalFolder, journalProblem } from './journal.js';

/**
 * A listener's SNI certificates, written down before its default certificate is replaced. ModifyListener names only
 * the default, and some implementations drop the SNI list with it; the swap puts back what went missing, but a kill,
 * Ctrl-C or a lost answer between the two calls would lose them for good. A rerun finds this record and restores.
 */
export interface SniRecord {
  listenerArn: string;
  region: string;
  /** The listener, for people: "ALB web in eu-west-1, HTTPS:443". */
  where: string;
  /** Its SNI certificates before the swap (not the default). */
  sni: string[];
  /** The certificate being replaced: a rotation of it restores this listener. */
  from: string;
  to: string;
  at: string;
}

export interface JournalPlace {
  account: string;
  home?: string;
}

function folder(place: JournalPlace): string {
  return join(journalFolder(place.account, place.home), 'listeners');
}

// A listener ARN holds ':' and '/': its hash names the file.
function recordPath(place: JournalPlace, listenerArn: string): string {
  return join(folder(place), `${createHash('sha256').update(listenerArn).digest('hex').slice(0, 40)}.json`);
}

export async function recordSniList(place: JournalPlace, record: SniRecord): Promise<void> {
  const path = recordPath(place, record.listenerArn);
  try {
    await writeFileSafely({ path, data: `${JSON.stringify(record, null, 2)}\n` }, { force: true });
  } catch (error) {
    throw journalProblem(error, path, 'written');
  }
}

export async function clearSniRecord(place: JournalPlace, listenerArn: string): Promise<void> {
  const path = recordPath(place, listenerArn);
  try {
    await rm(path, { force: true });
  } catch (error) {
    throw journalProblem(error, path, 'removed');
  }
}

function isRecord(value: unknown): value is SniRecord {
  const record = value as Partial<SniRecord> | null;
  return (
    typeof record?.listenerArn === 'string' &&
    typeof record.region === 'string' &&
    typeof record.from === 'string' &&
    typeof record.to === 'string' &&
    Array.isArray(record.sni) &&
    record.sni.every((arn) => typeof arn === 'string')
  );
}

/** The listeners a rotation away from this certificate left without their SNI list, oldest first. */
export async function pendingSniRestores(place: JournalPlace, fromArn: string): Promise<SniRecord[]> {
  let names: string[];
  try {
    names = await readdir(folder(place));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw journalProblem(error, folder(place), 'read');
  }
  const records: SniRecord[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.json')).sort()) {
    const path = join(folder(place), name);
    let data: Buffer | undefined;
    try {
      data = await readInputFileIfPresent(path);
    } catch (error) {
      throw journalProblem(error, path, 'read');
    }
    if (!data) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (!isRecord(parsed) || recordPath(place, parsed.listenerArn) !== path) {
      throw journalProblem(new Error('it is not a record iamcert wrote'), path, 'read');
    }
    if (parsed.from === fromArn) records.push(parsed);
  }
  return records.sort((a, b) => a.at.localeCompare(b.at));
}
