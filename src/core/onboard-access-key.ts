import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail, IamcertError, toProblem, worded, fixOf } from './errors.js';
import { readInputFileIfPresent } from './files/read-input.js';
import { checkWritable, writeFileSafely } from './files/safe-write.js';
import {
  accessKeyCsv,
  accessKeyIdFromCsv,
  ACCESS_KEYS_PER_USER,
  createAccessKey,
  deleteAccessKey,
  listAccessKeys,
  type AccessKey,
  type AccessKeyRow,
} from './iam/access-keys.js';
import { requestTimeoutMs, type IamClients } from './iam/client.js';
import type { StepStatus } from './onboard-steps.js';

export interface AccessKeyOutcome {
  status: StepStatus;
  detail: string;
  /** Present only when this run created the key: the secret is shown once. */
  created?: AccessKey;
}

/**
 * Written before CreateAccessKey is sent and removed once the secret is saved: the keys the user had
 * before, and when the call was sent. If the run dies in between (SIGKILL, a lost answer, Ctrl-C), the
 * next run finds it: a run makes at most one key, so the one new key created within that call's time
 * limit is the run's, and its secret is gone. Any other new key is someone else's: left alone, and named.
 */
export function pendingMarkerPath(csvPath: string): string {
  return join(dirname(csvPath), `.${basename(csvPath)}.pending`);
}

/** A CSV or a note of ours is a few lines. */
const MAX_SMALL_FILE = 64 * 1024;

async function readSmallFile(path: string): Promise<string | undefined> {
  return (await readInputFileIfPresent(path, { maxBytes: MAX_SMALL_FILE }))?.toString('utf8');
}

interface PendingNote {
  keysBefore: Set<string>;
  /** When CreateAccessKey was sent, and how long it could take (ms since the epoch; ms). */
  sentAt?: number;
  limitMs?: number;
}

function readNote(markerText: string): PendingNote {
  const parsed = JSON.parse(markerText) as { keysBefore?: unknown; sentAt?: unknown; limitMs?: unknown };
  return {
    keysBefore: new Set(
      Array.isArray(parsed.keysBefore) ? parsed.keysBefore.filter((id): id is string => typeof id === 'string') : [],
    ),
    sentAt: typeof parsed.sentAt === 'string' ? Date.parse(parsed.sentAt) : undefined,
    limitMs: typeof parsed.limitMs === 'number' ? parsed.limitMs : undefined,
  };
}

/** AWS accepts a request signed up to 5 minutes off its own clock, so CreateDate may differ from ours by that much. */
const CLOCK_TOLERANCE_MS = 5 * 60_000;

/**
 * Of the keys that are new since the note, the one the interrupted run made: created within the call's time
 * limit after it was sent, and the only such key. With none or several, none is taken: a key is never
 * deleted on a guess.
 */
function lostKeyOf(candidates: AccessKeyRow[], note: PendingNote): AccessKeyRow | undefined {
  if (note.sentAt === undefined || Number.isNaN(note.sentAt) || note.limitMs === undefined) return undefined;
  const from = note.sentAt - CLOCK_TOLERANCE_MS;
  const until = note.sentAt + note.limitMs + CLOCK_TOLERANCE_MS;
  const within = candidates.filter((key) => {
    const created = key.created ? Date.parse(key.created) : Number.NaN;
    return created >= from && created <= until;
  });
  return within.length === 1 ? within[0] : undefined;
}

async function deleteKeys(
  clients: IamClients,
  userName: string,
  keys: AccessKeyRow[],
  signal?: AbortSignal,
): Promise<string[]> {
  const deleted: string[] = [];
  for (const key of keys) {
    await deleteAccessKey(clients, userName, key.accessKeyId, signal);
    deleted.push(key.accessKeyId);
  }
  return deleted;
}

/** Deletes the keys an interrupted earlier run made and could not save; returns the keys left. */
async function cleanUpInterruptedRun(
  clients: IamClients,
  userName: string,
  file: string,
  savedId: string | undefined,
  keys: AccessKeyRow[],
  signal?: AbortSignal,
) {
  const marker = pendingMarkerPath(file);
  const markerText = await readSmallFile(marker);
  if (markerText === undefined) return { keys, deleted: [] as string[], leftAlone: [] as AccessKeyRow[] };
  let note: PendingNote;
  try {
    note = readNote(markerText);
  } catch {
    fail(
      'ACCESS_KEY_MARKER_DAMAGED',
      `${marker} is not iamcert's note of an unfinished access key.`,
      worded(
        `Check the user's keys (aws iam list-access-keys --user-name ${userName}), then remove ${marker}.`,
        `Check the user's keys (IAM console: Users → ${userName} → Security credentials), then remove ${marker}.`,
      ),
    );
  }
  const candidates = keys.filter((key) => !note.keysBefore.has(key.accessKeyId) && key.accessKeyId !== savedId);
  const lost = lostKeyOf(candidates, note);
  const deleted = await deleteKeys(clients, userName, lost ? [lost] : [], signal);
  await rm(marker, { force: true });
  return {
    keys: keys.filter((key) => !deleted.includes(key.accessKeyId)),
    deleted,
    leftAlone: candidates.filter((key) => key !== lost),
  };
}

