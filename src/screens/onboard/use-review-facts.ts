import { useEffect } from 'react';
import { createdPaths } from '../../core/crypto/created-files.js';
import type { Problem } from '../../core/errors.js';
import { accessKeyIdFromCsv } from '../../core/iam/access-key-csv.js';
import { onboardingWarnings } from '../../core/onboard-warnings.js';
import { useTask, type TaskState } from '../../ui/use-task.js';
import { useFrame } from '../../ui/frame-context.js';
import { requestFrom, type OnboardState } from './onboard-state.js';

/** What the review says exists already, step by step, and what would stop the run before it starts. */
export interface ReviewFacts {
  groupExists: boolean;
  userExists: boolean;
  /** The access-key CSV is there already: reused if its key is still the user's, refused otherwise. */
  csvExists: boolean;
  /** pk-USER.pem / cert-USER.pem already in the folder. */
  pairOnDisk: string[];
  /** What the run will meet (a limit reached, a saved key IAM no longer has): said before Enter. */
  warnings: string[];
  problem?: Problem;
}

/** Looks, each time the review is shown, so it never says "new" of what is there. */
export function useReviewFacts(state: OnboardState, knownGroups: string[] | undefined): TaskState<ReviewFacts> {
  const { services } = useFrame();
  const [facts, look] = useTask<ReviewFacts>();
  const reviewing = state.step === 'review';
  useEffect(() => {
    if (!reviewing) return;
    const request = requestFrom(state);
    const pair = createdPaths(state.outDir, state.user, false);
    void look('Looking at what exists…', async (signal) => {
      const [users, groups, existing, problem] = await Promise.all([
        services.listUsers(signal),
        knownGroups ?? services.listGroups(signal).then((found) => found.map((group) => group.name)),
        services.existingPaths(
          [request.accessKeyFile ?? '', ...(state.signing === 'create' ? [pair.key, pair.certificate] : [])].filter(
            Boolean,
          ),
        ),
        services.checkOnboarding(request),
      ]);
      const userExists = users.some((user) => user.name === state.user);
      const csvExists = request.accessKeyFile !== undefined && existing.includes(request.accessKeyFile);
      const csvKeyId = csvExists
        ? accessKeyIdFromCsv((await services.readFile(request.accessKeyFile!).catch(() => Buffer.alloc(0))).toString())
        : undefined;
      const [signingCertificates, userKeys] = userExists
        ? await Promise.all([
            state.signing === 'skip' ? [] : services.listSigningCertificates(state.user, signal),
            csvKeyId ? services.listAccessKeys(state.user, signal) : [],
          ])
        : [[], []];
      return {
        groupExists: groups.includes(state.group),
        userExists,
        csvExists,
        pairOnDisk: existing.filter((path) => path !== request.accessKeyFile),
        warnings: onboardingWarnings({
          user: state.user,
          userExists,
          signing: state.signing,
          signingCertificates: signingCertificates.length,
          accessKeyFile: request.accessKeyFile,
          csvKeyId,
          userKeys: userKeys.map((key) => key.accessKeyId),
        }),
        ...(problem ? { problem } : {}),
      };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- looked up when the answers change
  }, [reviewing]);
  return facts;
}
