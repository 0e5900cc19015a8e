import { useContext, useRef, useState } from 'react';
import { completeTyped, pastedPath, splitTyped, type FolderEntry } from '../core/files/path-completion.js';
import { FrameContext } from './frame-context.js';

/** The form fields that hold a file path, by the names every form gives them: Tab completes them. */
export const PATH_FIELDS: ReadonlySet<string> = new Set(['certificate', 'privateKey', 'chain']);

/**
 * The names Tab found, whole, in at most two rows of this width (the form below keeps its place), then how many more
 * there are. Laid out as the rows will wrap: a name never split, two spaces between names.
 */
export function choicesLine(names: string[], width: number): string {
  const room = Math.max(20, width);
  const more = (left: number) => `… and ${left} more: type more, then Tab`;
  const rows: string[] = [''];
  for (const [index, name] of names.entries()) {
    const left = names.length - index - 1;
    const row = rows.at(-1)!;
    const placed = row ? `${row}  ${name}` : name;
    const fits = (text: string) => text.length <= room;
    // The second row keeps room for what says how many more there are.
    const fitsHere = fits(left > 0 && rows.length === 2 ? `${placed}  ${more(left)}` : placed);
    if (fitsHere) rows[rows.length - 1] = placed;
    else if (rows.length === 1 && fits(name)) rows.push(name);
    else return `${rows.join('  ')}  ${more(names.length - index)}`;
  }
  return rows.join('  ');
}

export type Completion =
  /** Tab changed the path, or showed the names it could be. */
  | { kind: 'completed'; value: string }
  /** Nothing to complete: the path is empty, names one entry exactly, or its choices are shown already. */
  | { kind: 'nothing' }
  /** The folder is still being read, or nothing in it matched when it was: the completion comes through `complete`. */
  | { kind: 'later' };

/**
 * Tab on a path, as a shell completes it: the one entry that matches, or the start the matches share; when several
 * remain, their names to choose from. The folder is read through the Services port, ahead of the Tab as the path is
 * typed, so that a Tab decides at once and keys typed after it go where it sent them.
 */
export function usePathCompletion() {
  // A field shown outside the app frame (a widget on its own) completes nothing.
  const services = useContext(FrameContext)?.services;
  const [choices, setChoices] = useState<string[]>([]);
  const shownFor = useRef<string | undefined>(undefined);
  const read = useRef<{ folder: string; entries?: FolderEntry[] }>({ folder: '\0' });

  const readAhead = (typed: string) => {
    const folder = splitTyped(typed)[0];
    if (!services || read.current.folder === folder) return;
    const reading: { folder: string; entries?: FolderEntry[] } = { folder };
    read.current = reading;
    void services.listFolder(folder).then((entries) => {
      reading.entries = entries;
    });
  };

  const show = (typed: string, candidates: FolderEntry[]) => {
    const names = candidates.length > 1 ? candidates.map((entry) => `${entry.name}${entry.folder ? '/' : ''}`) : [];
    shownFor.current = names.length > 0 ? typed : undefined;
    setChoices(names);
  };

  /** Tab, decided now from the folder already read. */
  const completeNow = (typed: string): Completion => {
    if (!services || typed.trim() === '' || shownFor.current === typed) return { kind: 'nothing' };
    const entries = read.current.folder === splitTyped(typed)[0] ? read.current.entries : undefined;
    if (!entries || entries.length === 0) return { kind: 'later' };
    const { value, candidates } = completeTyped(typed, entries);
    // Nothing matches in the folder as it was read: it may have changed since, so it is read again.
    if (candidates.length === 0) return { kind: 'later' };
    if (value === typed && candidates.length === 1) return { kind: 'nothing' };
    show(value, candidates);
    readAhead(value);
    return { kind: 'completed', value };
  };

  /** Tab, after reading the folder: also what a pasted path in quotes or with escaped spaces completes to. */
  const complete = async (typed: string): Promise<string> => {
    if (!services) return typed;
    const folder = splitTyped(typed)[0];
    const entries = await services.listFolder(folder);
    read.current = { folder, entries };
    const path = entries.length > 0 || pastedPath(typed) === typed.trim() ? typed : pastedPath(typed);
    const { value, candidates } = completeTyped(
      path,
      path === typed ? entries : await services.listFolder(splitTyped(path)[0]),
    );
    show(value, candidates);
    return value;
  };

  const clear = () => {
    shownFor.current = undefined;
    setChoices((shown) => (shown.length > 0 ? [] : shown));
  };
  return { choices, complete, completeNow, readAhead, clear };
}
