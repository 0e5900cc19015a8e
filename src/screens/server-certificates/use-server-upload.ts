import { useEffect, useRef, useState } from 'react';
import type { PreflightReport } from '../../core/preflight/server-certificate.js';
import type { UploadResult } from '../../core/iam/server-certificates.js';
import { expandHome } from '../../core/files/path-completion.js';
import { useTask } from '../../ui/use-task.js';
import { useFrame } from '../../ui/frame-context.js';
import { toProblem, type Problem } from '../../core/errors.js';
import { withReadProblems } from '../../core/preflight/read-problems.js';
import { nameTakenFinding } from '../../core/preflight/name-taken.js';
import type { ServerCertificateRow } from '../../core/iam/server-certificate-list.js';

export const FIELDS = ['name', 'path', 'certificate', 'privateKey', 'chain'] as const;
export type FieldName = (typeof FIELDS)[number];

/**
 * The upload form's state and effects: the values, the live preflight of what they name, and an Enter that waits for
 * it.
 */
export function useServerUpload(prefill: { certificate?: string; privateKey?: string; chain?: string }) {
  const { services } = useFrame();
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: '',
    path: '/',
    certificate: prefill.certificate ?? '',
    privateKey: prefill.privateKey ?? '',
    chain: prefill.chain ?? '',
  });
  const [field, setField] = useState(0);
  const [checked, setChecked] = useState<{ report: PreflightReport; values: Record<FieldName, string> } | undefined>();
  // The names IAM holds, read once: a name in use is refused at the field. Unknown (offline, denied) checks nothing
  // here, and IAM still refuses a duplicate.
  const [held, setHeld] = useState<ServerCertificateRow[] | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    services.listServerCertificates(controller.signal).then(
      (rows) => !controller.signal.aborted && setHeld(rows),
      () => undefined,
    );
    return () => controller.abort();
  }, [services]);
  const taken = held && checked?.values.name ? nameTakenFinding(checked.values.name, held) : undefined;
  const report =
    checked && taken
      ? { ...checked.report, ok: false, findings: [taken, ...checked.report.findings] }
      : checked?.report;
  /** Enter pressed while the checks of the latest values still run: the upload waits for them, and says so. */
  const [waiting, setWaiting] = useState<'queued' | 'refused' | undefined>();
  const [upload, runUpload] = useTask<UploadResult>();

  // The live preflight: re-run whenever an input changes, so each rule turns green as files are picked.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const problems: Partial<Record<'certificate' | 'privateKey' | 'chain', Problem>> = {};
      const read = (field: 'certificate' | 'privateKey' | 'chain') => {
        const path = values[field].trim();
        if (!path) return Promise.resolve(Buffer.alloc(0));
        return services.readFile(expandHome(path)).catch((error: unknown) => {
          problems[field] = toProblem(error);
          return Buffer.alloc(0);
        });
      };
      void Promise.all([read('certificate'), read('privateKey'), read('chain')]).then(
        async ([certificate, privateKey, chain]) => {
          const found = withReadProblems(
            await services.preflight({
              certificate,
              privateKey,
              chain: chain.length > 0 ? chain : undefined,
              name: values.name || undefined,
              path: values.path || undefined,
            }),
            problems,
          );
          if (!controller.signal.aborted) setChecked({ report: found, values });
        },
      );
    }, 150);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [values, services]);

  const given = {
    certificate: values.certificate.trim() !== '',
    privateKey: values.privateKey.trim() !== '',
    name: values.name !== '',
    path: values.path !== '',
  };
  const checking = checked?.values !== values;
  const ready = !checking && report?.ok === true && given.name && given.certificate && given.privateKey;

  // Read at key time: Enter pressed the instant the checklist turns green must not hit a stale "not ready".
  const latest = useRef({ ready, checking, values });
  latest.current = { ready, checking, values };
  const submit = () => {
    const { ready: isReady, checking: isChecking, values: current } = latest.current;
    if (isChecking) {
      setWaiting('queued');
      return;
    }
    if (!isReady) {
      setWaiting('refused');
      return;
    }
    setWaiting(undefined);
    void runUpload(`Uploading ${current.name}…`, async (signal) =>
      services.uploadServerCertificate(
        {
          name: current.name,
          path: current.path || undefined,
          certificate: await services.readFile(expandHome(current.certificate.trim())),
          privateKey: await services.readFile(expandHome(current.privateKey.trim())),
          chain: current.chain.trim() ? await services.readFile(expandHome(current.chain.trim())) : undefined,
        },
        signal,
      ),
    );
  };

  // A queued Enter runs as soon as the checks of what was typed are in.
  useEffect(() => {
    if (waiting === 'queued' && !checking) submit();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on the queue or the checks only
  }, [waiting, checking]);

  /** Enter would be refused: the checks are done and something is missing or marked ✗. */
  const blocked = !checking && !ready;
  return { values, setValues, field, setField, report, waiting, setWaiting, upload, given, ready, blocked, submit };
}
