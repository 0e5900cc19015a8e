import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { defaultIncomingName } from '../../core/rotation/names.js';
import { toProblem } from '../../core/errors.js';
import { expandHome } from '../../core/files/path-completion.js';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';
import type { RotationRequest, RotationTarget } from '../../core/rotation/plan-types.js';
import { useFrame } from '../../ui/frame-context.js';
import { useTask } from '../../ui/use-task.js';
import { initialRotateState, rotateReducer, type RotateTarget } from './rotate-state.js';

const byLatestExpiry = (a: ServerCertificateRow, b: ServerCertificateRow) =>
  (b.expiration ?? '').localeCompare(a.expiration ?? '') || a.name.localeCompare(b.name);

/** The rotation's effects: the candidates, the plan for what was picked, and the run with its live steps. */
export function useRotation(old: string) {
  const { services, identity } = useFrame();
  const [state, dispatch] = useReducer(rotateReducer, initialRotateState);
  const [candidates, listCandidates] = useTask<ServerCertificateRow[]>();
  useEffect(() => {
    // The likeliest renewal first: the one that expires last.
    void listCandidates('Listing server certificates…', async (signal) =>
      (await services.listServerCertificates(signal)).filter((row) => row.name !== old).sort(byLatestExpiry),
    );
  }, [listCandidates, services, old]);

  const account = identity.state === 'ready' ? (identity.identity.account ?? 'unknown') : 'unknown';
  /** The planning or the run under way, for Esc; each effect aborts its own when it ends or the screen goes. */
  const controller = useRef<AbortController | undefined>(undefined);
  /** The request the plan was made for, files read once: the run uses the very same bytes. */
  const request = useRef<RotationRequest | undefined>(undefined);

  const toTarget = useCallback(
    async (target: RotateTarget): Promise<RotationTarget> => {
      if (target.kind === 'existing') return target;
      const read = (path: string) => services.readFile(expandHome(path.trim()));
      return {
        kind: 'files',
        ...(target.name.trim() ? { name: target.name.trim() } : {}),
        certificate: await read(target.certificate),
        privateKey: await read(target.privateKey),
        ...(target.chain.trim() ? { chain: await read(target.chain) } : {}),
      };
    },
    [services],
  );

  // Planning starts whenever the flow enters it: on a pick, and on r after a failure.
  const planning = state.step === 'planning' ? state : undefined;
  useEffect(() => {
    if (!planning) return;
    const current = new AbortController();
    controller.current = current;
    void (async () => {
      try {
        const made: RotationRequest = { old, to: await toTarget(planning.target), retire: planning.retire, account };
        const plan = await services.planRotation(made, current.signal);
        request.current = made;
        if (!current.signal.aborted) dispatch({ type: 'planned', plan });
      } catch (error) {
        if (!current.signal.aborted) dispatch({ type: 'plan-failed', problem: toProblem(error) });
      }
    })();
    return () => current.abort();
  }, [planning, old, account, services, toTarget]);

  // The run starts when the flow enters it (after the typed confirmation, or a resume).
  const running = state.step === 'running' ? state.plan : undefined;
  useEffect(() => {
    if (!running || !request.current) return;
    const current = new AbortController();
    controller.current = current;
    const made = { ...request.current, retire: running.retire.mode };
    void services
      .runRotation(made, running, (steps) => dispatch({ type: 'progress', steps }), current.signal)
      .then(
        (result) => dispatch({ type: 'finished', result }),
        (error: unknown) => dispatch({ type: 'finished', result: { ok: false, steps: [], problem: toProblem(error) } }),
      );
    // Leaving the screen stops the run; what is done stays done, and r (or the headless rotate) finishes it.
    return () => current.abort();
  }, [running, services]);

  // The name the new certificate gets when the name field is left empty: the old one with the new expiry date,
  // worked out from the certificate file as soon as it can be read.
  const [suggestedName, setSuggestedName] = useState<string | undefined>();
  const certificatePath = state.step === 'files' ? state.values.certificate.trim() : '';
  useEffect(() => {
    setSuggestedName(undefined);
    if (!certificatePath) return;
    let current = true;
    void (async () => {
      try {
        const result = await services.readItems(await services.readFile(expandHome(certificatePath)));
        const certificate = result.items.find((item) => item.type === 'certificate');
        if (current && certificate?.type === 'certificate')
          setSuggestedName(defaultIncomingName(old, certificate.notAfter));
      } catch {
        // Not readable yet (still being typed): the hint stays general; the plan says what is wrong.
      }
    })();
    return () => {
      current = false;
    };
  }, [certificatePath, old, services]);

  const stop = () => {
    dispatch({ type: 'stop' });
    controller.current?.abort();
  };
  const rows = useMemo(() => (candidates.status === 'done' ? candidates.value : []), [candidates]);
  return { state, dispatch, candidates, rows, stop, suggestedName };
}
