import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail, IamcertError, toProblem } from './errors.js';
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
import type { IamClients } from './iam/client.js';
import type { StepStatus } from './onboard-steps.js';

export interface AccessKeyOutcome {
  status: StepStatus;
  detail: string;
  /** Present only when this run created the key: the secret is shown once. */
  created?: AccessKey;
}

/**
 * Written before CreateAccessKey is sent and removed once the secret is saved: it lists the keys
 * the user had before. If the run dies in between (SIGKILL, a lost answer, Ctrl-C), the next run
 * finds it and deletes any key that is neither one of those nor the saved one: its secret is gone.
 */
export function pendingMarkerPath(csvPath: string): string {
  return join(dirname(csvPath), `.${basename(csvPath)}.pending`);
}

/** A CSV or a note of ours is a few lines. */
const MAX_SMALL_FILE = 64 * 1024;

async function readSmallFile(path: string): Promise<string | undefined> {
  return (await readInputFileIfPresent(path, { maxBytes: MAX_SMALL_FILE }))?.toString('utf8');
}

function keysBefore(markerText: string): Set<string> {
  const parsed = JSON.parse(markerText) as { keysBefore?: unknown };
  return new Set(
    Array.isArray(parsed.keysBefore) ? parsed.keysBefore.filter((id): id is string => typeof id === 'string') : [],
  );
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
  if (markerText === undefined) return { keys, deleted: [] as string[] };
  let before: Set<string>;
  try {
    before = keysBefore(markerText);
  } catch {
    fail(
      'ACCESS_KEY_MARKER_DAMAGED',
      `${marker} is not iamcert's note of an unfinished access key.`,
      `Check the user's keys (aws iam list-access-keys --user-name ${userName}), then remove ${marker}.`,
    );
  }
  const orphans = keys.filter((key) => !before.has(key.accessKeyId) && key.accessKeyId !== savedId);
  const deleted = await deleteKeys(clients, userName, orphans, signal);
  await rm(marker, { force: true });
  return { keys: keys.filter((key) => !deleted.includes(key.accessKeyId)), deleted };
}

function deletedNote(deleted: string[]): string {
  if (deleted.length === 0) return '';
  return `; deleted ${deleted.join(', ')}: made by an interrupted run, ${deleted.length === 1 ? 'its secret was' : 'their secrets were'} never saved`;
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
  const note = deletedNote(cleaned.deleted);
  if (savedId && cleaned.keys.some((key) => key.accessKeyId === savedId))
    return { status: 'reused', detail: `access key ${savedId} is already saved in ${file}${note}` };
  if (savedId) {
    fail(
      'ACCESS_KEY_FILE_STALE',
      `${file} holds access key ${savedId}, which user "${userName}" no longer has.`,
      `Move ${file} aside (or delete it) and run again for a new key, or give another --access-key-file.`,
    );
  }
  // Refuse before creating: a secret that cannot be saved would be lost.
  if ((await readSmallFile(file).catch(() => '')) !== undefined) {
    fail(
      'ACCESS_KEY_FILE_EXISTS',
      `${file} exists and is not an access-key CSV iamcert wrote.`,
      'Move it aside, or give another --access-key-file.',
    );
  }
  await checkWritable(file, { secret: true });
  if (cleaned.keys.length >= ACCESS_KEYS_PER_USER) {
    fail(
      'ACCESS_KEY_LIMIT',
      `User "${userName}" already has ${cleaned.keys.length} access keys, the most IAM allows.`,
      'Delete an unused one in IAM (aws iam delete-access-key), then run this again.',
    );
  }
  const marker = pendingMarkerPath(file);
  await writeFileSafely(
    {
      path: marker,
      data: JSON.stringify({ user: userName, keysBefore: cleaned.keys.map((key) => key.accessKeyId) }),
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
      const before = new Set(cleaned.keys.map((existing) => existing.accessKeyId));
      await deleteKeys(
        clients,
        userName,
        now.filter((candidate) => !before.has(candidate.accessKeyId)),
      ).catch(() => undefined);
      await rm(marker, { force: true });
    }
    throw error;
  }
  try {
    await writeFileSafely({ path: file, data: accessKeyCsv(key), secret: true });
  } catch (error) {
    await deleteAccessKey(clients, userName, key.accessKeyId).catch(() => undefined);
    await rm(marker, { force: true });
    const problem = toProblem(error);
    throw new IamcertError({
      code: 'ACCESS_KEY_NOT_SAVED',
      message: `The access key could not be saved (${problem.message}), so it was deleted again.`,
      fix: problem.fix,
    });
  }
  await rm(marker, { force: true });
  return {
    status: 'done',
    detail: `created ${key.accessKeyId}; secret saved in ${file} (mode 0600)${note}`,
    created: key,
  };
}
