import React, { useState } from 'react';
import { Box } from 'ink';
import { basename } from 'node:path';
import { Text } from '../../ui/safe-text.js';
import { CONTAINER_NAMES, countOf, itemsWithRelations } from '../../core/formats/describe.js';
import type { CertificateItem, Item } from '../../core/formats/items.js';
import { Menu } from '../../widgets/Menu.js';
import { PathInput } from '../../widgets/PathInput.js';
import { ProblemLine } from '../../widgets/ProblemLine.js';
import { Spinner } from '../../widgets/Spinner.js';
import { TextField } from '../../widgets/TextField.js';
import { PreflightChecklist } from '../../widgets/PreflightChecklist.js';
import { Toned } from '../../ui/Toned.js';
import { Hanging } from '../../ui/Hanging.js';
import { useScreenKeymap } from '../../ui/keys/use-screen-keymap.js';
import { ScrollingReport } from '../../widgets/report/ScrollingReport.js';
import type { ReportLine } from '../../widgets/report/report-lines.js';
import { useNavigation } from '../routes.js';
import { actionsFor, defaultOutput } from './inspect-actions.js';
import type { InspectState } from './inspect-state.js';
import { useInspect } from './use-inspect.js';

function PassphraseField({
  file,
  keyAlias,
  onGiven,
}: {
  file: string;
  keyAlias?: string;
  onGiven(value: string): void;
}): React.JSX.Element {
  const [text, setText] = useState('');
  return (
    <Box flexDirection="column">
      <Hanging prefix="">
        {keyAlias === undefined
          ? `${file} is protected by a passphrase.`
          : `The key entry "${keyAlias}" in ${file} has a password of its own.`}
      </Hanging>
      <TextField
        label={keyAlias === undefined ? 'Passphrase' : 'Key password'}
        value={text}
        mask="*"
        focus
        onChange={setText}
        onSubmit={onGiven}
        submitLabel="open"
        hint="It stays in memory for this screen only; it is never written anywhere."
      />
    </Box>
  );
}

/** What tells a key entry apart: the certificate stored with it. */
function entryWhy(items: Item[], alias: string): string {
  const certificate = items.find(
    (item): item is CertificateItem => item.type === 'certificate' && item.alias === alias,
  );
  return certificate
    ? `${certificate.subject}, until ${certificate.notAfter.toISOString().slice(0, 10)}`
    : 'a key without a certificate of its own';
}

/** Each line's indent is its prefix: a long line wraps under its own text. */
function reportLines(state: InspectState): ReportLine[] {
  return state.loaded
    .flatMap((entry) => [
      `${basename(entry.file)}: ${CONTAINER_NAMES[entry.result.container]}, ${countOf(entry.result.items.length, 'item')}`,
      ...itemsWithRelations(entry.result.items, entry.relations, new Date()),
    ])
    .map((line) => {
      // An item's row ("      sha256      9f86…"): its label is part of the prefix, so the value wraps beside it
      // and a digest never lands on a line of its own.
      const row = /^( {6}\S.{11})(\S.*)$/.exec(line);
      if (row) return { prefix: row[1]!, text: row[2]! };
      const indent = /^ */.exec(line)?.[0] ?? '';
      return { prefix: indent, text: line.slice(indent.length) };
    });
}

