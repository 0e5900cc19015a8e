import { decodePemBlocks } from './pem.js';

/** PEM text with everything outside the BEGIN/END blocks removed and line endings normalised: what is sent to IAM. */
export function cleanPemText(input: Buffer | string): string {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  return decodePemBlocks(text)
    .map((block) => block.pem)
    .join('');
}
