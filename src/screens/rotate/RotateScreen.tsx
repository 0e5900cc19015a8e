import { useMomentOf } from '../../ui/use-moment-of.js';
import { fixInApp } from '../../core/errors.js';
import React, { useMemo } from 'react';
import { Box } from 'ink';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import { nothingLeft, retirement, STEP_MARKS, type RotationStep } from '../../core/rotation/steps.js';
import { Hanging } from '../../ui/Hanging.js';
import { Text } from '../../ui/safe-text.js';
import { Toned } from '../../ui/Toned.js';
import { useFrame } from '../../ui/frame-context.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useNavigation } from '../routes.js';
import { useMeasuredHeight } from '../../ui/use-measured-height.js';
import type { Tone } from '../../ui/theme.js';
import { ConfirmByTyping } from '../../widgets/ConfirmByTyping.js';
import { expiresCell } from '../../widgets/expires-cell.js';
import { ListView, type Column } from '../../widgets/list/ListView.js';
import { useList } from '../../widgets/list/use-list.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { TextField } from '../../widgets/TextField.js';
import { FILE_FIELDS, type FileField } from './rotate-state.js';
import { useRotation } from './use-rotation.js';
import { confirmDetails, planLines } from './plan-lines.js';
import { ScrollingReport } from '../../widgets/report/ScrollingReport.js';
import { PATH_FIELDS } from '../../ui/use-path-completion.js';
import { windowStart } from '../../widgets/list/window.js';

const FIELD_LABELS: Record<FileField, string> = {
  certificate: 'Certificate  ',
  privateKey: 'Private key  ',
  chain: 'Chain (if CA)',
  name: 'Name in IAM  ',
};
const FIELD_HINTS: Record<Exclude<FileField, 'name'>, string> = {
  certificate: 'The renewed certificate (PEM); a PFX or DER? Inspect → Prepare makes the PEM files',
  privateKey: 'Its unencrypted PEM key; IAM never gives it back',
  chain: 'Intermediates, issuer first; leave empty for a self-signed certificate',
};

const SHAPE = {
  key: (row: ServerCertificateRow) => row.name,
  text: (row: ServerCertificateRow) => `${row.name} ${row.path}`,
};

const STEP_TONE: Record<RotationStep['status'], Tone | undefined> = {
  pending: 'muted',
  running: undefined,
  done: 'ok',
  already: 'ok',
  skipped: 'muted',
  failed: 'danger',
};

/** The steps in view: those around the first one not finished, with a line for each side left out. */
export function stepWindow(
  steps: RotationStep[],
  room: number,
): { shown: RotationStep[]; above: number; below: number } {
  if (steps.length <= room) return { shown: steps, above: 0, below: 0 };
  const focus = Math.max(
    0,
    steps.findIndex((step) => step.status === 'pending' || step.status === 'running' || step.status === 'failed'),
  );
  const start = windowStart(focus, steps.length, room, 1);
  return { shown: steps.slice(start, start + room), above: start, below: steps.length - start - room };
}

function Steps({ steps }: { steps: RotationStep[] }): React.JSX.Element {
  const { rows } = useFrame();
  // The header, the title, the spinner or the result, and the footer take the rest; a step may wrap.
  const { shown, above, below } = stepWindow(steps, Math.max(3, Math.floor((rows - 9) / 2)));
  return (
    <Box flexDirection="column">
      {above > 0 ? <Toned tone="muted">{`  … ${above} done above`}</Toned> : null}
      {shown.map((step) => (
        <Box key={step.id} flexDirection="column">
          <Hanging prefix={`${STEP_MARKS[step.status]} `} tone={STEP_TONE[step.status]}>
            {`${step.label}${step.status === 'already' ? ' (already done)' : ''}`}
          </Hanging>
          {step.detail && !step.problem ? (
            <Hanging prefix="    " tone="muted">
              {step.detail}
            </Hanging>
          ) : null}
          {step.problem ? (
            <Hanging prefix="    " tone="danger">{`${step.problem.message} Fix: ${fixInApp(step.problem)}`}</Hanging>
          ) : null}
        </Box>
      ))}
      {below > 0 ? <Toned tone="muted">{`  … ${below} more below`}</Toned> : null}
    </Box>
  );
}

