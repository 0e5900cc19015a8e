import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  type GenerateCredentialReportCommandOutput,
  type GetCredentialReportCommandOutput,
} from '@aws-sdk/client-iam';
import { createWaiter, WaiterState } from '@smithy/core/client';
import { fail, CHECK_THE_WAY_TO_AWS } from '../errors.js';
import { callIam } from './call.js';
import type { IamClients } from './client.js';

/** One access key slot of a user, as the credential report gives it. */
export interface ReportedAccessKey {
  slot: 1 | 2;
  active: boolean;
  /** When the key was made or last rotated (ISO), if ever. */
  lastRotated?: string;
  /** When it last signed a request (ISO), if ever. */
  lastUsed?: string;
}

export interface ReportedUser {
  user: string;
  arn: string;
  created?: string;
  accessKeys: ReportedAccessKey[];
  /** Signing certificate slots that hold a certificate, active or not. */
  signingCertificates: number;
}

export interface CredentialReport {
  /** When IAM made it: it reuses a report for up to four hours. */
  generated?: string;
  users: ReportedUser[];
}

const COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
];

const notAnAnswer = (why: string): never =>
  fail('ANSWER_NOT_FROM_AWS', `The credential report is not one IAM writes: ${why}.`, CHECK_THE_WAY_TO_AWS);

/** A timestamp from the report, or undefined for "N/A", "no_information" and the like. */
function when(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d\d-\d\dT/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The report's CSV, read by its header: IAM writes no quoted fields (user names cannot hold commas), so a
 * line with a different number of fields than the header, or a header without the columns used, is not IAM's.
 */
export function parseCredentialReport(csv: string): ReportedUser[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines.shift() ?? '').split(',');
  const missing = COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) notAnAnswer(`it has no ${missing.join(', ')} column`);
  const at = (fields: string[], column: string) => fields[header.indexOf(column)];
  return lines
    .map((line, index) => {
      const fields = line.split(',');
      if (fields.length !== header.length)
        notAnAnswer(`line ${index + 2} has ${fields.length} fields, not ${header.length}`);
      return fields;
    })
    .filter((fields) => at(fields, 'user') !== '<root_account>')
    .map((fields) => {
      const accessKeys = ([1, 2] as const).flatMap((slot): ReportedAccessKey[] => {
        const lastRotated = when(at(fields, `access_key_${slot}_last_rotated`));
        const active = at(fields, `access_key_${slot}_active`) === 'true';
        if (!active && !lastRotated) return [];
        const lastUsed = when(at(fields, `access_key_${slot}_last_used_date`));
        return [{ slot, active, ...(lastRotated ? { lastRotated } : {}), ...(lastUsed ? { lastUsed } : {}) }];
      });
      const signingCertificates = [1, 2].filter(
        (slot) => at(fields, `cert_${slot}_active`) === 'true' || when(at(fields, `cert_${slot}_last_rotated`)),
      ).length;
      const created = when(at(fields, 'user_creation_time'));
      return {
        user: at(fields, 'user') ?? '',
        arn: at(fields, 'arn') ?? '',
        ...(created ? { created } : {}),
        accessKeys,
        signingCertificates,
      };
    });
}

/**
 * Asks IAM for the credential report and waits (the SDK's waiter: growing delays, a bound, the signal) while
 * IAM makes it; IAM hands back one made within the last four hours instead of a new one.
 */
export async function credentialReport(
  clients: IamClients,
  options: { signal?: AbortSignal; maxWaitSeconds?: number } = {},
): Promise<CredentialReport> {
  const generate = () =>
    callIam<GenerateCredentialReportCommandOutput>(clients, new GenerateCredentialReportCommand({}), {
      signal: options.signal,
    });
  if ((await generate()).State !== 'COMPLETE') {
    const result = await createWaiter(
      {
        client: undefined,
        minDelay: 1,
        maxDelay: 5,
        maxWaitTime: options.maxWaitSeconds ?? 120,
        abortSignal: options.signal,
      },
      undefined,
      async () => ({ state: (await generate()).State === 'COMPLETE' ? WaiterState.SUCCESS : WaiterState.RETRY }),
    );
    if (result.state === WaiterState.ABORTED) fail('CANCELLED', 'Cancelled.', 'Nothing more to do.');
    if (result.state !== WaiterState.SUCCESS) {
      fail(
        'REPORT_NOT_READY',
        'IAM did not finish the credential report in time.',
        'Run it again in a minute; IAM goes on making the report meanwhile.',
      );
    }
  }
  const answer = await callIam<GetCredentialReportCommandOutput>(clients, new GetCredentialReportCommand({}), {
    signal: options.signal,
  });
  if (answer.ReportFormat && answer.ReportFormat !== 'text/csv') notAnAnswer(`its format is ${answer.ReportFormat}`);
  const csv = new TextDecoder().decode(answer.Content);
  return {
    ...(answer.GeneratedTime ? { generated: answer.GeneratedTime.toISOString() } : {}),
    users: parseCredentialReport(csv),
  };
}
