import { SIGNING_CERTIFICATES_PER_USER } from './iam/notices.js';

/** What IAM and the disk hold for an onboarding about to run, as the review looks it up. */
export interface OnboardingLook {
  user: string;
  userExists: boolean;
  signing: 'create' | 'file' | 'skip';
  /** The user's signing certificates now (none for a new user). */
  signingCertificates: number;
  accessKeyFile?: string;
  /** The key ID in the access-key CSV already on disk, if there is one. */
  csvKeyId?: string;
  /** The user's access key IDs now. */
  userKeys: string[];
}

/** What the run will meet, said before it starts: a limit reached, a saved key IAM no longer has. */
export function onboardingWarnings(look: OnboardingLook): string[] {
  const warnings: string[] = [];
  if (look.userExists && look.signing !== 'skip' && look.signingCertificates >= SIGNING_CERTIFICATES_PER_USER)
    warnings.push(
      `${look.user} has ${look.signingCertificates} signing certificates already, IAM's limit: a new one will be refused (delete one in Signing certificates, or skip step 5).`,
    );
  if (look.csvKeyId && !look.userKeys.includes(look.csvKeyId))
    warnings.push(
      `${look.accessKeyFile} holds access key ${look.csvKeyId}, which ${look.user} no longer has: the run will stop there (move the file aside, or save the CSV to another file in step 4).`,
    );
  return warnings;
}