/** The certificates to rotate to: the name tells them apart; the path and expiry come next. */
function pickColumns(now: Date): Array<Column<ServerCertificateRow>> {
  return [
    { title: 'NAME', min: 12, priority: 0, cut: 'middle', cell: (row) => row.name },
    { title: 'PATH', min: 6, priority: 2, cell: (row) => row.path },
    {
      title: 'EXPIRES',
      min: 11,
      priority: 1,
      cell: (row) => expiresCell(row, now).text,
      narrow: (row) => expiresCell(row, now).narrow,
      tone: (row) => expiresCell(row, now).tone,
    },
  ];
}

function usePickList({ rows, loading }: { rows: ServerCertificateRow[]; loading: boolean }) {
  const [box, height] = useMeasuredHeight();
  const now = useMomentOf(rows);
  const cells = useMemo(() => pickColumns(now), [now]);
  const list = useList({ rows, pageSize: height ?? 1, columns: cells, ...SHAPE });
  const { columns } = useFrame();

  return {
    list,
    view: (
      <Box ref={box} flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden">
        {height !== undefined ? (
          <ListView
            list={list}
            columns={cells}
            width={columns - 2}
            height={height}
            total={rows.length}
            empty={loading ? undefined : 'No other server certificate in IAM: press f to rotate to files.'}
          />
        ) : null}
      </Box>
    ),
  };
}