function deletedNote(deleted: string[], leftAlone: AccessKeyRow[] = []): string {
  const parts: string[] = [];
  if (deleted.length > 0)
    parts.push(`deleted ${deleted.join(', ')}: made by an interrupted run, its secret was never saved`);
  if (leftAlone.length > 0)
    parts.push(
      `left ${leftAlone.map((key) => `${key.accessKeyId} (created ${key.created ?? 'at an unknown time'})`).join(', ')} alone: ` +
        'made since an interrupted run, but not surely by it (someone else may have made it; check and delete it if it is unused)',
    );
  return parts.map((part) => `; ${part}`).join('');
}

/**
 * The user ends with an access key whose secret is saved in `file`, and with no key whose secret
 * is lost. CreateAccessKey is sent once; after a lost answer iamcert lists the keys and deletes
 * the one it cannot have saved, instead of retrying blindly.
 */
export async function ensureAccessKey(
  clients: IamClients,
  userName: string,
  file: string,
  signal?: AbortSignal,
): Promise<AccessKeyOutcome> {
  const savedId = accessKeyIdFromCsv((await readSmallFile(file)) ?? '');
  const cleaned = await cleanUpInterruptedRun(
    clients,
    userName,
    file,
    savedId,
    await listAccessKeys(clients, userName, signal),
    signal,
  );
  const note = deletedNote(cleaned.deleted, cleaned.leftAlone);
  if (savedId && cleaned.keys.some((key) => key.accessKeyId === savedId))
    return { status: 'reused', detail: `access key ${savedId} is already saved in ${file}${note}` };
  if (savedId) {
    fail(
      'ACCESS_KEY_FILE_STALE',
      `${file} holds access key ${savedId}, which user "${userName}" no longer has.`,
      worded(
        `Move ${file} aside (or delete it) and run again for a new key, or give another --access-key-file.`,
        `Move ${file} aside (or delete it) and run again for a new key, or save the CSV to another file (step 4).`,
      ),
    );
  }
  // Refuse before creating: a secret that cannot be saved would be lost.
  if ((await readSmallFile(file).catch(() => '')) !== undefined) {
    fail(
      'ACCESS_KEY_FILE_EXISTS',
      `${file} exists and is not an access-key CSV iamcert wrote.`,
      worded(
        'Move it aside, or give another --access-key-file.',
        'Move it aside, or save the CSV to another file (step 4).',
      ),
    );
  }
  await checkWritable(file, { secret: true });
  if (cleaned.keys.length >= ACCESS_KEYS_PER_USER) {
    fail(
      'ACCESS_KEY_LIMIT',
      `User "${userName}" already has ${cleaned.keys.length} access keys, the most IAM allows${note}.`,
      'Delete an unused one in IAM (aws iam delete-access-key), then run this again.',
    );
  }
  const marker = pendingMarkerPath(file);
  const sentAt = new Date();
  await writeFileSafely(
    {
      path: marker,
      data: JSON.stringify({
        user: userName,
        keysBefore: cleaned.keys.map((key) => key.accessKeyId),
        sentAt: sentAt.toISOString(),
        limitMs: requestTimeoutMs(),
      }),
      secret: true,
    },
    { force: true },
  );
  let key: AccessKey;
  try {
    key = await createAccessKey(clients, userName, signal);
  } catch (error) {
    // IAM may have made the key though its answer was lost; its secret is gone, so it goes too.
    const now = await listAccessKeys(clients, userName).catch(() => undefined);
    if (now) {
      const keysBefore = new Set(cleaned.keys.map((existing) => existing.accessKeyId));
      const candidates = now.filter((candidate) => !keysBefore.has(candidate.accessKeyId));
      const lost = lostKeyOf(candidates, { keysBefore, sentAt: sentAt.getTime(), limitMs: requestTimeoutMs() });
      const deleted = lost ? await deleteKeys(clients, userName, [lost]).catch(() => []) : [];
      // With none to choose from the note goes; with several, or a deletion that failed, it stays: the next run looks
      // again and says what it finds.
      if (deleted.length > 0 || candidates.length === 0) await rm(marker, { force: true });
    }
    throw error;
  }
  try {
    await writeFileSafely({ path: file, data: accessKeyCsv(key), secret: true });
  } catch (error) {
    const problem = toProblem(error);
    const notDeleted = await deleteAccessKey(clients, userName, key.accessKeyId).then(
      () => undefined,
      (deleteError: unknown) => toProblem(deleteError),
    );
    if (notDeleted) {
      // The note stays: the next run finds this key by it and deletes it before making another.
      throw new IamcertError({
        code: 'ACCESS_KEY_NOT_SAVED',
        message:
          `The access key ${key.accessKeyId} could not be saved (${problem.message}) nor deleted ` +
          `(${notDeleted.message}); its secret is lost.`,
        fix: `${problem.fix} Then run this again: it deletes ${key.accessKeyId} first.`,
        ...(problem.appFix === undefined
          ? {}
          : { appFix: `${problem.appFix} Then start again: it deletes ${key.accessKeyId} first.` }),
      });
    }
    await rm(marker, { force: true });
    throw new IamcertError({
      code: 'ACCESS_KEY_NOT_SAVED',
      message: `The access key could not be saved (${problem.message}), so it was deleted again.`,
      ...fixOf(problem),
    });
  }
  await rm(marker, { force: true });
  return {
    status: 'done',
    detail: `created ${key.accessKeyId}; secret saved in ${file} (mode 0600)${note}`,
    created: key,
  };
}
