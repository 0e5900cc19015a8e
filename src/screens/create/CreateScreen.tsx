import React from 'react';
import { basename } from 'node:path';
import { Box } from 'ink';
import { Text } from '../../ui/safe-text.js';
import { createdPaths } from '../../core/crypto/created-files.js';
import { KEY_TYPE_WHY, KEY_TYPES, type KeyType } from '../../core/crypto/create.js';
import { Menu, type MenuItem } from '../../widgets/Menu.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { TextField } from '../../widgets/TextField.js';
import { Toned } from '../../ui/Toned.js';
import { Hanging } from '../../ui/Hanging.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { useFrame } from '../../ui/frame-context.js';
import { useNavigation } from '../routes.js';
import {
  commonNameAsDnsName,
  createReducer,
  fileNameProblem,
  subjectFieldProblem,
  SUBJECT_FIELDS,
  validityProblem,
  type CreatedFiles,
  type CreateState,
  type Purpose,
} from './create-state.js';
import { useCreate } from './use-create.js';

const PURPOSES: Array<MenuItem<Purpose>> = [
  {
    label: 'Signing certificate for an IAM user',
    value: 'signing',
    why: 'The classic EC2 recipe: RSA 2048, self-signed, 3650 days, ~/.ec2.',
  },
  {
    label: 'Self-signed server certificate',
    value: 'server',
    why: 'For tests or internal load balancers; browsers will not trust it.',
  },
  {
    label: 'Certificate request (CSR) for a CA',
    value: 'csr',
    why: 'Send the CSR to your CA; keep the key. Prepare the answer with Inspect.',
  },
];

const KEY_TYPE_ITEMS: Array<MenuItem<KeyType>> = KEY_TYPES.map((keyType) => ({
  label: KEY_TYPE_WHY[keyType].split(':')[0]!,
  value: keyType,
  why: KEY_TYPE_WHY[keyType],
}));

/** The traditional form is PKCS#1 for RSA and SEC1 for EC: named for the key actually made. */
function keyFormatWords(format: 'pkcs8' | 'pkcs1', keyType: string): { name: string; why: string } {
  if (format === 'pkcs8')
    return { name: 'PKCS#8', why: 'PKCS#8 (BEGIN PRIVATE KEY): what the EC2/ELB tools and IAM read. Recommended.' };
  if (keyType.startsWith('ec'))
    return {
      name: 'SEC1',
      why: 'SEC1 (BEGIN EC PRIVATE KEY): the traditional EC form; legacy EC2 tools take PKCS#8 only.',
    };
  return {
    name: 'PKCS#1',
    why: 'PKCS#1 (BEGIN RSA PRIVATE KEY): legacy EC2 tools reject it with "Malformed input … is not a valid private key".',
  };
}

