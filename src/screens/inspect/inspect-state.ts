import type { Relations } from '../../core/crypto/chain.js';
import type { Problem } from '../../core/errors.js';
import type { ReadResult } from '../../core/formats/items.js';
import type { PreparedUpload } from '../../core/prepare.js';
import type { InspectAction } from './inspect-actions.js';

export interface Loaded {
  file: string;
  result: ReadResult;
  relations: Relations;
}

export interface PreparedPaths {
  certificate: string;
  privateKey: string;
  chain?: string;
}

/** Each step carries what it needs, so the view never has to assume (no `!`). */
export type InspectStep =
  | { step: 'pick' }
  /** key: a keystore key entry (alias) with a password of its own, asked after the store's. */
  | { step: 'passphrase'; file: string; key?: { alias: string } }
  | { step: 'busy'; label: string }
  | { step: 'report' }
  | { step: 'actions' }
  | { step: 'output'; action: InspectAction; target: string }
  | { step: 'overwrite'; action: InspectAction; target: string; existing: string[] }
  /** A keystore with several key entries: which one to prepare, asked before anything is written. */
  | { step: 'entry'; action: InspectAction; target: string; aliases: string[] }
  | { step: 'prepared'; prepared: PreparedUpload; target: string };

export type InspectState = InspectStep & {
  /** The path being typed in the file picker. */
  typed: string;
  loaded: Loaded[];
  /** The passphrase given on this screen, tried first on the next file; asked again when it fails. */
  passphrase?: string;
  /** A keystore key entry's own password, given on this screen. */
  keyPassphrase?: string;
  problem?: Problem;
  /** The files the last prepare wrote for what is loaded now: "Upload" uses them instead of preparing again. */
  written?: PreparedPaths;
  /** The keystore key entry chosen for the action under way. */
  alias?: string;
};

export type InspectEvent =
  | { type: 'typed'; value: string }
  | { type: 'busy'; label: string }
  | { type: 'needs-passphrase'; file: string; problem?: Problem; key?: { alias: string } }
  | { type: 'passphrase'; value: string; key?: boolean }
  | { type: 'loaded'; file: string; result: ReadResult; relations: Relations }
  | { type: 'failed'; problem: Problem }
  | { type: 'actions' }
  | { type: 'open-another' }
  | { type: 'add-file'; folder: string }
  /** A folder was given where a file was expected: the picker shows what is in it. */
  | { type: 'open-folder'; folder: string }
  | { type: 'choose'; action: InspectAction; target: string }
  | { type: 'target'; value: string }
  | { type: 'existing'; paths: string[]; action: InspectAction; target: string }
  | { type: 'pick-entry'; action: InspectAction; target: string; aliases: string[] }
  | { type: 'entry'; alias: string }
  /** "Replace them?" answered no: back to the output path as typed, to choose another. */
  | { type: 'keep-existing' }
  | { type: 'prepared'; prepared: PreparedUpload; target: string; written?: PreparedPaths }
  | { type: 'written' }
  | { type: 'report' };

/** The key entries of the keystores loaded, by alias: more than one is a question for the user. */
export function keyEntries(loaded: Loaded[]): string[] {
  const aliases = loaded.flatMap((entry) =>
    entry.result.items.flatMap((item) => (item.type === 'private-key' && item.alias !== undefined ? [item.alias] : [])),
  );
  return [...new Set(aliases)];
}

export function initialInspectState(path?: string): InspectState {
  return { step: 'pick', typed: path ?? '', loaded: [] };
}

/** Where Esc and the end of an action go: the report when something is loaded, else the picker. */
const home = (state: InspectState): InspectStep => (state.loaded.length > 0 ? { step: 'report' } : { step: 'pick' });

export function inspectReducer(state: InspectState, event: InspectEvent): InspectState {
  switch (event.type) {
    case 'typed':
      return { ...state, typed: event.value };
    case 'busy':
      return { ...state, step: 'busy', label: event.label, problem: undefined };
    case 'needs-passphrase':
      return { ...state, step: 'passphrase', file: event.file, problem: event.problem, key: event.key };
    case 'passphrase':
      return event.key ? { ...state, keyPassphrase: event.value } : { ...state, passphrase: event.value };
    case 'loaded':
      return {
        ...state,
        step: 'report',
        loaded: [
          ...state.loaded.filter((entry) => entry.file !== event.file),
          { file: event.file, result: event.result, relations: event.relations },
        ],
        written: undefined,
        problem: undefined,
      };
    case 'failed':
      return { ...state, ...home(state), problem: event.problem };
    case 'actions':
      return { ...state, step: 'actions', problem: undefined };
    case 'open-another': {
      // Start from the folder of the file just read: the next one is usually beside it.
      const first = state.loaded[0]?.file;
      return {
        ...state,
        step: 'pick',
        typed: first ? `${first.slice(0, first.lastIndexOf('/') + 1)}` : state.typed,
        loaded: [],
        written: undefined,
        problem: undefined,
      };
    }
    case 'add-file':
      return { ...state, step: 'pick', typed: `${event.folder}/` };
    case 'open-folder':
      return { ...state, step: 'pick', typed: event.folder.endsWith('/') ? event.folder : `${event.folder}/` };
    case 'choose':
      return { ...state, step: 'output', action: event.action, target: event.target, alias: undefined };
    case 'target':
      return state.step === 'output' ? { ...state, target: event.value } : state;
    case 'existing':
      return { ...state, step: 'overwrite', action: event.action, target: event.target, existing: event.paths };
    case 'pick-entry':
      return { ...state, step: 'entry', action: event.action, target: event.target, aliases: event.aliases };
    case 'entry':
      return { ...state, alias: event.alias };
    case 'keep-existing':
      return state.step === 'overwrite'
        ? { ...state, step: 'output', action: state.action, target: state.target }
        : { ...state, ...home(state) };
    case 'prepared':
      return {
        ...state,
        step: 'prepared',
        prepared: event.prepared,
        target: event.target,
        written: event.written ?? state.written,
      };
    case 'written':
      return { ...state, ...home(state) };
    case 'report':
      return { ...state, ...home(state) };
  }
}
