import { useEffect, useRef, useState } from 'react';
import type { AcmImportCheck } from '../../core/acm/import-check.js';
import type { AcmImportResult } from '../../core/acm/import.js';
import { parseAcmArn } from '../../core/acm/arn.js';
import { expandHome } from '../../core/files/path-completion.js';
import { toProblem, type Problem } from '../../core/errors.js';
import { useFrame } from '../../ui/frame-context.js';
import { useTask } from '../../ui/use-task.js';

export const ACM_FIELDS = ['certificate', 'privateKey', 'chain', 'region', 'arn'] as const;
export type AcmFieldName = (typeof ACM_FIELDS)[number];

export interface AcmImportPrefill {
  certificate?: string;
  privateKey?: string;
  chain?: string;
  arn?: string;
}

/**
 * The ACM import form: the values, ACM's rules run on what they name as they change (and the re-import rules against
 * what ACM holds, when an ARN is given), and an Enter that waits for those checks.
 */
export function useAcmImport(prefill: AcmImportPrefill) {
  const { services, identity } = useFrame();
  const profileRegion = identity.state === 'ready' ? identity.identity.region : 'us-east-1';
  const [values, setValues] = useState<Record<AcmFieldName, string>>({
    certificate: prefill.certificate ?? '',
    privateKey: prefill.privateKey ?? '',
    chain: prefill.chain ?? '',
    region: prefill.arn ? regionOf(prefill.arn) : profileRegion,
    arn: prefill.arn ?? '',
  });
  const [field, setField] = useState(0);
  const [checked, setChecked] = useState<
    { result?: AcmImportCheck; problem?: Problem; values: Record<AcmFieldName, string> } | undefined
  >();
  const [waiting, setWaiting] = useState<'queued' | 'refused' | 'confirm' | undefined>();
  const [imported, runImport] = useTask<AcmImportResult>();

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      if (!values.certificate.trim() || !values.privateKey.trim()) {
        setChecked({ values });
        return;
      }
      void (async () => {
        try {
          const read = (path: string) => services.readFile(expandHome(path.trim()));
          const files = [
            { name: values.certificate.trim(), bytes: await read(values.certificate) },
            { name: values.privateKey.trim(), bytes: await read(values.privateKey) },
            ...(values.chain.trim() ? [{ name: values.chain.trim(), bytes: await read(values.chain) }] : []),
          ];
          const result = await services.checkAcmImport(files, {
            region: values.region.trim(),
            ...(values.arn.trim() ? { arn: values.arn.trim() } : {}),
            signal: controller.signal,
          });
          if (!controller.signal.aborted) setChecked({ result, values });
        } catch (error) {
          if (!controller.signal.aborted) setChecked({ problem: toProblem(error), values });
        }
      })();
    }, 150);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [values, services]);

  const checking = checked?.values !== values;
  const ready = !checking && checked?.result?.ok === true;
  const latest = useRef({ ready, checking, values, check: checked?.result });
  latest.current = { ready, checking, values, check: checked?.result };

  const start = () => {
    const { values: current, check } = latest.current;
    if (!check) return;
    setWaiting(undefined);
    void runImport(current.arn.trim() ? 'Re-importing into ACM…' : 'Importing into ACM…', (signal) =>
      services.importToAcm(
        {
          certificatePem: check.prepared.certificatePem,
          privateKeyPem: check.prepared.privateKeyPem,
          ...(check.prepared.chainPem ? { chainPem: check.prepared.chainPem } : {}),
          certificate: check.prepared.certificate,
          region: current.arn.trim() ? regionOf(current.arn.trim()) : current.region.trim(),
          ...(current.arn.trim() ? { arn: current.arn.trim() } : {}),
        },
        signal,
      ),
    );
  };
  /** Enter on the last field: waits for the checks; a re-import asks to be confirmed first. */
  const submit = () => {
    const { ready: isReady, checking: isChecking, values: current } = latest.current;
    if (isChecking) return setWaiting('queued');
    if (!isReady) return setWaiting('refused');
    if (current.arn.trim()) return setWaiting('confirm');
    start();
  };
  useEffect(() => {
    if (waiting === 'queued' && !checking) submit();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on the queue or the checks only
  }, [waiting, checking]);
  return { values, setValues, field, setField, checked, checking, ready, waiting, setWaiting, imported, submit, start };
}

function regionOf(arn: string): string {
  try {
    return parseAcmArn(arn).region;
  } catch {
    return '';
  }
}
