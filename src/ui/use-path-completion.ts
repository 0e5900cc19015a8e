import { useContext, useState } from 'react';
import { completeTyped, pastedPath, splitTyped } from '../core/files/path-completion.js';
import { FrameContext } from './frame-context.js';

/** The form fields that hold a file path, by the names every form gives them: Tab completes them. */
export const PATH_FIELDS: ReadonlySet<string> = new Set(['certificate', 'privateKey', 'chain']);

/**
 * Tab on a path, as a shell completes it: the one entry that matches, or the start the matches share; when several
 * remain, their names to choose from. The folder is read through the Services port.
 */
export function usePathCompletion() {
  // A field shown outside the app frame (a widget on its own) completes nothing.
  const services = useContext(FrameContext)?.services;
  const [choices, setChoices] = useState<string[]>([]);
  const complete = async (typed: string): Promise<string> => {
    if (!services) return typed;
    // A pasted path in quotes or with escaped spaces is completed as the shell would read it.
    const entries = await services.listFolder(splitTyped(typed)[0]);
    const path = entries.length > 0 || pastedPath(typed) === typed.trim() ? typed : pastedPath(typed);
    const { value, candidates } = completeTyped(
      path,
      path === typed ? entries : await services.listFolder(splitTyped(path)[0]),
    );
    setChoices(candidates.length > 1 ? candidates.map((entry) => `${entry.name}${entry.folder ? '/' : ''}`) : []);
    return value;
  };
  return { choices, complete, clear: () => setChoices((shown) => (shown.length > 0 ? [] : shown)) };
}