export function CreateScreen({ purpose }: { purpose?: Purpose }): React.JSX.Element {
  const { copy } = useFrame();
  const navigation = useNavigation();
  const { state, dispatch, field, setField, fieldsOfStep, typing, create, advanceField } = useCreate(purpose);
  const canGoBack = ['subject', 'validity', 'output'].includes(state.step) || (state.step === 'key-type' && !purpose);
  const exportLines = state.step === 'result' ? (state.created?.exportLines ?? []) : [];
  useScreenKeymap(
    [
      { keys: ['y'], label: 'replace them', when: state.step === 'overwrite', run: () => void create(true) },
      {
        keys: ['n', 'esc'],
        label: 'keep them (back to the names)',
        when: state.step === 'overwrite',
        run: () => dispatch({ type: 'back' }),
      },
      {
        keys: ['y'],
        label: 'copy the export lines',
        when: exportLines.length > 0,
        run: () => {
          copy(exportLines.join('\n'), 'the export lines');
        },
      },
      {
        keys: ['esc'],
        label: 'previous step',
        when: canGoBack,
        run: () => {
          setField(0);
          dispatch({ type: 'back' });
        },
      },
      {
        keys: ['down'],
        label: 'next field',
        when: typing && field < fieldsOfStep.length - 1,
        run: () => setField(field + 1),
      },
      { keys: ['up'], label: 'previous field', when: typing && field > 0, run: () => setField(field - 1) },
      {
        keys: ['tab'],
        label: 'key format',
        when: state.step === 'output',
        run: () => dispatch({ type: 'key-format', value: state.keyFormat === 'pkcs8' ? 'pkcs1' : 'pkcs8' }),
      },
    ],
    {
      help: [
        'Every field is optional: a signing certificate works with an empty subject.',
        'Files are written atomically; the key gets mode 0600 and a new folder 0700.',
      ],
    },
  );
  const lastField = field === fieldsOfStep.length - 1;
  const submitLabel = !lastField ? 'next field' : state.step === 'output' ? 'create' : 'next step';

  return (
    <Box flexDirection="column" paddingX={1}>
      <StepView state={state} field={field} dispatch={dispatch} onFieldDone={advanceField} submitLabel={submitLabel} />
      <ProblemLine problem={state.problem} />
      {state.step === 'result' && state.created ? (
        <Menu
          focus
          selectLabel="do it"
          items={[
            ...(state.purpose === 'signing'
              ? [{ label: 'Upload as signing certificate for a user…', value: 'signing' }]
              : []),
            ...(state.purpose !== 'csr' ? [{ label: 'Upload as server certificate…', value: 'server' }] : []),
            { label: 'Done', value: 'done' },
          ]}
          onSelect={(item) => {
            const created = state.created!;
            if (item.value === 'signing') navigation.push({ screen: 'signing', uploadPath: created.certificatePath });
            else if (item.value === 'server')
              navigation.push({
                screen: 'server-upload',
                certificate: created.certificatePath,
                privateKey: created.keyPath,
              });
            else navigation.pop();
          }}
        />
      ) : null}
    </Box>
  );
}

/** What to do with what was made, in one line. */
function nextStep(purpose: Purpose, created: CreatedFiles): string {
  if (purpose === 'csr')
    return `send ${basename(created.certificatePath)} to your CA; when it answers, open its certificate in Inspect (:inspect) and Prepare it with ${basename(created.keyPath)}.`;
  if (purpose === 'server') return 'upload it as a server certificate (below), or open it in Inspect to convert it.';
  return 'upload it as the signing certificate of an IAM user (below); the key stays with you.';
}

