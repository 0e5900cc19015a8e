import type { CertificateItem } from '../../core/formats/items.js';
import { toProblem } from '../../core/errors.js';
import type { Services } from '../../ui/services.js';
import { usersNamedBy } from '../../core/crypto/created-files.js';

/**
 * Said before a pair on disk is replaced: whether IAM holds its certificate as a signing certificate of the user it is
 * named for (its key is then what signs that user's requests). Nothing when IAM has no such user or no such
 * certificate; when IAM could not be asked, that is said.
 */
export async function signingUseOf(
  services: Services,
  certificatePath: string,
  name: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  let sha256: string | undefined;
  try {
    const read = await services.readItems(await services.readFile(certificatePath));
    sha256 = read.items.find((item): item is CertificateItem => item.type === 'certificate')?.sha256;
  } catch {
    return undefined;
  }
  if (!sha256) return undefined;
  for (const user of usersNamedBy(name)) {
    try {
      const held = (await services.listSigningCertificates(user, signal)).find((row) => row.sha256 === sha256);
      if (held)
        return `${certificatePath} is signing certificate ${held.id.slice(0, 8)} of ${user}, ${held.status} in IAM: its key is what signs ${user}'s requests, and replacing it loses that key for good. n keeps them (c on ${user} in Signing makes a second pair beside them).`;
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'NO_SUCH_ENTITY') continue;
      return `Whether IAM holds ${certificatePath} as a signing certificate of ${user} could not be checked: ${problem.message}`;
    }
  }
  return undefined;
}
