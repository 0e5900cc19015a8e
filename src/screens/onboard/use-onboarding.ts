import { useEffect, useMemo, useReducer, useState } from 'react';
import { matchingPolicies, type ManagedPolicy } from '../../core/iam/managed-policies.js';
import type { NamedEntity } from '../../core/iam/users-and-groups.js';
import { useFrame } from '../../ui/frame-context.js';
import { useTask } from '../../ui/use-task.js';
import { initialOnboardState, onboardReducer, requestFrom, type OnboardState } from './onboard-state.js';
import { useReviewFacts } from './use-review-facts.js';

/** The onboarding wizard's effects: groups and policies listed, the review's look at what exists, and the run. */
export function useOnboarding() {
  const { services } = useFrame();
  const [state, dispatch] = useReducer(onboardReducer, undefined, initialOnboardState);
  const [groups, loadGroups] = useTask<NamedEntity[]>();
  const [policies, loadPolicies] = useTask<ManagedPolicy[]>();
  /** Listed when the user step is first shown, so the field says as it is typed whether the user exists. */
  const [users, loadUsers] = useTask<NamedEntity[]>();
  /** Enter on the review while it is still looking: the run starts when the look is done, unless it found a problem. */
  const [startQueued, setStartQueued] = useState(false);
  const facts = useReviewFacts(state, groups.status === 'done' ? groups.value.map((group) => group.name) : undefined);

  useEffect(() => {
    void loadGroups('Listing groups…', (signal) => services.listGroups(signal));
  }, [loadGroups, services]);
  // Listed once, then searched here as the user types; after a failure, the next keystroke tries again.
  useEffect(() => {
    if (state.step !== 'policies' || policies.status === 'done' || policies.status === 'running') return undefined;
    const timer = setTimeout(
      () => void loadPolicies('Listing AWS-managed policies…', (signal) => services.listManagedPolicies(signal)),
      200,
    );
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new step or listing state only
  }, [state.step, state.policySearch, loadPolicies, services]);

  useEffect(() => {
    if (state.step === 'user' && users.status === 'idle')
      void loadUsers('Listing users…', (signal) => services.listUsers(signal));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the step is first shown
  }, [state.step]);

  const run = async (current: OnboardState) => {
    dispatch({ type: 'started' });
    const result = await services.runOnboarding(requestFrom(current), {
      onStep: (step) => dispatch({ type: 'progress', step }),
    });
    dispatch({ type: 'finished', result });
  };

  /** Enter on the review: starts now, or as soon as the look at what exists is done (and found nothing in the way). */
  const start = () => {
    if (facts.status === 'done' && !facts.value.problem) void run(state);
    else setStartQueued(true);
  };
  useEffect(() => {
    if (!startQueued || facts.status === 'running' || facts.status === 'idle') return;
    setStartQueued(false);
    if (facts.status === 'done' && !facts.value.problem) void run(state);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on the queued start or new facts only
  }, [startQueued, facts.status]);

  const policyList = useMemo(
    () => (policies.status === 'done' ? matchingPolicies(policies.value, state.policySearch) : []),
    [policies, state.policySearch],
  );
  return {
    state,
    dispatch,
    groups,
    policies,
    users,
    policyList,
    facts,
    start,
    resume: () => void run(state),
    startQueued,
  };
}
