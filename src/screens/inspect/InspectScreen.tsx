import React, { useState } from 'react';
import { Box } from 'ink';
import { Text } from '../../tui/safe-text.js';
import { basename, dirname, join } from 'node:path';
import { findRelations } from '../../core/crypto/chain.js';
import { toProblem, type Problem } from '../../core/errors.js';
import { CONTAINER_NAMES, countOf, itemsWithRelations } from '../../core/formats/describe.js';
import type { ReadResult } from '../../core/formats/items.js';
import type { FileToWrite } from '../../core/files/safe-write.js';
import type { PreparedUpload } from '../../core/prepare.js';
import { preparedFiles } from '../../core/prepared-files.js';
import { Menu } from '../../components/Menu.js';
import { PathInput } from '../../components/PathInput.js';
import { ProblemLine } from '../../components/ProblemLine.js';
import { Spinner } from '../../components/Spinner.js';
import { TextField } from '../../components/TextField.js';
import { Toned } from '../../components/Toned.js';
import { useScreenKeys } from '../../components/use-screen-keys.js';
import { wrapLines } from '../../components/wrap-lines.js';
import { PreflightChecklist } from '../../components/PreflightChecklist.js';
import { useFrame } from '../../tui/frame-context.js';
import { useNavigation } from '../../tui/navigation.js';
import { actionsFor, defaultOutput, type InspectAction } from './inspect-actions.js';

type Step = 'pick' | 'passphrase' | 'busy' | 'report' | 'actions' | 'output' | 'overwrite' | 'prepared';

interface Loaded {
  file: string;
  result: ReadResult;
}

