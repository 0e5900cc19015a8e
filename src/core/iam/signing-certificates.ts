import {
  DeleteSigningCertificateCommand,
  ListSigningCertificatesCommand,
  UpdateSigningCertificateCommand,
  UploadSigningCertificateCommand,
  type ListSigningCertificatesCommandOutput,
  type UploadSigningCertificateCommandOutput,
} from '@aws-sdk/client-iam';
import { fail, fixFields, IamcertError, worded, type Worded, fixOf } from '../errors.js';
import { cleanIfPem, cleanPemText } from '../formats/clean.js';
import type { CertificateItem } from '../formats/items.js';
import { readField } from '../preflight/read-field.js';
import { IAM_LIMITS, type Finding } from '../preflight/rules.js';
import { describeExpiry, describeNotYetValid, expiryState, type ExpiryState } from '../time/expiry.js';
import { callIam } from './call.js';
import { SIGNING_CERTIFICATES_PER_USER } from './notices.js';
import type { IamClients } from './client.js';
import { allPages, truncatedMarker } from './pages.js';
import { findUser } from './users-and-groups.js';

export interface SigningCertificateRow {
  id: string;
  userName: string;
  status: 'Active' | 'Inactive';
  uploadDate?: string;
  /** From the parsed body: IAM's metadata has no expiry for signing certificates. */
  sha256?: string;
  notAfter?: string;
  expiryState?: ExpiryState;
  subject?: string;
  body: string;
}

const userSubject = (user: string) => `user "${user}"`;

async function certificateOf(body: string): Promise<CertificateItem | undefined> {
  const read = await readField('certificate', body);
  if ('code' in read) return undefined;
  return read.items.find((item): item is CertificateItem => item.type === 'certificate');
}

export async function listSigningCertificates(
  clients: IamClients,
  userName: string,
  options: { signal?: AbortSignal; now?: Date } = {},
): Promise<SigningCertificateRow[]> {
  // Some IAM look-alikes list nothing for a user who does not exist; nobody is told "0 of 2" and offered a key pair.
  if (!(await findUser(clients, userName, options.signal))) {
    fail('NO_SUCH_ENTITY', `IAM has no user "${userName}".`, 'Check the name; names are case-sensitive.');
  }
  return allPages(async (marker) => {
    const page = await callIam<ListSigningCertificatesCommandOutput>(
      clients,
      new ListSigningCertificatesCommand({ UserName: userName, Marker: marker, MaxItems: 1000 }),
      {
        signal: options.signal,
        subject: userSubject(userName),
      },
    );
    const items: SigningCertificateRow[] = [];
    for (const entry of page.Certificates ?? []) {
      const body = entry.CertificateBody ?? '';
      const certificate = await certificateOf(body);
      items.push({
        id: entry.CertificateId ?? '',
        userName: entry.UserName ?? userName,
        status: entry.Status === 'Inactive' ? 'Inactive' : 'Active',
        ...(entry.UploadDate ? { uploadDate: entry.UploadDate.toISOString() } : {}),
        ...(certificate
          ? {
              sha256: certificate.sha256,
              notAfter: certificate.notAfter.toISOString(),
              expiryState: expiryState(certificate.notAfter, options.now),
              subject: certificate.subject,
            }
          : {}),
        body,
      });
    }
    return { items, marker: truncatedMarker(page) };
  });
}

/** The checks made before UploadSigningCertificate: a lone, valid PEM certificate, and never a private key. */
export async function preflightSigningCertificate(
  body: Buffer | string,
  now: Date = new Date(),
): Promise<{ findings: Finding[]; certificate?: CertificateItem }> {
  const findings: Finding[] = [];
  const add = (code: string, message: string, fix: string | Worded) =>
    findings.push({ code, severity: 'error', field: 'certificate', message, ...fixFields(fix) });
  const read = await readField('certificate', body);
  if ('code' in read) return { findings: [read] };
  if (read.items.some((item) => item.type === 'private-key')) {
    add(
      'CERT_IS_PRIVATE_KEY',
      'This file holds a PRIVATE KEY. Only the certificate is uploaded; the key never leaves your machine.',
      'Pick the certificate (cert-NAME.pem, BEGIN CERTIFICATE), not the key (pk-NAME.pem).',
    );
    return { findings };
  }
  const certificates = read.items.filter((item): item is CertificateItem => item.type === 'certificate');
  const [certificate] = certificates;
  if (!certificate) {
    add(
      'CERT_MISSING',
      'The file holds no certificate.',
      worded(
        'Pick the file with BEGIN CERTIFICATE in it, or let iamcert create one.',
        'Pick the file with BEGIN CERTIFICATE in it, or press c to create one.',
      ),
    );
    return { findings };
  }
  if (certificates.length > 1)
    add(
      'CERT_HAS_CHAIN',
      `The file holds ${certificates.length} certificates; a signing certificate is one.`,
      'Pick the single certificate file.',
    );
  const cleaned = cleanPemText(read.text);
  if (cleaned.length > IAM_LIMITS.bodyChars)
    add(
      'CERT_TOO_LONG',
      `The certificate is ${cleaned.length} characters; IAM allows ${IAM_LIMITS.bodyChars}.`,
      'Pick the single certificate file.',
    );
  const notYet = describeNotYetValid(certificate.notBefore, now);
  if (notYet)
    add(
      'CERT_NOT_YET_VALID',
      `The certificate is ${notYet}.`,
      "Check this machine's clock, or create a new certificate.",
    );
  if (certificate.notAfter <= now)
    add(
      'CERT_EXPIRED',
      `The certificate ${describeExpiry(certificate.notAfter, now)}.`,
      worded('Create a new one: iamcert create', "Create a new one: c on the user's signing certificates."),
    );
  return { findings, certificate };
}

