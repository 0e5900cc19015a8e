import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  ListAccessKeysCommand,
  type CreateAccessKeyCommandOutput,
  type ListAccessKeysCommandOutput,
} from '@aws-sdk/client-iam';
import { fail } from '../errors.js';
import { callIam } from './call.js';
import type { IamClients } from './client.js';

export const ACCESS_KEYS_PER_USER = 2;
export const ACCESS_KEY_CSV_HEADER = 'Access key ID,Secret access key';

export interface AccessKey {
  accessKeyId: string;
  /** Only ever present right after creation: IAM never shows it again. */
  secretAccessKey: string;
}

export interface AccessKeyRow {
  accessKeyId: string;
  status: string;
  created?: string;
}

export async function listAccessKeys(
  clients: IamClients,
  userName: string,
  signal?: AbortSignal,
): Promise<AccessKeyRow[]> {
  const answer = await callIam<ListAccessKeysCommandOutput>(
    clients,
    new ListAccessKeysCommand({ UserName: userName }),
    { signal, subject: `user "${userName}"` },
  );
  return (answer.AccessKeyMetadata ?? []).map((key) => ({
    accessKeyId: key.AccessKeyId ?? '',
    status: key.Status ?? '',
    created: key.CreateDate?.toISOString(),
  }));
}

/**
 * Sent once: a retry after a lost answer would make a second key, and the first one's secret is gone. The caller looks
 * and decides.
 */
export async function createAccessKey(clients: IamClients, userName: string, signal?: AbortSignal): Promise<AccessKey> {
  const answer = await callIam<CreateAccessKeyCommandOutput>(
    clients,
    new CreateAccessKeyCommand({ UserName: userName }),
    { signal, subject: `user "${userName}"`, once: true },
  );
  const key = answer.AccessKey;
  if (!key?.AccessKeyId || !key.SecretAccessKey)
    fail(
      'EMPTY_ANSWER',
      'IAM created an access key but returned no secret.',
      `Delete it in IAM and try again (user "${userName}").`,
    );
  return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
}

export async function deleteAccessKey(
  clients: IamClients,
  userName: string,
  accessKeyId: string,
  signal?: AbortSignal,
): Promise<void> {
  await callIam(clients, new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId }), {
    signal,
    subject: `access key ${accessKeyId}`,
  });
}

/** The same CSV the IAM console downloads. */
export function accessKeyCsv(key: AccessKey): string {
  return `${ACCESS_KEY_CSV_HEADER}\n${key.accessKeyId},${key.secretAccessKey}\n`;
}

export { accessKeyIdFromCsv } from './access-key-csv.js';
