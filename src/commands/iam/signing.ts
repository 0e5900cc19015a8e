import { describeIdentity } from '../../core/iam/identity-facts.js';
import { whoAmI } from '../../core/iam/identity.js';
import {
  deleteSigningCertificate,
  listSigningCertificates,
  setSigningCertificateStatus,
  uploadSigningCertificate,
  type SigningCertificateRow,
} from '../../core/iam/signing-certificates.js';
import { describeExpiry } from '../../core/time/expiry.js';
import { SIGNING_CERTIFICATES_PER_USER } from '../../core/iam/notices.js';
import { printJson, type Output } from '../output.js';
import { EXIT } from '../../core/lifecycle.js';
import { readInputFile } from '../../core/files/read-input.js';
import { connect, type ConnectionFlags } from './connect.js';
import { formatTable } from './table.js';
import { createSigningPair } from '../../core/signing-pair.js';
import { defaultOutDir } from '../../core/crypto/created-files.js';
import { resolve } from 'node:path';

interface UserFlags extends ConnectionFlags {
  user: string;
  json?: boolean;
}

const withoutBody = ({ body: _body, ...row }: SigningCertificateRow) => row;

export async function runSigningList(flags: UserFlags, output: Output, now = new Date()): Promise<number> {
  const clients = await connect(flags, output);
  const rows = await listSigningCertificates(clients, flags.user, { now });
  if (flags.json) {
    printJson(output, rows.map(withoutBody));
    return EXIT.ok;
  }
  if (rows.length === 0) {
    output.out(
      `User ${flags.user} has no signing certificates. Add one: iamcert signing upload --user ${flags.user} --cert cert.pem`,
    );
    return EXIT.ok;
  }
  output.out(
    formatTable(
      ['ID', 'STATUS', 'EXPIRES', 'UPLOADED', 'SHA256'],
      rows.map((row) => [
        row.id,
        row.status,
        row.notAfter ? `${row.notAfter.slice(0, 10)} (${describeExpiry(new Date(row.notAfter), now)})` : '?',
        row.uploadDate?.slice(0, 10) ?? '',
        row.sha256 ?? '?',
      ]),
    ),
  );
  output.out(`${rows.length} of ${SIGNING_CERTIFICATES_PER_USER} allowed signing certificates.`);
  return EXIT.ok;
}

/** A new key and certificate on disk, the certificate uploaded for the user, and the lines for the shell. */
export async function runSigningCreate(flags: UserFlags & { outDir?: string }, output: Output): Promise<number> {
  const clients = await connect(flags, output);
  const made = await createSigningPair(clients, {
    userName: flags.user,
    outDir: resolve(flags.outDir ?? defaultOutDir()),
  });
  if (flags.json) {
    printJson(output, { ...made.certificate, keyPath: made.keyPath, certificatePath: made.certificatePath });
    return EXIT.ok;
  }
  output.out(
    `Created and uploaded signing certificate ${made.certificate.id} for ${flags.user} (${made.certificate.status}).`,
  );
  output.out(`  key          ${made.keyPath} (0600)`);
  output.out(`  certificate  ${made.certificatePath}`);
  output.out('Set these in your shell:');
  for (const line of made.exportLines) output.out(line);
  return EXIT.ok;
}

export async function runSigningUpload(flags: UserFlags & { cert: string }, output: Output): Promise<number> {
  const body = await readInputFile(flags.cert);
  const clients = await connect(flags, output);
  const row = await uploadSigningCertificate(clients, flags.user, body);
  if (flags.json) printJson(output, withoutBody(row));
  else output.out(`Uploaded signing certificate ${row.id} for ${flags.user} (${row.status}).`);
  return EXIT.ok;
}

export async function runSigningStatus(
  flags: UserFlags & { id: string; yes?: boolean },
  status: 'Active' | 'Inactive',
  output: Output,
): Promise<number> {
  const clients = await connect(flags, output);
  if (status === 'Inactive' && !flags.yes) {
    const target = `signing certificate ${flags.id} of user "${flags.user}" in ${describeIdentity(await whoAmI(clients))}`;
    output.err(
      `This would deactivate ${target}; requests signed with it will fail until it is activated again.\nNothing was changed; run again with --yes to deactivate it.`,
    );
    return EXIT.usage;
  }
  await setSigningCertificateStatus(clients, flags.user, flags.id, status);
  output.out(`Signing certificate ${flags.id} of ${flags.user} is now ${status}.`);
  return EXIT.ok;
}

export async function runSigningDelete(
  flags: UserFlags & { id: string; yes?: boolean },
  output: Output,
): Promise<number> {
  const clients = await connect(flags, output);
  const target = `signing certificate ${flags.id} of user "${flags.user}" in ${describeIdentity(await whoAmI(clients))}`;
  if (!flags.yes) {
    output.err(
      `This would delete ${target}; requests signed with it will fail.\nNothing was deleted; run again with --yes to delete it (or deactivate it first to test).`,
    );
    return EXIT.usage;
  }
  await deleteSigningCertificate(clients, flags.user, flags.id);
  output.out(`Deleted ${target}.`);
  return EXIT.ok;
}