export function InspectScreen({ initialPath }: { initialPath?: string }): React.JSX.Element {
  const { services, rows, columns, flash } = useFrame();
  const navigation = useNavigation();
  const [step, setStep] = useState<Step>('pick');
  const [typed, setTyped] = useState(initialPath ?? '');
  const [pending, setPending] = useState<string | undefined>();
  const [passphrase, setPassphrase] = useState<string | undefined>();
  const [passphraseText, setPassphraseText] = useState('');
  const [loaded, setLoaded] = useState<Loaded[]>([]);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState('');
  const [scroll, setScroll] = useState(0);
  const [action, setAction] = useState<InspectAction | undefined>();
  const [output, setOutput] = useState('');
  const [prepared, setPrepared] = useState<PreparedUpload | undefined>();
  /** The files the last prepare wrote for what is loaded now: "Upload" uses them instead of preparing again. */
  const [written, setWritten] = useState<{ certificate: string; privateKey: string; chain?: string } | undefined>();
  const [existing, setExisting] = useState<string[]>([]);

  const primary = loaded[0];
  const allItems = loaded.flatMap((entry) => entry.result.items);

  const open = async (file: string, secret = passphrase) => {
    setProblem(undefined);
    setBusy(`Reading ${file}…`);
    setStep('busy');
    try {
      const result = await services.readItems(await services.readFile(file), secret);
      const locked = result.items.some((item) => item.type === 'private-key' && item.encrypted && !item.key && !item.problem);
      if (locked && secret === undefined) {
        setPending(file);
        setStep('passphrase');
        return;
      }
      // The passphrase remembered from another file does not open this one: ask again, saying so.
      const refused = result.items.find((item) => item.type === 'private-key' && item.problem?.code === 'WRONG_PASSPHRASE');
      if (refused?.type === 'private-key' && secret !== undefined) {
        setPending(file);
        setProblem(refused.problem);
        setStep('passphrase');
        return;
      }
      setLoaded((current) => [...current.filter((entry) => entry.file !== file), { file, result }]);
      setWritten(undefined);
      setScroll(0);
      setStep('report');
    } catch (error) {
      const found = toProblem(error);
      if (found.code === 'PASSPHRASE_REQUIRED' || found.code === 'WRONG_PASSPHRASE') {
        setPending(file);
        setProblem(found.code === 'WRONG_PASSPHRASE' ? found : undefined);
        setStep('passphrase');
      } else {
        setProblem(found);
        setStep(loaded.length > 0 ? 'report' : 'pick');
      }
    }
  };

  const filesToWrite = async (chosen: InspectAction, target: string): Promise<FileToWrite[]> => {
    const result = primary!.result;
    const holdsKey = result.items.some((item) => item.type === 'private-key');
    switch (chosen) {
      case 'to-pem':
        return [{ path: target, data: await services.convert(result, { to: 'pem' }), secret: holdsKey }];
      case 'to-der':
        return [{ path: target, data: await services.convert(result, { to: 'der' }), secret: holdsKey }];
      case 'to-pkcs8':
      case 'to-pkcs1':
      case 'decrypt': {
        const keyOnly: ReadResult = { ...result, items: result.items.filter((item) => item.type === 'private-key') };
        const keyFormat = chosen === 'to-pkcs1' ? 'pkcs1' : 'pkcs8';
        return [{ path: target, data: await services.convert(keyOnly, { to: 'pem', keyFormat: chosen === 'decrypt' ? undefined : keyFormat }), secret: true }];
      }
      case 'split': {
        let certificate = 0;
        const files: FileToWrite[] = [];
        for (const item of result.items) {
          const single: ReadResult = { ...result, items: [item] };
          const name = item.type === 'private-key' ? 'key.pem' : item.type === 'certificate' ? `cert-${++certificate}.pem` : `${item.type}.pem`;
          files.push({ path: join(target, name), data: await services.convert(single, { to: 'pem' }), secret: item.type === 'private-key' });
        }
        return files;
      }
      default:
        return [];
    }
  };

  /** Writes, unless a file exists and the user has not said yes to replacing it: then asks. */
  const writeAfterAsking = async (files: FileToWrite[], force: boolean): Promise<boolean> => {
    if (!force) {
      const clash = await services.existingPaths(files.map((file) => file.path));
      if (clash.length > 0) {
        setExisting(clash);
        setStep('overwrite');
        return false;
      }
    }
    await services.writeFiles(files, { force });
    return true;
  };

  const runAction = async (chosen: InspectAction, target: string, force: boolean) => {
    setProblem(undefined);
    try {
      if (chosen === 'prepare' || chosen === 'upload') {
        setBusy('Preparing for IAM…');
        setStep('busy');
        const inputs = await Promise.all(loaded.map(async (entry) => ({ name: entry.file, bytes: await services.readFile(entry.file) })));
        const result = await services.prepare(inputs, { passphrase });
        setPrepared(result);
        if (!result.report.ok) {
          setStep('prepared');
          return;
        }
        const files = preparedFiles(result, target);
        if (!(await writeAfterAsking(files, force))) return;
        const paths = { certificate: files[0]!.path, privateKey: files[1]!.path, ...(files[2] ? { chain: files[2].path } : {}) };
        setWritten(paths);
        if (chosen === 'upload') {
          navigation.push({ screen: 'server-upload', ...paths });
          setStep('report');
        } else {
          setStep('prepared');
          flash(`Wrote ${files.length} files to ${target}`);
        }
        return;
      }
      const files = await filesToWrite(chosen, target);
      if (!(await writeAfterAsking(files, force))) return;
      flash(`Wrote ${files.length === 1 ? files[0]!.path : `${files.length} files to ${target}`}`);
      setStep('report');
    } catch (error) {
      setProblem(toProblem(error));
      setStep('report');
    }
  };

  const reportLines = wrapLines(
    loaded.flatMap((entry) => [
      `${basename(entry.file)}: ${CONTAINER_NAMES[entry.result.container]}, ${countOf(entry.result.items.length, 'item')}`,
      ...itemsWithRelations(entry.result.items, findRelations(entry.result.items), new Date()),
    ]),
    columns - 2,
  );
  const visibleRows = Math.max(3, rows - 9);

  const active = useScreenKeys({
    typing: step === 'pick' || step === 'passphrase' || step === 'output',
    hints:
      step === 'report'
        ? [['↑/↓', 'scroll'], ['a', 'actions'], ['o', 'open another'], ['esc', 'back']]
        : step === 'pick'
          ? [['tab', 'complete'], ['↑/↓', 'pick'], ['enter', 'open'], ['esc', 'back']]
          : step === 'prepared' && written && prepared?.report.ok
            ? [['u', 'upload them'], ['enter', 'back'], ['esc', 'back']]
            : [['enter', 'ok'], ['esc', 'back']],
    help: ['Any format: PEM, DER, PKCS#7/P7B, PKCS#12/PFX, encrypted keys, bundles with Bag Attributes.', 'The extension is never trusted: iamcert looks at the bytes.'],
    onKey: (input, key) => {
      if (step === 'busy') return true;
      if (step === 'overwrite') {
        if (input === 'y' && action) void runAction(action, output, true);
        else if (input === 'n' || key.escape) setStep('report');
        return true;
      }
      if (key.escape && step !== 'pick' && step !== 'report') {
        setStep(loaded.length > 0 ? 'report' : 'pick');
        return true;
      }
      if (step === 'report') {
        if (key.upArrow || input === 'k') setScroll(Math.max(0, scroll - 1));
        else if (key.downArrow || input === 'j') setScroll(Math.min(Math.max(0, reportLines.length - visibleRows), scroll + 1));
        else if (input === 'a') setStep('actions');
        else if (input === 'o') {
          // Start from the folder of the file just read: the next one is usually beside it.
          if (primary) setTyped(`${dirname(primary.file)}/`);
          setLoaded([]);
          setWritten(undefined);
          setStep('pick');
        } else return false;
        return true;
      }
      if (step === 'prepared' && input === 'u' && written && prepared?.report.ok) {
        navigation.push({ screen: 'server-upload', ...written });
        setStep('report');
        return true;
      }
      if (step === 'prepared' && (key.return || key.escape)) {
        setStep('report');
        return true;
      }
      return false;
    },
  });

  return (
    <Box flexDirection="column" paddingX={1}>
      {step === 'pick' ? (
        <PathInput label="File" value={typed} onChange={setTyped} focus={active} onSubmit={(path) => void open(path)} listRows={Math.max(3, rows - 12)} />
      ) : null}
      {step === 'passphrase' ? (
        <Box flexDirection="column">
          <Text>{pending} is protected by a passphrase.</Text>
          <TextField
            label="Passphrase"
            value={passphraseText}
            mask="*"
            focus={active}
            onChange={setPassphraseText}
            onSubmit={(value) => {
              setPassphrase(value);
              setPassphraseText('');
              if (pending) void open(pending, value);
            }}
            hint="It stays in memory for this screen only; it is never written anywhere."
          />
        </Box>
      ) : null}
      {step === 'busy' ? <Spinner label={busy} /> : null}
      {step === 'report' ? (
        <Box flexDirection="column">
          {reportLines.slice(scroll, scroll + visibleRows).map((line, index) => (
            <Text key={`${scroll + index}`} wrap="truncate-end">
              {line}
            </Text>
          ))}
          {reportLines.length > visibleRows ? <Toned tone="muted">{`lines ${scroll + 1}–${Math.min(reportLines.length, scroll + visibleRows)} of ${reportLines.length}`}</Toned> : null}
        </Box>
      ) : null}
      {step === 'actions' && primary ? (
        <Box flexDirection="column">
          <Text bold>What should happen with {basename(primary.file)}{loaded.length > 1 ? ` (+${loaded.length - 1} more)` : ''}?</Text>
          <Menu
            focus={active}
            items={actionsFor({ ...primary.result, items: allItems }, primary.result.container).map((choice) => ({ label: choice.label, value: choice.action, why: choice.why }))}
            onSelect={(item) => {
              if (item.value === 'add-file') {
                setTyped(`${defaultOutput('add-file', primary.file)}/`);
                setStep('pick');
                return;
              }
              if (item.value === 'upload' && written) {
                navigation.push({ screen: 'server-upload', ...written });
                setStep('report');
                return;
              }
              setAction(item.value);
              setOutput(defaultOutput(item.value, primary.file));
              setStep('output');
            }}
          />
        </Box>
      ) : null}
      {step === 'output' && action ? (
        <TextField label={action === 'split' || action === 'prepare' || action === 'upload' ? 'Folder' : 'Write to'} value={output} focus={active} onChange={setOutput} onSubmit={(value) => void runAction(action, value, false)} hint="Keys are written with mode 0600; nothing is replaced without asking." />
      ) : null}
      {step === 'overwrite' ? (
        <Box flexDirection="column">
          <Toned tone="warning">These files exist already:</Toned>
          {existing.map((path) => (
            <Text key={path}>  {path}</Text>
          ))}
          <Text>Replace them? <Text bold>y</Text> yes, <Text bold>n</Text> no</Text>
        </Box>
      ) : null}
      {step === 'prepared' && prepared ? (
        <Box flexDirection="column">
          <PreflightChecklist report={prepared.report} />
          {prepared.report.ok ? <Toned tone="ok">Written to {output}. u uploads them as a server certificate; enter goes back.</Toned> : <Toned tone="danger">Nothing was written. Enter to go back.</Toned>}
        </Box>
      ) : null}
      <ProblemLine problem={problem} />
      {loaded.length > 0 && step === 'report' && allItems.length === 0 ? <Text>Nothing usable in this file.</Text> : null}
    </Box>
  );
}
