import { fail } from '../../core/errors.js';
import { checkName } from '../../core/preflight/rules.js';

/**
 * A certificate name typed on the command line, checked against IAM's rules before anything is asked of AWS or made
 * into a path: a 300-character name is "too long", not a file that cannot be read.
 */
export function checkGivenName(name: string | undefined, what = 'name'): void {
  if (name === undefined) return;
  const problem = checkName(name);
  if (problem) fail(problem.code, `${what === 'name' ? '' : `${what}: `}${problem.message}`, problem.fix);
}
