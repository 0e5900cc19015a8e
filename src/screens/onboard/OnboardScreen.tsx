import React, { useState } from 'react';
import { fixInApp } from '../../core/errors.js';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { STEP_TITLES, type StepId, type StepState } from '../../core/onboard-steps.js';
import type { ManagedPolicy } from '../../core/iam/managed-policies.js';
import type { NamedEntity } from '../../core/iam/users-and-groups.js';
import { Menu } from '../../widgets/Menu.js';
import { PathInput } from '../../widgets/PathInput.js';
import { Spinner } from '../../widgets/Spinner.js';
import { TextField } from '../../widgets/TextField.js';
import { Toned } from '../../ui/Toned.js';
import { Hanging } from '../../ui/Hanging.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useList } from '../../widgets/list/use-list.js';
import { ListView, type Column } from '../../widgets/list/ListView.js';
import type { ListShape } from '../../widgets/list/list-state.js';
import { useOnboarding } from './use-onboarding.js';
import type { ReviewFacts } from './use-review-facts.js';
import { IDENTITY_CENTER_NOTE } from '../../core/onboard-advice.js';
import type { OnboardResult } from '../../core/onboard.js';
import { ScrollingReport } from '../../widgets/report/ScrollingReport.js';
import { summaryLines } from './summary-lines.js';
import type { TaskState } from '../../ui/use-task.js';
import { useFrame } from '../../ui/frame-context.js';
import { useNavigation } from '../routes.js';
import { groupNameProblem, requestFrom, userNameProblem, type OnboardState } from './onboard-state.js';

const NEW_GROUP = '\u0000new';

function StepRow({ step }: { step: StepState }): React.JSX.Element {
  if (step.status === 'running') return <Spinner label={`${step.title}…`} />;
  const [mark, tone] =
    step.status === 'done'
      ? (['✓', 'ok'] as const)
      : step.status === 'reused'
        ? (['✓', 'ok'] as const)
        : step.status === 'failed'
          ? (['✗', 'danger'] as const)
          : step.status === 'skipped'
            ? (['-', 'muted'] as const)
            : (['·', 'muted'] as const);
  return (
    <Box flexDirection="column">
      {/* The detail wraps under itself: it may name a key deleted because an interrupted run lost its secret. */}
      <Box>
        <Box width={2} flexShrink={0}>
          <Toned tone={tone}>{mark}</Toned>
        </Box>
        <Hanging prefix={`${step.title.padEnd(20)} `}>
          {`${step.status === 'reused' ? 'already there: ' : step.status === 'skipped' ? 'skipped: ' : ''}${step.detail ?? ''}`}
        </Hanging>
      </Box>
      {step.problem ? (
        <Hanging prefix="    " tone="danger">
          {step.problem.message} Fix: {fixInApp(step.problem)}
        </Hanging>
      ) : null}
    </Box>
  );
}

function allSteps(progress: StepState[]): StepState[] {
  return (Object.keys(STEP_TITLES) as StepId[]).map(
    (id) => progress.find((step) => step.id === id) ?? { id, title: STEP_TITLES[id], status: 'pending' },
  );
}

const POLICY_SHAPE: ListShape<ManagedPolicy> = { key: (policy) => policy.arn, text: (policy) => policy.name };

/** Said as the name is typed: whether IAM has that user already (reused, its keys and certificates kept). */
function userHint(name: string, users: TaskState<NamedEntity[]>): string {
  const typed = name.trim();
  if (!typed || users.status !== 'done') return 'Letters, digits and + = , . @ _ - ; an existing user is reused';
  return users.value.some((user) => user.name === typed)
    ? `${typed} exists in IAM: it is reused (added to the group; its keys and certificates are kept)`
    : `${typed} is new: it is created`;
}

