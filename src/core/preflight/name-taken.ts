import { fixFields, worded } from '../errors.js';
import type { ServerCertificateRow } from '../iam/server-certificate-list.js';
import type { Finding } from './rules.js';

/**
 * IAM holds one server certificate per name, whatever its case: a name in use is said at the field, before the
 * upload, instead of by IAM's refusal after it (and a duplicate is never sent where an emulator would accept it).
 */
export function nameTakenFinding(name: string, held: ServerCertificateRow[]): Finding | undefined {
  const wanted = name.toLowerCase();
  const same = held.find((row) => row.name.toLowerCase() === wanted);
  if (!same) return undefined;
  return {
    code: 'NAME_TAKEN',
    severity: 'error',
    field: 'name',
    message: `IAM already holds a server certificate named "${same.name}"${same.expiration ? ` (expires ${same.expiration.slice(0, 10)})` : ''}.`,
    ...fixFields(
      worded(
        'Give another name; to put a new certificate in its place where it is served, use iamcert rotate.',
        'Give another name; to put a new certificate in its place where it is served, press R on it in Server certificates.',
      ),
    ),
  };
}
