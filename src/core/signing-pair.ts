import { rm } from 'node:fs/promises';
import { createKeyAndCertificate, SIGNING_RECIPE } from './crypto/create.js';
import { createdPaths, unusedPairName } from './crypto/created-files.js';
import { fixFields, IamcertError, toProblem, worded } from './errors.js';
import { existingPaths } from './files/existing.js';
import { writeFilesSafely } from './files/safe-write.js';
import type { IamClients } from './iam/client.js';
import {
  listSigningCertificates,
  refuseAtLimit,
  uploadSigningCertificate,
  type SigningCertificateRow,
} from './iam/signing-certificates.js';
import { ec2ExportLines } from './shell-exports.js';

export interface SigningPairRequest {
  userName: string;
  /** The folder for pk-USER.pem and cert-USER.pem (~/.ec2 by default, as the classic guide keeps them). */
  outDir: string;
  signal?: AbortSignal;
  now?: Date;
}

export interface SigningPairMade {
  certificate: Omit<SigningCertificateRow, 'body'>;
  keyPath: string;
  certificatePath: string;
  /** EC2_PRIVATE_KEY and EC2_CERT, for the shell. */
  exportLines: string[];
}

/**
 * A new signing certificate for a user: an RSA 2048 key (PKCS#8, 0600) and a self-signed certificate for 3650 days,
 * written beside any pair the user has (a second one gets a dated name), then the certificate (never the key) uploaded.
 * The user and IAM's limit of two are checked before anything is made. When IAM did not take the certificate, the two
 * files this run wrote are removed; when it cannot be known (interrupted, IAM unreachable), they are kept and named.
 */
export async function createSigningPair(clients: IamClients, request: SigningPairRequest): Promise<SigningPairMade> {
  const { userName, outDir, signal, now } = request;
  refuseAtLimit(userName, await listSigningCertificates(clients, userName, { signal, now }));
  const name = await unusedPairName(outDir, userName, existingPaths, now);
  const paths = createdPaths(outDir, name, false);
  const created = await createKeyAndCertificate({ ...SIGNING_RECIPE, now });
  const certificatePem = created.certificatePem!;
  await writeFilesSafely([
    { path: paths.key, data: created.privateKeyPem, secret: true },
    { path: paths.certificate, data: certificatePem },
  ]);
  let row: SigningCertificateRow;
  try {
    row = await uploadSigningCertificate(clients, userName, certificatePem, { signal, now });
  } catch (error) {
    row = await afterFailedUpload(clients, request, paths, certificatePem, error);
  }
  const { body: _body, ...certificate } = row;
  return {
    certificate,
    keyPath: paths.key,
    certificatePath: paths.certificate,
    exportLines: ec2ExportLines(paths.certificate, paths.key),
  };
}

/** IAM holds the certificate after all (its answer was lost), or it does not and the new files go, or nobody knows. */
async function afterFailedUpload(
  clients: IamClients,
  { userName, signal, now }: SigningPairRequest,
  paths: { key: string; certificate: string },
  certificatePem: string,
  error: unknown,
): Promise<SigningCertificateRow> {
  let held: SigningCertificateRow[] | undefined;
  if (!signal?.aborted) {
    try {
      held = await listSigningCertificates(clients, userName, { signal, now });
    } catch {
      held = undefined;
    }
  }
  const bare = (pem: string) => pem.replace(/\s+/g, '');
  const ours = held?.find((row) => bare(row.body) === bare(certificatePem));
  if (ours) return ours;
  if (held) {
    await Promise.all([paths.key, paths.certificate].map((path) => rm(path, { force: true })));
    throw error;
  }
  const problem = toProblem(error);
  throw new IamcertError({
    code: problem.code,
    message: `${problem.message} Whether IAM holds the new certificate is not known: its key is kept in ${paths.key} and the certificate in ${paths.certificate}.`,
    ...fixFields(
      worded(
        `List the user's certificates (iamcert signing list --user ${userName}); if it is not there, delete the two files.`,
        'Press r to list the certificates again; if it is not there, delete the two files.',
      ),
    ),
  });
}