function StepView({
  state,
  field,
  dispatch,
  onFieldDone,
  submitLabel,
}: {
  state: CreateState;
  field: number;
  dispatch: React.Dispatch<Parameters<typeof createReducer>[1]>;
  onFieldDone: () => void;
  submitLabel: string;
}): React.JSX.Element {
  switch (state.step) {
    case 'purpose':
      return (
        <Box flexDirection="column">
          <Text bold>What is the certificate for?</Text>
          <Menu
            key="purpose"
            focus
            items={PURPOSES}
            onSelect={(item) => dispatch({ type: 'purpose', purpose: item.value })}
          />
        </Box>
      );
    case 'key-type':
      return (
        <Box flexDirection="column">
          <Text bold>Key type</Text>
          <Menu
            key="key-type"
            focus
            items={KEY_TYPE_ITEMS}
            onSelect={(item) => dispatch({ type: 'key-type', keyType: item.value })}
          />
        </Box>
      );
    case 'subject':
      return (
        <Box flexDirection="column">
          <Text bold>
            Subject (
            {state.purpose === 'signing'
              ? 'all optional; blank is fine for a signing certificate'
              : 'the common name or a DNS name; the rest optional'}
            )
          </Text>
          {SUBJECT_FIELDS.map(([name, label], index) => (
            <TextField
              key={name}
              label={`${label.padEnd(28)}`}
              value={state.subject[name]}
              focus={field === index}
              onChange={(value) => dispatch({ type: 'subject', field: name, value })}
              onSubmit={onFieldDone}
              submitLabel={submitLabel}
              error={subjectFieldProblem(name, state.subject[name])}
            />
          ))}
          {state.purpose !== 'signing' ? (
            <TextField
              label={'DNS names (comma separated)'.padEnd(28)}
              value={state.dnsNames}
              focus={field === SUBJECT_FIELDS.length}
              onChange={(value) => dispatch({ type: 'dns-names', value })}
              onSubmit={onFieldDone}
              submitLabel={submitLabel}
              hint={
                commonNameAsDnsName(state)
                  ? `Leave empty: ${commonNameAsDnsName(state)!}, the common name (browsers match these names only)`
                  : 'e.g. www.example.com, example.com'
              }
            />
          ) : null}
        </Box>
      );
    case 'validity':
      return (
        <Box flexDirection="column">
          <Text bold>Validity</Text>
          <TextField
            label="Days"
            value={state.days}
            focus={field === 0}
            onChange={(value) => dispatch({ type: 'days', value })}
            onSubmit={onFieldDone}
            submitLabel={submitLabel}
            error={validityProblem(state.days)}
            hint={state.purpose === 'signing' ? '3650 days (ten years) is the classic signing recipe' : undefined}
          />
        </Box>
      );
    case 'output': {
      const paths = createdPaths(state.outDir, state.name, state.purpose === 'csr');
      const nameProblem = fileNameProblem(state.name);
      return (
        <Box flexDirection="column">
          <Text bold>Where to save</Text>
          <TextField
            label="Folder"
            value={state.outDir}
            focus={field === 0}
            onChange={(value) => dispatch({ type: 'out-dir', value })}
            onSubmit={onFieldDone}
            submitLabel={submitLabel}
          />
          <TextField
            label="Name  "
            value={state.name}
            focus={field === 1}
            onChange={(value) => dispatch({ type: 'name', value })}
            onSubmit={onFieldDone}
            submitLabel={submitLabel}
            error={nameProblem}
          />
          <Text>
            {'  '}
            Key format: <Text bold>{keyFormatWords(state.keyFormat, state.keyType).name}</Text> (tab switches)
          </Text>
          <Hanging prefix="  " tone={state.keyFormat === 'pkcs8' ? 'muted' : 'warning'}>
            {keyFormatWords(state.keyFormat, state.keyType).why}
          </Hanging>
          {nameProblem ? null : (
            <Hanging prefix="  " tone="muted">
              Will write {paths.key} (0600) and {paths.certificate}
            </Hanging>
          )}
        </Box>
      );
    }
    case 'overwrite':
      return (
        <Box flexDirection="column">
          <Toned tone="warning">These files exist already:</Toned>
          {state.existing.map((path) => (
            <Hanging key={path} prefix=" ">
              {path}
            </Hanging>
          ))}
          {state.existingNote ? (
            <Hanging prefix=" ⚠ " tone="warning">
              {state.existingNote}
            </Hanging>
          ) : null}
          <Text>
            Replace them? <Text bold>y</Text> yes, <Text bold>n</Text> no (back to the names)
          </Text>
        </Box>
      );
    case 'creating':
      return (
        <Spinner
          label={`Generating ${KEY_TYPE_WHY[state.keyType].split(':')[0]} key and ${state.purpose === 'csr' ? 'request' : 'certificate'}…`}
        />
      );
    case 'result': {
      const created = state.created!;
      return (
        <Box flexDirection="column">
          <Toned tone="ok">✓ Created</Toned>
          <Hanging prefix=" ">
            {`${created.keyPath} private key, ${keyFormatWords(state.keyFormat, state.keyType).name}, mode 0600`}
          </Hanging>
          <Hanging prefix=" ">
            {`${created.certificatePath} ${state.purpose === 'csr' ? 'certificate request' : `certificate, ${state.days} days`}`}
          </Hanging>
          {created.sha256 ? (
            <Hanging prefix=" sha256 " tone="muted">
              {created.sha256}
            </Hanging>
          ) : null}
          <Hanging prefix=" Next: " tone="muted">
            {nextStep(state.purpose, created)}
          </Hanging>
          {created.exportLines.length > 0 ? (
            <Box flexDirection="column" marginTop={1}>
              <Text>Set these in your shell (y copies them):</Text>
              {created.exportLines.map((line) => (
                <Hanging key={line} prefix=" ">
                  {line}
                </Hanging>
              ))}
            </Box>
          ) : null}
          <Text> </Text>
        </Box>
      );
    }
  }
}
