import { fail, worded } from '../errors.js';

/** IAM's own pattern for names, and its length limit: what a name from an answer may be before it names a file. */
const IAM_NAME = /^[\w+=,.@-]{1,128}$/;

/**
 * A name from outside (an IAM answer, an account from STS) checked before it becomes part of a path: IAM's
 * characters only, never "." or "..", so it stays one file inside the folder it is joined to.
 */
export function fileNamePart(value: string, what: string): string {
  if (!IAM_NAME.test(value) || value === '.' || value === '..') {
    fail(
      'UNSAFE_NAME',
      `The ${what} "${value}" cannot name a file: it is not a name IAM allows (letters, digits and +=,.@_- up to 128).`,
      worded(
        'Check the name with iamcert list; if it came from an answer, check --endpoint-url and any proxy.',
        'Check the name in the list; if it came from an answer, check the endpoint and any proxy.',
      ),
    );
  }
  return value;
}
