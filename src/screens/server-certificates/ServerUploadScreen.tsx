import React, { useEffect, useRef, useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../tui/safe-text.js';
import type { PreflightReport } from '../../core/preflight/server-certificate.js';
import { KEY_NOT_READABLE } from '../../core/iam/notices.js';
import type { UploadResult } from '../../core/iam/server-certificates.js';
import { expandHome } from '../../core/files/path-completion.js';
import { PreflightChecklist } from '../../components/PreflightChecklist.js';
import { ProblemLine } from '../../components/ProblemLine.js';
import { Spinner } from '../../components/Spinner.js';
import { TextField } from '../../components/TextField.js';
import { Toned } from '../../components/Toned.js';
import { useScreenKeys } from '../../components/use-screen-keys.js';
import { useTask } from '../../components/use-task.js';
import { useFrame } from '../../tui/frame-context.js';
import { useNavigation } from '../../tui/navigation.js';

const FIELDS = ['name', 'path', 'certificate', 'privateKey', 'chain'] as const;
type FieldName = (typeof FIELDS)[number];

const LABELS: Record<FieldName, string> = {
  name: 'Name           ',
  path: 'Path           ',
  certificate: 'Certificate    ',
  privateKey: 'Private key    ',
  chain: 'Chain (if CA)  ',
};

const HINTS: Record<FieldName, string> = {
  name: 'Letters, digits and + = , . @ _ - ; e.g. www-example-2026',
  path: '"/" by default; CloudFront needs /cloudfront/ (e.g. /cloudfront/prod/)',
  certificate: 'PEM file with BEGIN CERTIFICATE; a PFX or DER? Use Inspect → Prepare first',
  privateKey: 'Unencrypted PEM key; IAM never gives it back, keep your copy',
  chain: 'Intermediates, issuer first; leave empty for a self-signed certificate',
};

export function ServerUploadScreen({ prefill }: { prefill: { certificate?: string; privateKey?: string; chain?: string } }): React.JSX.Element {
  const { services } = useFrame();
  const navigation = useNavigation();
  const [values, setValues] = useState<Record<FieldName, string>>({ name: '', path: '/', certificate: prefill.certificate ?? '', privateKey: prefill.privateKey ?? '', chain: prefill.chain ?? '' });
  const [field, setField] = useState(0);
  const [report, setReport] = useState<PreflightReport | undefined>();
  const [upload, runUpload] = useTask<UploadResult>();

  // The live preflight: re-run whenever an input changes, so each rule turns green as files are picked.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const read = (path: string) => (path.trim() ? services.readFile(expandHome(path.trim())).catch(() => Buffer.alloc(0)) : Promise.resolve(Buffer.alloc(0)));
      void Promise.all([read(values.certificate), read(values.privateKey), read(values.chain)]).then(async ([certificate, privateKey, chain]) => {
        const found = await services.preflight({ certificate, privateKey, chain: chain.length > 0 ? chain : undefined, name: values.name || undefined, path: values.path || undefined });
        if (!controller.signal.aborted) setReport(found);
      });
    }, 150);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [values, services]);

  const given = { certificate: values.certificate.trim() !== '', privateKey: values.privateKey.trim() !== '', name: values.name !== '', path: values.path !== '' };
  const ready = report?.ok === true && given.name && given.certificate && given.privateKey;

  // Read at key time: Enter pressed the instant the checklist turns green must not hit a stale "not ready".
  const latest = useRef({ ready, values });
  latest.current = { ready, values };
  const submit = () => {
    const { ready: isReady, values: current } = latest.current;
    if (!isReady) return;
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

  const done = upload.status === 'done';
  const active = useScreenKeys({
    typing: !done,
    hints: done ? [['enter', 'back to the list'], ['esc', 'back']] : [['↑/↓', 'field'], ['enter', field === FIELDS.length - 1 ? 'upload' : 'next'], ['ctrl-u', 'upload'], ['esc', 'back']],
    help: ['The preflight runs as you type: nothing is sent while any rule fails.', 'Text outside the PEM blocks is stripped before upload.'],
    onKey: (input, key) => {
      if (upload.status === 'running') return true;
      if (done) {
        if (key.return || key.escape) navigation.pop();
        return true;
      }
      if (key.escape) {
        navigation.pop();
        return true;
      }
      if (key.upArrow) setField(Math.max(0, field - 1));
      else if (key.downArrow || key.tab) setField(Math.min(FIELDS.length - 1, field + 1));
      else if (key.ctrl && input === 'u') submit();
      else return false;
      return true;
    },
  });

  if (done) {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Toned tone="ok">✓ Uploaded {upload.value.row.name}</Toned>
        <Text>  ARN  {upload.value.row.arn}</Text>
        <Text>  ID   {upload.value.row.id}</Text>
        <Toned tone="muted">{KEY_NOT_READABLE}</Toned>
      </Box>
    );
  }

  return (
    <Box flexDirection="column" paddingX={1}>
      {FIELDS.map((name, index) => (
        <TextField
          key={name}
          label={LABELS[name]}
          value={values[name]}
          focus={active && field === index}
          hint={HINTS[name]}
          onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
          onSubmit={() => (index < FIELDS.length - 1 ? setField(index + 1) : submit())}
        />
      ))}
      <Text> </Text>
      <PreflightChecklist report={report} given={given} />
      {upload.status === 'running' ? <Spinner label={upload.label} /> : null}
      <ProblemLine problem={upload.status === 'failed' ? upload.problem : undefined} />
      {ready ? <Toned tone="ok">Ready: enter on the last field (or ctrl-u) uploads.</Toned> : null}
    </Box>
  );
}
