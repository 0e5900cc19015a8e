import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The folder the user started from, where `npm start` moved away from it: npm runs a package's scripts in the package's
 * folder and names the user's own in INIT_CWD. Exports, new keys and relative paths belong there, not in the clone.
 * Only for `npm start`: any other script (npm test) hands INIT_CWD down to processes that chose their own folder.
 */
export function folderStartedFrom(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const started = env.INIT_CWD;
  if (env.npm_lifecycle_event !== 'start' || !started) return undefined;
  const folder = resolve(started);
  if (folder === resolve(cwd)) return undefined;
  try {
    return statSync(folder).isDirectory() ? folder : undefined;
  } catch {
    return undefined;
  }
}