export function OnboardScreen(): React.JSX.Element {
  const { identity, flash, rows, columns, copy } = useFrame();
  const navigation = useNavigation();
  const { state, dispatch, groups, policies, users, policyList, facts, start, resume, startQueued } = useOnboarding();
  const [revealed, setRevealed] = useState(false);
  const where = identity.state === 'ready' ? describeIdentity(identity.identity) : 'the current account';
  const listHeight = Math.max(3, rows - 12);
  // Under the title and the search field, above the line of what is selected and the footer.
  const policyListHeight = Math.max(4, rows - 9);
  const policyPicker = useList({
    rows: policyList,
    pageSize: policyListHeight - 2,
    filterable: false,
    ...POLICY_SHAPE,
  });
  const pointed = policyPicker.current;
  const result = state.step === 'summary' ? state.result : undefined;
  const editing = !['running', 'summary'].includes(state.step);
  const blocked = facts.status === 'done' && facts.value.problem !== undefined;

  useScreenKeymap(
    [
      {
        keys: ['enter'],
        label: blocked ? 'start (fix the ✗ first)' : 'start',
        when: state.step === 'review',
        run: () =>
          blocked ? flash('Not started: fix the ✗ above first (shift-tab goes back to change it).') : start(),
      },
      // Nothing is done in AWS before the review's Enter: Esc leaves from any step (a field's first Esc leaves the
      // field), and shift-tab goes back a step.
      { keys: ['esc'], label: 'leave onboarding', when: editing, run: navigation.pop },
      {
        keys: ['shift-tab'],
        label: 'previous step',
        when: editing && state.step !== 'group',
        run: () => dispatch({ type: 'back' }),
      },
      {
        keys: ['tab'],
        label: pointed && state.policies.includes(pointed.name) ? 'unselect the policy' : 'select the policy',
        when: state.step === 'policies' && pointed !== undefined,
        run: () => pointed && dispatch({ type: 'toggle-policy', name: pointed.name }),
      },
      ...(state.step === 'policies' ? policyPicker.bindings : []),
      {
        keys: ['tab'],
        label: state.accessKey ? 'no access key' : 'create an access key',
        when: state.step === 'access-key',
        run: () => dispatch({ type: 'toggle-access-key' }),
      },
      // The summary: the secret shown once, on request, and hidden again.
      {
        keys: ['v'],
        label: revealed ? 'hide the secret' : 'reveal the secret',
        when: result?.ok === true && result.accessKey !== undefined,
        run: () => setRevealed(!revealed),
      },
      {
        keys: ['c'],
        label: 'copy the secret',
        when: result?.ok === true && result.accessKey !== undefined,
        run: () => result?.accessKey && copy(result.accessKey.secretAccessKey, 'the secret access key'),
      },
      {
        keys: ['y'],
        label: 'copy the export lines',
        when: (result?.exportLines.length ?? 0) > 0,
        run: () => result && copy(result.exportLines.join('\n'), 'the export lines'),
      },
      { keys: ['r'], label: 'resume from where it stopped', when: result !== undefined && !result.ok, run: resume },
      {
        keys: ['esc'],
        label: 'edit the answers',
        when: result !== undefined && !result.ok,
        run: () => dispatch({ type: 'back' }),
      },
      { keys: ['enter'], label: result?.ok ? 'done' : 'leave', when: result !== undefined, run: navigation.pop },
    ],
    {
      help: [
        'Each step is idempotent: what exists is reused, never duplicated, so a failed run can be resumed.',
        'The access key secret goes only to the CSV (mode 0600) and, if you ask, to this screen once.',
        'Each field edits like a shell line: ctrl-a/e, ctrl-u/k, ctrl-w, home/end.',
      ],
    },
  );

  const policyColumns: Array<Column<ManagedPolicy>> = [
    {
      title: '   ',
      cell: (policy) => (state.policies.includes(policy.name) ? '[x]' : '[ ]'),
      min: 3,
      // Below the name, so the room the names do not need is not given to the mark.
      priority: 1,
      whole: true,
    },
    { title: 'AWS-MANAGED POLICY', cell: (policy) => policy.name, min: 12, priority: 0, cut: 'middle' },
  ];
  const next = () => dispatch({ type: 'next' });
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      {state.step === 'group' ? (
        <Box flexDirection="column">
          <Text bold>1. Group: pick one or create a new one</Text>
          {groups.status === 'running' ? <Spinner label={groups.label} /> : null}
          <ProblemLine problem={groups.status === 'failed' ? groups.problem : undefined} />
          {groups.status === 'done' || groups.status === 'failed' ? (
            <Menu
              focus
              selectLabel="choose"
              limit={listHeight}
              items={[
                { label: 'Create a new group…', value: NEW_GROUP },
                ...(groups.status === 'done'
                  ? groups.value.map((group) => ({ label: group.name, value: group.name }))
                  : []),
              ]}
              onSelect={(item) =>
                dispatch(item.value === NEW_GROUP ? { type: 'new-group' } : { type: 'pick-group', name: item.value })
              }
            />
          ) : null}
        </Box>
      ) : null}
      {state.step === 'new-group' ? (
        <TextField
          label="New group name"
          value={state.group}
          focus
          onChange={(value) => dispatch({ type: 'group-name', value })}
          onSubmit={next}
          submitLabel="next step"
          error={state.group ? groupNameProblem(state.group) : undefined}
          hint="e.g. ec2-operators"
        />
      ) : null}
      {state.step === 'policies' ? (
        <Box flexDirection="column">
          <Text bold>2. AWS-managed policies for "{state.group}" (optional)</Text>
          <TextField
            label="Search"
            value={state.policySearch}
            focus
            onChange={(value) => {
              dispatch({ type: 'policy-search', value });
              policyPicker.dispatch({ type: 'first' });
            }}
            onSubmit={next}
            submitLabel="next step"
          />
          {policies.status === 'running' ? <Spinner label={policies.label} /> : null}
          <ProblemLine problem={policies.status === 'failed' ? policies.problem : undefined} />
          {policies.status === 'done' ? (
            <ListView
              list={policyPicker}
              columns={policyColumns}
              width={columns - 2}
              height={policyListHeight}
              total={policies.value.length}
              empty="IAM listed no AWS-managed policies here; enter continues without any."
              unmatched={`No policy matches "${state.policySearch}" (of ${policies.value.length}).`}
            />
          ) : null}
          <Toned tone="muted">
            {state.policies.length === 0
              ? 'None selected; enter continues without policies.'
              : `Selected: ${state.policies.join(', ')}`}
          </Toned>
        </Box>
      ) : null}
      {state.step === 'user' ? (
        <TextField
          label="3. New user name"
          value={state.user}
          focus
          onChange={(value) => dispatch({ type: 'user', value })}
          onSubmit={next}
          submitLabel="next step"
          error={state.user ? userNameProblem(state.user) : undefined}
          hint={userHint(state.user, users)}
        />
      ) : null}
      {state.step === 'access-key' ? (
        <Box flexDirection="column">
          <Text bold>4. Access key: {state.accessKey ? 'create one' : 'none'} (tab switches)</Text>
          {state.accessKey ? (
            <TextField
              label="Save the CSV to"
              value={state.accessKeyFile}
              focus
              onChange={(value) => dispatch({ type: 'access-key-file', value })}
              onSubmit={next}
              submitLabel="next step"
              hint="Like the console's download: mode 0600. IAM never shows the secret again."
            />
          ) : (
            <TextField
              label="(no access key)"
              value=""
              focus
              onChange={() => undefined}
              onSubmit={next}
              submitLabel="next step"
            />
          )}
        </Box>
      ) : null}
      {state.step === 'signing' ? (
        <Box flexDirection="column">
          <Text bold>5. Signing certificate</Text>
          <Menu
            focus
            items={[
              {
                label: 'Create one (RSA 2048, PKCS#8, 3650 days)',
                value: 'create' as const,
                why: `Writes pk-${state.user}.pem (0600) and cert-${state.user}.pem in ${state.outDir}, uploads the certificate.`,
              },
              {
                label: 'Use a certificate file',
                value: 'file' as const,
                why: 'Uploads an existing PEM certificate (never a key).',
              },
              { label: 'Skip', value: 'skip' as const, why: 'No signing certificate for this user.' },
            ]}
            onSelect={(item) => {
              dispatch({ type: 'signing', value: item.value });
              dispatch({ type: 'next' });
            }}
          />
        </Box>
      ) : null}
      {state.step === 'signing-file' ? (
        <PathInput
          label="Certificate file"
          value={state.signingFile}
          focus
          submitLabel="use this file"
          listRows={Math.max(3, rows - 12)}
          onChange={(value) => dispatch({ type: 'signing-file', value })}
          onSubmit={(path) => {
            dispatch({ type: 'signing-file', value: path });
            dispatch({ type: 'next' });
          }}
        />
      ) : null}
      {state.step === 'review' ? <Review state={state} facts={facts} where={where} startQueued={startQueued} /> : null}
      {state.step === 'running' || state.step === 'summary' ? (
        <Box flexDirection="column">
          <Text bold>
            {state.step === 'running'
              ? `Onboarding ${state.user}…`
              : state.result?.ok
                ? `✓ ${state.user} is onboarded`
                : `✗ Stopped before ${state.user} was fully onboarded`}
          </Text>
          {state.result?.ok ? null : allSteps(state.progress).map((step) => <StepRow key={step.id} step={step} />)}
        </Box>
      ) : null}
      {state.step === 'summary' && state.result?.ok ? <ScrollingReport lines={summaryLines(state, revealed)} /> : null}
      {state.step === 'summary' && state.result && !state.result.ok ? <Stopped result={state.result} /> : null}
    </Box>
  );
}