export function InspectScreen({ initialPath }: { initialPath?: string }): React.JSX.Element {
  const navigation = useNavigation();
  const { state, dispatch, open, givePassphrase, runAction } = useInspect(initialPath);
  const primary = state.loaded[0];
  const allItems = state.loaded.flatMap((entry) => entry.result.items);
  const backTo = state.loaded.length > 0 ? 'the report' : 'the file';
  const canUpload = state.step === 'prepared' && state.prepared.report.ok && state.written !== undefined;

  useScreenKeymap(
    [
      {
        keys: ['a'],
        label: 'actions',
        when: state.step === 'report' && primary !== undefined,
        run: () => dispatch({ type: 'actions' }),
      },
      {
        keys: ['o'],
        label: 'open another',
        when: state.step === 'report',
        run: () => dispatch({ type: 'open-another' }),
      },
      {
        keys: ['y'],
        label: 'replace them',
        when: state.step === 'overwrite',
        run: () => state.step === 'overwrite' && void runAction(state.action, state.target, true),
      },
      {
        keys: ['n', 'esc'],
        label: 'keep them: choose another place',
        when: state.step === 'overwrite',
        run: () => dispatch({ type: 'keep-existing' }),
      },
      {
        keys: ['u'],
        label: 'upload them',
        when: canUpload,
        run: () => state.written && navigation.push({ screen: 'server-upload', ...state.written }),
      },
      {
        keys: ['enter'],
        label: `back to ${backTo}`,
        when: state.step === 'prepared',
        run: () => dispatch({ type: 'report' }),
      },
      {
        keys: ['esc'],
        label: `back to ${backTo}`,
        when:
          ['passphrase', 'actions', 'output', 'entry', 'prepared'].includes(state.step) ||
          (state.step === 'pick' && state.loaded.length > 0),
        run: () => dispatch({ type: 'report' }),
      },
    ],
    {
      help: [
        'Any format: PEM, DER, PKCS#7/P7B, PKCS#12/PFX, encrypted keys, bundles with Bag Attributes.',
        'The extension is never trusted: iamcert looks at the bytes.',
      ],
    },
  );

  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      {state.step === 'pick' ? (
        <PathInput
          label="File"
          value={state.typed}
          onChange={(value) => dispatch({ type: 'typed', value })}
          focus
          onSubmit={(path) => void open(path)}
          listRows="fill"
        />
      ) : null}
      {state.step === 'passphrase' ? (
        <PassphraseField
          key={`${state.file}:${state.key?.alias ?? ''}`}
          file={state.file}
          keyAlias={state.key?.alias}
          onGiven={(value) => givePassphrase(state.file, value, state.key !== undefined)}
        />
      ) : null}
      {state.step === 'busy' ? <Spinner label={state.label} /> : null}
      {state.step === 'report' ? <ScrollingReport lines={reportLines(state)} /> : null}
      {state.step === 'actions' && primary ? (
        <Box flexDirection="column">
          <Text bold>
            What should happen with {basename(primary.file)}
            {state.loaded.length > 1 ? ` (+${state.loaded.length - 1} more)` : ''}?
          </Text>
          <Menu
            focus
            selectLabel="do it"
            items={actionsFor({ ...primary.result, items: allItems }, primary.result.container).map((choice) => ({
              label: choice.label,
              value: choice.action,
              why: choice.why,
            }))}
            onSelect={(item) => {
              if (item.value === 'add-file')
                dispatch({ type: 'add-file', folder: defaultOutput('add-file', primary.file) });
              else if ((item.value === 'upload' || item.value === 'acm-import') && state.written) {
                dispatch({ type: 'report' });
                navigation.push({ screen: item.value === 'upload' ? 'server-upload' : 'acm-import', ...state.written });
              } else dispatch({ type: 'choose', action: item.value, target: defaultOutput(item.value, primary.file) });
            }}
          />
        </Box>
      ) : null}
      {state.step === 'output' ? (
        <TextField
          label={
            state.action === 'split' ||
            state.action === 'prepare' ||
            state.action === 'upload' ||
            state.action === 'acm-import'
              ? 'Folder'
              : 'Write to'
          }
          value={state.target}
          focus
          onChange={(value) => dispatch({ type: 'target', value })}
          onSubmit={(value) => void runAction(state.action, value, false)}
          submitLabel="write"
          hint="Keys are written with mode 0600; nothing is replaced without asking."
        />
      ) : null}
      {state.step === 'entry' ? (
        <Box flexDirection="column">
          <Text bold>The keystore holds {state.aliases.length} key entries. Which one?</Text>
          <Menu
            focus
            selectLabel="use it"
            items={state.aliases.map((alias) => ({ label: alias, value: alias, why: entryWhy(allItems, alias) }))}
            onSelect={(item) => {
              dispatch({ type: 'entry', alias: item.value });
              void runAction(state.action, state.target, false, item.value);
            }}
          />
        </Box>
      ) : null}
      {state.step === 'overwrite' ? (
        <Box flexDirection="column">
          <Toned tone="warning">These files exist already:</Toned>
          {state.existing.map((path) => (
            <Hanging key={path} prefix=" ">
              {path}
            </Hanging>
          ))}
          <Text>
            Replace them? <Text bold>y</Text> yes, <Text bold>n</Text> no
          </Text>
        </Box>
      ) : null}
      {state.step === 'prepared' ? (
        <Box flexDirection="column">
          <PreflightChecklist report={state.prepared.report} />
          {state.prepared.report.ok ? (
            <Toned tone="ok">Written to {state.target}. u uploads them as a server certificate; enter goes back.</Toned>
          ) : (
            <Toned tone="danger">Nothing was written. Enter to go back.</Toned>
          )}
        </Box>
      ) : null}
      <ProblemLine problem={state.problem} />
      {state.loaded.length > 0 && state.step === 'report' && allItems.length === 0 ? (
        <Text>Nothing usable in this file.</Text>
      ) : null}
    </Box>
  );
}
