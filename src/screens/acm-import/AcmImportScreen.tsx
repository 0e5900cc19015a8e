import React from 'react';
import { fixInApp } from '../../core/errors.js';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { describeExpiry } from '../../core/time/expiry.js';
import { describeKeyShape } from '../../core/crypto/key-facts.js';
import { ConfirmByTyping } from '../../widgets/ConfirmByTyping.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { TextField } from '../../widgets/TextField.js';
import { Toned } from '../../ui/Toned.js';
import { Hanging } from '../../ui/Hanging.js';
import { KeyScope } from '../../ui/keys/focus.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useNavigation } from '../routes.js';
import { useFrame } from '../../ui/frame-context.js';
import { describeIdentity } from '../../core/iam/identity-facts.js';
import { ACM_FIELDS, useAcmImport, type AcmFieldName, type AcmImportPrefill } from './use-acm-import.js';
import { PATH_FIELDS } from '../../ui/use-path-completion.js';

const LABELS: Record<AcmFieldName, string> = {
  certificate: 'Certificate    ',
  privateKey: 'Private key    ',
  chain: 'Chain (if CA)  ',
  region: 'Region         ',
  arn: 'Re-import ARN  ',
};

const HINTS: Record<AcmFieldName, string> = {
  certificate: 'Any file with the certificate: PEM, DER, PFX, Java keystore (Inspect asks for passphrases)',
  privateKey: 'Its key; ACM keeps it and never gives it back unless the certificate is exportable',
  chain: 'Intermediates, issuer first; leave empty for a self-signed certificate',
  region: 'Load balancers use certificates from their own region; CloudFront only from us-east-1',
  arn: 'Empty: a new certificate. An ACM ARN: renew that one in place, its users keep it',
};

/** ACM import: the same files as an IAM upload, ACM's rules checked as they are named, nothing sent until they pass. */
export function AcmImportScreen({ prefill }: { prefill: AcmImportPrefill }): React.JSX.Element {
  const navigation = useNavigation();
  const { identity } = useFrame();
  const account = identity.state === 'ready' ? describeIdentity(identity.identity) : 'the current account';
  const form = useAcmImport(prefill);
  const { values, field, checked, imported, waiting } = form;
  const done = imported.status === 'done';
  const busy = imported.status === 'running';
  const onPathField = PATH_FIELDS.has(ACM_FIELDS[field] ?? '');
  useScreenKeymap(
    [
      {
        keys: ['enter'],
        label: 'see it in the inventory',
        when: done,
        run: () => {
          navigation.pop();
          navigation.push({ screen: 'servers', select: imported.status === 'done' ? imported.value.arn : undefined });
        },
      },
      {
        // A file field's Tab completes the path; ↓ still moves on.
        keys: onPathField ? ['down'] : ['down', 'tab'],
        display: onPathField ? '↓' : '↓/tab',
        label: 'next field',
        when: !done && !busy && waiting !== 'confirm' && field < ACM_FIELDS.length - 1,
        run: () => form.setField(field + 1),
      },
      {
        keys: ['up', 'shift-tab'],
        display: '↑/shift-tab',
        label: 'previous field',
        when: !done && !busy && waiting !== 'confirm' && field > 0,
        run: () => form.setField(field - 1),
      },
    ],
    {
      help: [
        "ACM's rules run as you type: RSA 1024–4096 or EC P-256/384/521, a key of at most 5 KB, X.509 v3, the chain in order.",
        'A re-import keeps the ARN: every load balancer and distribution using it serves the new certificate at once.',
        'A re-import must keep the key type and every name, and may not drop a key usage; each refusal says which.',
      ],
    },
  );

  if (done) {
    const result = imported.value;
    return (
      <Box flexDirection="column" paddingX={1}>
        <Toned tone="ok">
          {result.alreadyThere
            ? '✓ This certificate is in ACM already; nothing was imported.'
            : result.reimported
              ? '✓ Re-imported: the ARN is unchanged, so everything using it serves the new certificate.'
              : '✓ Imported into ACM.'}
        </Toned>
        <Hanging prefix="ARN ">{result.arn}</Hanging>
      </Box>
    );
  }
  const check = checked?.result;
  return (
    <Box flexDirection="column" paddingX={1}>
      {ACM_FIELDS.map((name, index) => (
        <TextField
          key={name}
          label={LABELS[name]}
          completePath={PATH_FIELDS.has(name)}
          onTabPast={index < ACM_FIELDS.length - 1 ? () => form.setField(index + 1) : undefined}
          value={values[name]}
          focus={!busy && waiting !== 'confirm' && field === index}
          hint={HINTS[name]}
          onChange={(value) => {
            form.setValues((current) => ({ ...current, [name]: value }));
            if (waiting === 'refused') form.setWaiting(undefined);
          }}
          onSubmit={() => (index < ACM_FIELDS.length - 1 ? form.setField(index + 1) : form.submit())}
          submitLabel={
            index < ACM_FIELDS.length - 1
              ? 'next field'
              : !form.checking && !form.ready
                ? 'why not'
                : values.arn.trim()
                  ? 're-import'
                  : 'import'
          }
        />
      ))}
      {busy ? <Spinner label={imported.label} /> : null}
      <ProblemLine problem={imported.status === 'failed' ? imported.problem : checked?.problem} />
      {waiting === 'queued' ? <Toned tone="muted">Checking the files… the import starts when they pass.</Toned> : null}
      {waiting === 'refused' && !form.ready ? (
        <Toned tone="warning">
          {values.certificate.trim() && values.privateKey.trim()
            ? 'Not imported: fix the ✗ below first.'
            : 'Nothing to import yet: give the certificate and its key.'}
        </Toned>
      ) : null}
      {check ? (
        <Text>
          {`${check.prepared.certificate.subject || '(empty subject)'}, ${describeKeyShape(check.prepared.certificate)}, ${describeExpiry(check.prepared.certificate.notAfter)}`}
        </Text>
      ) : null}
      {check?.findings.map((finding) => (
        <Hanging
          key={`${finding.code}-${finding.message}`}
          prefix={finding.severity === 'error' ? '✗ ' : '! '}
          tone={finding.severity === 'error' ? 'danger' : 'warning'}
        >{`${finding.message} ${fixInApp(finding)}`}</Hanging>
      ))}
      {form.ready && !waiting ? <Toned tone="ok">✓ ACM would take it: enter on the last field imports.</Toned> : null}
      {waiting === 'confirm' && check?.old ? (
        <KeyScope>
          <ConfirmByTyping
            action={`Re-import over ${values.arn.trim()}`}
            details={[
              `ACM holds ${check.old.subject || '(empty subject)'} now, ${describeExpiry(check.old.notAfter)}.`,
              'ACM keeps no copy of it: keep your own if you may want it back.',
            ]}
            where={`${account}, ${values.region}`}
            expected="re-import"
            onCancel={() => form.setWaiting(undefined)}
            onConfirm={form.start}
          />
        </KeyScope>
      ) : null}
    </Box>
  );
}
