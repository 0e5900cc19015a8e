import React from 'react';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { KEY_NOT_READABLE } from '../../core/iam/notices.js';
import { PreflightChecklist } from '../../widgets/PreflightChecklist.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { TextField } from '../../widgets/TextField.js';
import { Toned } from '../../ui/Toned.js';
import { Hanging } from '../../ui/Hanging.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useNavigation } from '../routes.js';
import { FIELDS, useServerUpload, type FieldName } from './use-server-upload.js';
import { PATH_FIELDS } from '../../ui/use-path-completion.js';

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

/** Why Enter did not upload, said where the user looks. */
function notReadyReason(given: { certificate: boolean; privateKey: boolean; name: boolean }): string {
  const missing = [
    given.name ? '' : 'a name',
    given.certificate ? '' : 'the certificate file',
    given.privateKey ? '' : 'the private key file',
  ].filter(Boolean);
  return missing.length > 0
    ? `Nothing to upload yet: give ${missing.join(', ')}.`
    : 'Not uploaded: fix the ✗ above first.';
}

export function ServerUploadScreen({
  prefill,
}: {
  prefill: { certificate?: string; privateKey?: string; chain?: string };
}): React.JSX.Element {
  const navigation = useNavigation();
  const { values, setValues, field, setField, report, waiting, setWaiting, upload, given, ready, blocked, submit } =
    useServerUpload(prefill);
  const done = upload.status === 'done';
  const uploading = upload.status === 'running';
  const onPathField = PATH_FIELDS.has(FIELDS[field] ?? '');
  useScreenKeymap(
    [
      {
        keys: ['enter'],
        label: 'see it in the inventory',
        when: done,
        run: () => {
          // Opened from the inventory: back to it (it reloads). From Create or Inspect: the inventory opens in this
          // one's place.
          const select = upload.status === 'done' ? upload.value.row.arn : undefined;
          if (navigation.stack[navigation.stack.length - 2]?.screen === 'servers')
            navigation.popWith((below) => ({ ...below, select }));
          else {
            navigation.pop();
            navigation.push({ screen: 'servers', select });
          }
        },
      },
      {
        // A file field's Tab completes the path; ↓ still moves on.
        keys: onPathField ? ['down'] : ['down', 'tab'],
        display: onPathField ? '↓' : '↓/tab',
        label: 'next field',
        when: !done && !uploading && field < FIELDS.length - 1,
        run: () => setField(field + 1),
      },
      {
        keys: ['up', 'shift-tab'],
        display: '↑/shift-tab',
        label: 'previous field',
        when: !done && !uploading && field > 0,
        run: () => setField(field - 1),
      },
    ],
    {
      help: [
        'The preflight runs as you type: nothing is sent while any rule fails.',
        'Text outside the PEM blocks is stripped before upload.',
        'Each field edits like a shell line: ctrl-a/e, ctrl-u/k, ctrl-w, home/end.',
      ],
    },
  );

  if (done) {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Hanging prefix="✓ " tone="ok">{`Uploaded ${upload.value.row.name}`}</Hanging>
        {/* A long ARN wraps under itself, not back to the margin. */}
        <Hanging prefix=" ARN ">{upload.value.row.arn}</Hanging>
        <Hanging prefix=" ID  ">{upload.value.row.id}</Hanging>
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
          completePath={PATH_FIELDS.has(name)}
          onTabPast={index < FIELDS.length - 1 ? () => setField(index + 1) : undefined}
          value={values[name]}
          focus={!done && !uploading && field === index}
          hint={HINTS[name]}
          onChange={(value) => {
            setValues((current) => ({ ...current, [name]: value }));
            if (waiting === 'refused') setWaiting(undefined);
          }}
          onSubmit={() => (index < FIELDS.length - 1 ? setField(index + 1) : submit())}
          submitLabel={index < FIELDS.length - 1 ? 'next field' : blocked ? 'why not' : 'upload'}
        />
      ))}
      {/* What Enter did, under the fields where the user looks; the checklist follows. */}
      {upload.status === 'running' ? <Spinner label={upload.label} /> : null}
      <ProblemLine problem={upload.status === 'failed' ? upload.problem : undefined} />
      {waiting === 'queued' ? (
        <Toned tone="muted">Checking the files… the upload starts when the checks pass.</Toned>
      ) : null}
      {waiting === 'refused' && !ready ? <Toned tone="warning">{notReadyReason(given)}</Toned> : null}
      {ready && !waiting ? <Toned tone="ok">Ready: enter on the last field uploads.</Toned> : <Text> </Text>}
      <PreflightChecklist report={report} given={given} />
    </Box>
  );
}
