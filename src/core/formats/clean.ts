import { decodePemBlocks, looksLikePem } from './pem.js';

/** PEM text with everything outside the BEGIN/END blocks removed and line endings normalised: what is sent to IAM. */
export function cleanPemText(input: Buffer | string): string {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  return decodePemBlocks(text)
    .map((block) => block.pem)
    .join('');
}

/** Cleaned PEM text, or the input as it was when it is not PEM (the preflight then says so). */
export function cleanIfPem(input: Buffer | string): Buffer | string {
  const text = typeof input === 'string' ? input : input.toString('latin1');
  if (!looksLikePem(text)) return input;
  try {
    return cleanPemText(input);
  } catch {
    return input;
  }
}