const said = (exists: boolean) => (exists ? ' (exists: reused)' : ' (new)');

/** One line of the plan: the label in its column, the value wrapping under itself. */
function ReviewRow({ label, value }: { label: string; value: string }): React.JSX.Element {
  return (
    <Box paddingLeft={2}>
      <Box width={13} flexShrink={0}>
        <Text>{label}</Text>
      </Box>
      <Text wrap="wrap">{value}</Text>
    </Box>
  );
}

/** The plan, with what exists already said per step, and anything that would stop the run before it starts. */
function Review({
  state,
  facts,
  where,
  startQueued,
}: {
  state: OnboardState;
  facts: TaskState<ReviewFacts>;
  where: string;
  startQueued: boolean;
}): React.JSX.Element {
  const known = facts.status === 'done' ? facts.value : undefined;
  const request = requestFrom(state);
  return (
    <Box flexDirection="column">
      <Text bold>Ready to onboard in {where}:</Text>
      <ReviewRow label="group" value={`${state.group}${known ? said(known.groupExists) : ''}`} />
      <ReviewRow label="policies" value={state.policies.join(', ') || '(none)'} />
      <ReviewRow label="user" value={`${state.user}${known ? said(known.userExists) : ''}`} />
      <ReviewRow
        label="access key"
        value={
          request.accessKeyFile
            ? `saved to ${request.accessKeyFile}${known?.csvExists ? " (that file exists: reused if its key is still the user's)" : ''}`
            : '(none)'
        }
      />
      <ReviewRow
        label="signing cert"
        value={
          state.signing === 'create'
            ? `new, in ${state.outDir}${known && known.pairOnDisk.length > 0 ? ` (${known.pairOnDisk.map((path) => path.split('/').pop()).join(' and ')} exist: reused or completed)` : ''}`
            : state.signing === 'file'
              ? state.signingFile
              : '(none)'
        }
      />
      <Text> </Text>
      {known && !known.userExists ? (
        <Toned tone="muted" wrap="wrap">
          {IDENTITY_CENTER_NOTE}
        </Toned>
      ) : null}
      {known?.warnings.map((warning) => (
        <Hanging key={warning} prefix="! " tone="warning">
          {warning}
        </Hanging>
      ))}
      {facts.status === 'running' ? (
        <Spinner label={startQueued ? 'Looking at what exists… the run starts right after.' : facts.label} />
      ) : null}
      <ProblemLine problem={known?.problem ?? (facts.status === 'failed' ? facts.problem : undefined)} />
      {known?.problem ? (
        <Text>Enter will not start until this is fixed: shift-tab goes back to change it.</Text>
      ) : (
        <Text>Enter starts; shift-tab goes back to change something, esc leaves.</Text>
      )}
    </Box>
  );
}

/** A run that stopped: what exists is marked above, and r resumes. */
function Stopped({ result }: { result: OnboardResult }): React.JSX.Element {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>What exists now is marked ✓ above; nothing was duplicated. Press r to resume from where it stopped.</Text>
      {result.accessKeyFile && result.steps.find((step) => step.id === 'access-key')?.status === 'done' ? (
        <Hanging prefix="">{`The access key is saved in ${result.accessKeyFile}.`}</Hanging>
      ) : null}
    </Box>
  );
}
