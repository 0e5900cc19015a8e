import { fixFields, fixInApp, toProblem, worded, type Worded } from '../errors.js';
import type { Item, ReadResult } from '../formats/items.js';
import { hasTextOutsidePem, looksLikePem } from '../formats/pem.js';
import { readItems } from '../formats/read.js';
import type { Field, Finding } from './rules.js';
import { prefix } from './field-prefix.js';

export const FIELD_NAMES: Record<Field, string> = {
  certificate: 'certificate',
  privateKey: 'private key',
  chain: 'certificate chain',
  name: 'name',
  path: 'path',
  region: 'region',
};

const CONTAINER_WORDS = {
  der: 'binary DER',
  pkcs12: 'a PKCS#12 (PFX) bundle',
  pkcs7: 'a PKCS#7 (P7B) bundle',
  pem: 'PEM',
  jks: 'a Java keystore (JKS)',
  jceks: 'a Java keystore (JCEKS)',
} as const;

export interface ReadField {
  text: string;
  items: Item[];
  extraText: boolean;
  /** Blocks that could not be read: never dropped silently from an upload. */
  damaged: NonNullable<ReadResult['damaged']>;
}

/** Reads one upload field the way IAM sees it: PEM text, nothing converted. */
export async function readField(field: Field, input: Buffer | string): Promise<ReadField | Finding> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const text = bytes.toString('utf8');
  const what = FIELD_NAMES[field];
  const finding = (code: string, message: string, fix: string | Worded): Finding => ({
    code,
    severity: 'error',
    field,
    message,
    ...fixFields(fix),
  });
  if (!looksLikePem(bytes.toString('latin1'))) {
    if (bytes.length === 0)
      return finding(`${prefix(field)}_MISSING`, `The ${what} is empty.`, `Pick the file that holds the ${what}.`);
    let container = 'not PEM';
    try {
      container = CONTAINER_WORDS[(await readItems(bytes)).container];
    } catch (error) {
      if (toProblem(error).code === 'PASSPHRASE_REQUIRED') container = CONTAINER_WORDS.pkcs12;
    }
    return finding(
      `${prefix(field)}_NOT_PEM`,
      `The ${what} is ${container}; IAM takes PEM text only.`,
      worded(
        'Convert it: iamcert prepare FILE --out-dir DIR (or iamcert convert FILE --to pem).',
        'Convert it: open it in Inspect (:inspect PATH) and choose Prepare.',
      ),
    );
  }
  try {
    const { items, damaged = [] } = await readItems(bytes);
    return { text, items, extraText: hasTextOutsidePem(text), damaged };
  } catch (error) {
    const problem = toProblem(error);
    return finding(
      `${prefix(field)}_UNREADABLE`,
      `The ${what} could not be read: ${problem.message}`,
      worded(problem.fix, fixInApp(problem)),
    );
  }
}
