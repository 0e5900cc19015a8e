import type { KeyObject } from 'node:crypto';
import { fail, worded } from '../errors.js';
import type { KeyEncoding } from '../formats/items.js';

/** Node writes traditional DSA keys only inside PKCS#8, so a DSA key kept "as it was" is written as PKCS#8. */
export function exportPrivateKey(key: KeyObject, encoding: KeyEncoding, format: 'pem' | 'der'): string | Buffer {
  const type = encoding === 'dsa' ? 'pkcs8' : encoding;
  if (format === 'pem') return key.export({ type, format: 'pem' });
  return key.export({ type, format: 'der' });
}

/**
 * The encoding to use for a key when the user asked for pkcs1/pkcs8: EC keys have no PKCS#1, their traditional form is
 * SEC1.
 */
export function encodingFor(key: KeyObject, requested: 'pkcs1' | 'pkcs8'): KeyEncoding {
  if (requested === 'pkcs8') return 'pkcs8';
  if (key.asymmetricKeyType === 'rsa') return 'pkcs1';
  if (key.asymmetricKeyType === 'ec') return 'sec1';
  fail(
    'KEY_FORMAT_UNSUPPORTED',
    `A ${key.asymmetricKeyType ?? 'this'} key has no traditional (PKCS#1/SEC1) form.`,
    worded('Use --key-format pkcs8.', 'Choose PKCS#8 as the key format.'),
  );
}
