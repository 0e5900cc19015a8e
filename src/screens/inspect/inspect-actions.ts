import { basename, dirname, extname, join } from 'node:path';
import type { ReadResult } from '../../core/formats/items.js';
import { splitFileNames } from '../../core/formats/split-names.js';

export type InspectAction =
  | 'to-pem'
  | 'to-der'
  | 'to-pkcs8'
  | 'to-pkcs1'
  | 'decrypt'
  | 'split'
  | 'prepare'
  | 'upload'
  | 'acm-import'
  | 'add-file';

export interface ActionChoice {
  action: InspectAction;
  label: string;
  why: string;
}

/** What "Convert to PEM" writes, in the words of what this file holds. */
function pemWhy(keys: number, certificates: number, openKeys: ReadResult['items']): string {
  const decrypted = openKeys.some((item) => item.type === 'private-key' && item.encrypted);
  const mode = decrypted ? ' written decrypted (0600)' : ' (0600)';
  const key = keys === 0 ? '' : keys === 1 ? `the key${mode}` : `the ${keys} keys${mode}`;
  // Several keys (a keystore's entries) mean several certificates of their own, not one certificate and its chain.
  const certs =
    certificates === 0
      ? ''
      : certificates === 1
        ? 'the certificate'
        : keys > 1
          ? `the ${certificates} certificates`
          : `the certificate and its chain (${certificates} certificates)`;
  const what = [key, certs].filter(Boolean);
  return `Text form: ${what.length === 2 ? `${what[0]} first, then ${what[1]}` : (what[0] ?? 'every item')}.`;
}

/** The actions that make sense for what the file holds. */
export function actionsFor(result: ReadResult, container: ReadResult['container']): ActionChoice[] {
  const keys = result.items.filter((item) => item.type === 'private-key');
  const certificates = result.items.filter((item) => item.type === 'certificate');
  const openKeys = keys.filter((item) => item.type === 'private-key' && item.key);
  const choices: ActionChoice[] = [];
  if (container !== 'pem')
    choices.push({
      action: 'to-pem',
      label: 'Convert to PEM',
      why: pemWhy(keys.length, certificates.length, openKeys),
    });
  if (result.items.length === 1 && container !== 'der')
    choices.push({ action: 'to-der', label: 'Convert to DER', why: 'Binary form of this single item.' });
  // A keystore's entries are several keys: each action says it writes them all, in one file.
  const several = openKeys.length > 1 ? ` (all ${openKeys.length} in one file)` : '';
  if (openKeys.length > 0) {
    choices.push({
      action: 'to-pkcs8',
      label: openKeys.length > 1 ? 'Keys to PKCS#8' : 'Key to PKCS#8',
      why: `BEGIN PRIVATE KEY: what IAM and the EC2 tools read${several}.`,
    });
    choices.push({
      action: 'to-pkcs1',
      label: openKeys.length > 1 ? 'Keys to PKCS#1 / SEC1' : 'Key to PKCS#1 / SEC1',
      why: `The traditional form (BEGIN RSA PRIVATE KEY), for old software${several}.`,
    });
  }
  if (keys.some((item) => item.type === 'private-key' && item.encrypted && item.key))
    choices.push({
      action: 'decrypt',
      label: openKeys.length > 1 ? 'Decrypt the keys' : 'Decrypt the key',
      why: `Write ${openKeys.length > 1 ? 'the keys' : 'the key'} without a passphrase (IAM needs it unencrypted)${several}.`,
    });
  if (result.items.length > 1) {
    const names = splitFileNames(result.items);
    choices.push({
      action: 'split',
      label: 'Split into one file per item',
      why: `${names.slice(0, 3).join(', ')}${names.length > 3 ? ' …' : ''} in a folder beside the file.`,
    });
  }
  if (certificates.length > 0) {
    choices.push({
      action: 'prepare',
      label: 'Prepare for IAM upload',
      why: "certificate.pem, private-key.pem and chain.pem, checked against IAM's rules.",
    });
    choices.push({
      action: 'upload',
      label: 'Upload as server certificate',
      why: 'Prepare, then open the upload screen with the files filled in.',
    });
    choices.push({
      action: 'acm-import',
      label: 'Import into ACM',
      why: "Prepare, then open ACM's import (or re-import) with the files filled in.",
    });
  }
  choices.push({
    action: 'add-file',
    label: 'Add another file (key or chain)',
    why: 'When the key or the chain is in a separate file.',
  });
  return choices;
}

function stem(path: string): string {
  return join(dirname(path), basename(path, extname(path)));
}

/** Where an action writes by default: beside the source, never over it. */
export function defaultOutput(action: InspectAction, source: string): string {
  switch (action) {
    case 'to-pem':
      return `${stem(source)}.pem`;
    case 'to-der':
      return `${stem(source)}.der`;
    case 'to-pkcs8':
      return `${stem(source)}-pkcs8.pem`;
    case 'to-pkcs1':
      return `${stem(source)}-traditional.pem`;
    case 'decrypt':
      return `${stem(source)}-decrypted.pem`;
    case 'split':
      return `${stem(source)}-parts`;
    case 'prepare':
    case 'upload':
    case 'acm-import':
      return join(dirname(source), 'iam-upload');
    case 'add-file':
      return dirname(source);
  }
}
