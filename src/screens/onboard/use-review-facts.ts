import { useEffect } from 'react';
import { createdPaths } from '../../core/crypto/created-files.js';
import type { Problem } from '../../core/errors.js';
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
      return {
        groupExists: groups.includes(state.group),
        userExists: users.some((user) => user.name === state.user),
        csvExists: request.accessKeyFile !== undefined && existing.includes(request.accessKeyFile),
        pairOnDisk: existing.filter((path) => path !== request.accessKeyFile),
        ...(problem ? { problem } : {}),
      };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- looked up when the answers change
  }, [reviewing]);
  return facts;
}
