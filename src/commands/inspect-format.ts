import { describeKeyShape } from '../core/crypto/key-facts.js';
import type { Item } from '../core/formats/items.js';
import { describeExpiry, describeNotYetValid } from '../core/time/expiry.js';
import type { InspectedFile } from './inspect.js';

const CONTAINER_NAMES = { pem: 'PEM', der: 'DER', pkcs7: 'PKCS#7 (P7B)', pkcs12: 'PKCS#12 (PFX)' } as const;
const ENCODING_NAMES = { pkcs1: 'PKCS#1', pkcs8: 'PKCS#8', sec1: 'SEC1', spki: 'SPKI' } as const;

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function row(label: string, value: string): string {
  return `      ${label.padEnd(12)}${value}`;
}

function itemLines(item: Item, index: number, now: Date): string[] {
  const head = (kind: string, summary: string) => `  [${index}] ${kind.padEnd(12)}${summary}`;
  switch (item.type) {
    case 'certificate': {
      const validity = describeNotYetValid(item.notBefore, now) ?? describeExpiry(item.notAfter, now);
      return [
        head('certificate', item.subject || '(empty subject)'),
        row('issuer', item.selfSigned ? 'itself (self-signed)' : item.issuer || '(empty)'),
        row('valid', `${day(item.notBefore)} to ${day(item.notAfter)}, ${validity}`),
        row('key', describeKeyShape(item)),
        ...(item.sans.length > 0 ? [row('names', item.sans.join(', '))] : []),
        ...(item.isCA ? [row('CA', 'yes, can issue certificates')] : []),
        row('serial', item.serial),
        row('sha256', item.sha256),
        row('spki sha256', item.spkiSha256),
      ];
    }
    case 'private-key': {
      const state = item.problem ? `encrypted: ${item.problem.message}` : item.encrypted ? (item.key ? 'encrypted (opened with the passphrase)' : 'encrypted (give --passphrase-file to read it)') : 'not encrypted';
      const shape = item.keyAlgorithm ? `${describeKeyShape(item)}, ` : '';
      return [head('private key', `${shape}${ENCODING_NAMES[item.encoding]}, ${state}`), ...(item.spkiSha256 ? [row('spki sha256', item.spkiSha256)] : [])];
    }
    case 'public-key':
      return [head('public key', `${describeKeyShape(item)}, ${ENCODING_NAMES[item.encoding]}`), row('spki sha256', item.spkiSha256)];
    case 'csr':
      return [
        head('CSR', item.subject || '(empty subject)'),
        row('key', describeKeyShape(item)),
        row('signature', item.signatureValid ? 'valid' : 'DOES NOT VERIFY'),
        ...(item.spkiSha256 ? [row('spki sha256', item.spkiSha256)] : []),
      ];
  }
}

/** A readable summary of one file, for people. */
export function formatFile(entry: InspectedFile, now: Date): string {
  const { facts, result } = entry;
  if (!result || facts.error) return `${entry.file}: error ${facts.error?.code}: ${facts.error?.message}\n  Fix: ${facts.error?.fix ?? ''}\n`;
  const count = result.items.length;
  const lines = [`${entry.file}: ${CONTAINER_NAMES[result.container]}, ${count} item${count === 1 ? '' : 's'}`];
  result.items.forEach((item, index) => lines.push(...itemLines(item, index, now)));
  for (const match of facts.matches ?? []) lines.push(`  key [${match.key}] matches certificate [${match.certificate}]`);
  if ((facts.chain?.length ?? 0) > 1) lines.push(`  chain, leaf to root: ${facts.chain!.map((index) => `[${index}]`).join(' → ')}`);
  if (facts.skipped?.length) lines.push(`  skipped: ${facts.skipped.join(', ')} (not used for IAM)`);
  return `${lines.join('\n')}\n`;
}