export function RotateScreen({ name }: { name: string }): React.JSX.Element {
  const navigation = useNavigation();
  const { identity } = useFrame();
  const { state, dispatch, candidates, rows, stop, suggestedName } = useRotation(name);
  const picker = usePickList({ rows, loading: candidates.status !== 'done' });
  const current = picker.list.current;
  const where = identity.state === 'ready' ? describeIdentity(identity.identity) : 'the current account';
  const step = state.step;
  const filesReady =
    state.step === 'files' && state.values.certificate.trim() !== '' && state.values.privateKey.trim() !== '';

  const submitFiles = () => {
    if (state.step !== 'files') return;
    if (!filesReady)
      return dispatch({
        type: 'refuse',
        why: 'Give the certificate and its private key first (the chain and the name may stay empty).',
      });
    dispatch({ type: 'choose', target: { kind: 'files', ...state.values } });
  };

  const onPathField = PATH_FIELDS.has(FILE_FIELDS[state.step === 'files' ? state.field : -1] ?? '');
  useScreenKeymap(
    [
      {
        keys: ['enter'],
        label: 'rotate to this one',
        when: step === 'pick' && current !== undefined,
        run: () => current && dispatch({ type: 'choose', target: { kind: 'existing', name: current.name } }),
      },
      {
        keys: ['f'],
        label: 'rotate to files (uploaded first)',
        when: step === 'pick' && !picker.list.state.filtering,
        run: () => dispatch({ type: 'from-files' }),
      },
      ...(step === 'pick' ? picker.list.bindings : []),
      {
        // A file field's Tab completes the path; ↓ still moves on.
        keys: onPathField ? ['down'] : ['down', 'tab'],
        display: onPathField ? '↓' : '↓/tab',
        label: 'next field',
        when: state.step === 'files' && state.field < FILE_FIELDS.length - 1,
        run: () => state.step === 'files' && dispatch({ type: 'file-field', to: state.field + 1 }),
      },
      {
        keys: ['up', 'shift-tab'],
        display: '↑/shift-tab',
        label: 'previous field',
        when: state.step === 'files' && state.field > 0,
        run: () => state.step === 'files' && dispatch({ type: 'file-field', to: state.field - 1 }),
      },
      {
        keys: ['enter'],
        label:
          state.step === 'plan' && nothingLeft(state.plan)
            ? 'back to the inventory'
            : state.step === 'plan' && !state.plan.ready
              ? 'why not'
              : 'rotate (type the name to confirm)',
        when: step === 'plan',
        run: () => {
          if (state.step !== 'plan') return;
          if (nothingLeft(state.plan)) return navigation.pop();
          if (!state.plan.ready)
            return dispatch({
              type: 'refuse',
              why: 'Not rotated: fix the ✗ at the top of the plan first, or pick another certificate (esc).',
            });
          dispatch({ type: 'confirm' });
        },
      },
      {
        keys: ['m'],
        label: 'retire: rename, delete or keep',
        when: (state.step === 'plan' && !nothingLeft(state.plan)) || (state.step === 'finished' && !state.result.ok),
        run: () => dispatch({ type: 'next-retire', now: new Date() }),
      },
      {
        keys: ['esc'],
        label: 'stop after this step',
        when: step === 'running' && !(state.step === 'running' && state.stopping),
        run: stop,
      },
      {
        keys: ['r'],
        label: 'resume: look again and finish the job',
        when: (step === 'finished' && state.step === 'finished' && !state.result.ok) || step === 'plan-failed',
        run: () => dispatch({ type: 'resume' }),
      },
      {
        keys: ['enter'],
        label: 'back to the inventory',
        when: step === 'finished' && state.step === 'finished' && state.result.ok,
        run: navigation.pop,
      },
      {
        keys: ['esc'],
        label: 'pick another',
        when: step === 'files' || step === 'plan' || step === 'plan-failed',
        run: () => dispatch({ type: 'back' }),
      },
    ],
    {
      help: [
        'Rotation puts the new certificate everywhere the old one is served (load balancers in every region, CloudFront), checks that nothing serves the old one, then renames or deletes it.',
        'Each step can be repeated: after a failure or an interruption, r looks again and finishes what is left.',
      ],
    },
  );

  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      <Text bold>Rotate {name}</Text>
      {step === 'pick' ? (
        <>
          <Toned tone="muted">Pick the certificate that takes over (latest expiry first), or f for files.</Toned>
          {candidates.status === 'running' ? <Spinner label={candidates.label} /> : null}
          <ProblemLine problem={candidates.status === 'failed' ? candidates.problem : undefined} />
        </>
      ) : null}
      {step === 'pick' ? picker.view : null}
      {state.step === 'files' ? (
        <Box flexDirection="column">
          {FILE_FIELDS.map((field, index) => (
            <TextField
              key={field}
              label={FIELD_LABELS[field]}
              completePath={PATH_FIELDS.has(field)}
              onTabPast={() => dispatch({ type: 'file-field', to: index + 1 })}
              value={state.values[field]}
              focus={state.field === index}
              hint={
                field === 'name'
                  ? `Leave empty: ${suggestedName ?? `${name} with the new expiry date (as ${name}-YYYYMMDD)`}`
                  : FIELD_HINTS[field]
              }
              onChange={(value) => dispatch({ type: 'file-edit', field, value })}
              onSubmit={() =>
                index < FILE_FIELDS.length - 1 ? dispatch({ type: 'file-field', to: index + 1 }) : submitFiles()
              }
              submitLabel={index < FILE_FIELDS.length - 1 ? 'next field' : 'see the plan'}
            />
          ))}
          {state.refused ? <Toned tone="warning">{state.refused}</Toned> : null}
        </Box>
      ) : null}
      {state.step === 'planning' ? (
        <Spinner label={`Looking at what serves ${name} in every region and CloudFront…`} />
      ) : null}
      {state.step === 'plan-failed' ? <ProblemLine problem={state.problem} /> : null}
      {state.step === 'plan' ? <ScrollingReport lines={planLines(state.plan)} /> : null}
      {state.step === 'plan' && state.refused ? <Toned tone="warning">{state.refused}</Toned> : null}
      {state.step === 'confirm' ? (
        <ConfirmByTyping
          action={`Rotate ${name} → ${state.plan.incoming.name}: move ${state.plan.swaps.length} consumer${state.plan.swaps.length === 1 ? '' : 's'}, then ${retirement(state.plan)}`}
          details={confirmDetails(state.plan)}
          where={where}
          expected={name}
          onCancel={() => dispatch({ type: 'cancel' })}
          onConfirm={() => dispatch({ type: 'start' })}
        />
      ) : null}
      {state.step === 'running' || state.step === 'finished' ? (
        <Steps steps={state.step === 'running' ? state.steps : state.result.steps} />
      ) : null}
      {state.step === 'running' ? (
        <Spinner
          label={state.stopping ? 'Stopping after this call…' : `Rotating ${name} → ${state.plan.incoming.name}…`}
        />
      ) : null}
      {state.step === 'finished' && state.result.ok ? (
        <Hanging prefix="✓ " tone="ok">
          {`Rotated: everything that served ${name} now serves ${state.plan.incoming.name}.`}
        </Hanging>
      ) : null}
      {state.step === 'finished' && !state.result.ok ? (
        <>
          <ProblemLine problem={state.result.problem} />
          <Toned tone="muted">{`What is done stays done: r looks again and finishes the rest, then ${retirement(state.plan)} (m changes this).`}</Toned>
        </>
      ) : null}
    </Box>
  );
}