/** IAM takes no third signing certificate: refused before anything is made or sent. */
export function refuseAtLimit(userName: string, existing: SigningCertificateRow[]): void {
  if (existing.length < SIGNING_CERTIFICATES_PER_USER) return;
  fail(
    'SIGNING_CERTIFICATE_LIMIT',
    `User "${userName}" already has ${existing.length} signing certificates, the most IAM allows.`,
    worded(
      `Delete one first (iamcert signing delete --user ${userName} --id ID --yes); deactivate and test before deleting if unsure.`,
      'Delete one first (d on it in the list); deactivate it (a) and test before deleting if unsure.',
    ),
  );
}

export async function uploadSigningCertificate(
  clients: IamClients,
  userName: string,
  body: Buffer | string,
  options: { signal?: AbortSignal; now?: Date } = {},
): Promise<SigningCertificateRow> {
  const { findings, certificate: offered } = await preflightSigningCertificate(body, options.now);
  const [first] = findings;
  if (first) throw new IamcertError({ code: `PREFLIGHT_${first.code}`, message: first.message, ...fixOf(first) });
  const existing = await listSigningCertificates(clients, userName, options);
  const same = existing.find((row) => offered && row.sha256 === offered.sha256);
  if (same) {
    fail(
      'DUPLICATE_CERTIFICATE',
      `User "${userName}" already has this certificate (${same.id}, ${same.status}).`,
      worded(
        'Nothing to do; or create a new certificate with iamcert create for a second one.',
        'Nothing to do; or press c to create a new certificate for a second one.',
      ),
    );
  }
  refuseAtLimit(userName, existing);
  const text = String(cleanIfPem(body));
  let answer: UploadSigningCertificateCommandOutput;
  try {
    answer = await callIam<UploadSigningCertificateCommandOutput>(
      clients,
      new UploadSigningCertificateCommand({ UserName: userName, CertificateBody: text }),
      {
        signal: options.signal,
        subject: userSubject(userName),
      },
    );
  } catch (error) {
    // After a retry, "duplicate" may be our own first attempt, whose answer was lost.
    const retried = error instanceof IamcertError && error.code === 'DUPLICATE_CERTIFICATE' && error.attempts > 1;
    const ours = retried
      ? (await listSigningCertificates(clients, userName, options)).find(
          (row) => offered && row.sha256 === offered.sha256,
        )
      : undefined;
    if (ours) return ours;
    throw error;
  }
  const uploaded = answer.Certificate;
  if (!uploaded)
    fail(
      'EMPTY_ANSWER',
      'IAM accepted the certificate but returned no details.',
      worded(`Check it with iamcert signing list --user ${userName}.`, 'Press r to list the certificates again.'),
    );
  return {
    id: uploaded.CertificateId ?? '',
    userName,
    status: uploaded.Status === 'Inactive' ? 'Inactive' : 'Active',
    ...(uploaded.UploadDate ? { uploadDate: uploaded.UploadDate.toISOString() } : {}),
    ...(offered
      ? {
          sha256: offered.sha256,
          notAfter: offered.notAfter.toISOString(),
          expiryState: expiryState(offered.notAfter, options.now),
          subject: offered.subject,
        }
      : {}),
    body: text,
  };
}

export async function setSigningCertificateStatus(
  clients: IamClients,
  userName: string,
  id: string,
  status: 'Active' | 'Inactive',
  signal?: AbortSignal,
): Promise<void> {
  await callIam(
    clients,
    new UpdateSigningCertificateCommand({ UserName: userName, CertificateId: id, Status: status }),
    { signal, subject: `signing certificate ${id} of ${userSubject(userName)}` },
  );
}

export async function deleteSigningCertificate(
  clients: IamClients,
  userName: string,
  id: string,
  signal?: AbortSignal,
): Promise<void> {
  await callIam(clients, new DeleteSigningCertificateCommand({ UserName: userName, CertificateId: id }), {
    signal,
    subject: `signing certificate ${id} of ${userSubject(userName)}`,
  });
}
