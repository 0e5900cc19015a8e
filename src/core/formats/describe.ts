import type { Relations } from '../crypto/chain.js';
import { describeKeyShape } from '../crypto/key-facts.js';
import { describeExpiry, describeNotYetValid } from '../time/expiry.js';
import type { Item } from './items.js';
import { sanitise } from '../text/sanitise.js';
import { capped } from '../text/capped.js';

export const CONTAINER_NAMES = {
  pem: 'PEM',
  der: 'DER',
  pkcs7: 'PKCS#7 (P7B)',
  pkcs12: 'PKCS#12 (PFX)',
  jks: 'Java keystore (JKS)',
  jceks: 'Java keystore (JCEKS)',
} as const;
const ENCODING_NAMES = {
  pkcs1: 'PKCS#1',
  pkcs8: 'PKCS#8',
  sec1: 'SEC1',
  dsa: 'traditional DSA',
  spki: 'SPKI',
} as const;

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "due in 30 days", "overdue by 2 days": a CRL past its next update is stale, and relying parties may refuse it. */
function nextUpdateIn(next: Date, now: Date): string {
  const days = Math.round((next.getTime() - now.getTime()) / 86_400_000);
  const count = (value: number) => `${value} day${value === 1 ? '' : 's'}`;
  return days >= 0 ? `due in ${count(days)}` : `overdue by ${count(-days)}`;
}

function row(label: string, value: string): string {
  return `      ${label.padEnd(12)}${value}`;
}

/** A few plain-text lines per item, for people: the CLI prints them and the TUI shows them. */
export function itemLines(item: Item, index: number, now: Date): string[] {
  const head = (kind: string, summary: string) => `  [${index}] ${kind.padEnd(12)}${summary}`;
  switch (item.type) {
    case 'certificate': {
      const validity = describeNotYetValid(item.notBefore, now) ?? describeExpiry(item.notAfter, now);
      return [
        head('certificate', sanitise(item.subject) || '(empty subject)'),
        row('issuer', item.selfSigned ? 'itself (self-signed)' : sanitise(item.issuer) || '(empty)'),
        row('valid', `${day(item.notBefore)} to ${day(item.notAfter)}, ${validity}`),
        row('key', describeKeyShape(item)),
        ...(item.sans.length > 0 ? [row('names', sanitise(item.sans.join(', ')))] : []),
        ...(item.isCA ? [row('CA', 'yes, can issue certificates')] : []),
        row('serial', item.serial),
        row('sha256', item.sha256),
        row('spki sha256', item.spkiSha256),
        ...(item.alias !== undefined ? [row('alias', sanitise(item.alias))] : []),
      ];
    }
    case 'private-key': {
      const state = item.problem
        ? `${item.encrypted ? 'encrypted' : 'not read'}: ${sanitise(item.problem.message)}`
        : item.encrypted
          ? item.key
            ? 'encrypted (opened with the passphrase)'
            : 'encrypted (its passphrase opens it)'
          : 'not encrypted';
      const shape = item.keyAlgorithm ? `${describeKeyShape(item)}, ` : '';
      return [
        head('private key', `${shape}${ENCODING_NAMES[item.encoding]}, ${state}`),
        ...(item.problem && item.problem.code !== 'WRONG_PASSPHRASE' ? [row('fix', sanitise(item.problem.fix))] : []),
        ...(item.spkiSha256 ? [row('spki sha256', item.spkiSha256)] : []),
        ...(item.alias !== undefined ? [row('alias', sanitise(item.alias))] : []),
      ];
    }
    case 'public-key':
      return [
        head('public key', `${describeKeyShape(item)}, ${ENCODING_NAMES[item.encoding]}`),
        ...(item.note ? [row('note', item.note)] : []),
        row('spki sha256', item.spkiSha256),
      ];
    case 'crl':
      return [
        head('CRL', sanitise(item.issuer) || '(empty issuer)'),
        row('updated', day(item.thisUpdate)),
        row('next', item.nextUpdate ? `${day(item.nextUpdate)}, ${nextUpdateIn(item.nextUpdate, now)}` : 'not given'),
        row('revokes', `${item.revoked.toLocaleString('en-US')} certificate${item.revoked === 1 ? '' : 's'}`),
      ];
    case 'csr':
      return [
        head('CSR', sanitise(item.subject) || '(empty subject)'),
        row('key', describeKeyShape(item)),
        row('names', item.sans.length > 0 ? sanitise(item.sans.join(', ')) : 'none asked for'),
        row(
          'signature',
          item.signatureValid
            ? 'valid'
            : item.signatureUnchecked
              ? `not checked (${item.signatureUnchecked})`
              : 'DOES NOT VERIFY',
        ),
        ...(item.spkiSha256 ? [row('spki sha256', item.spkiSha256)] : []),
      ];
  }
}

/**
 * "CRL, CRL, X509 CRL" → "2 × CRL, X509 CRL", at most a few names: a file of 150,000 blocks still makes one short line.
 */
export function describeLabels(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const named = [...counts]
    .slice(0, 5)
    .map(([label, count]) => (count > 1 ? `${count.toLocaleString('en-US')} × ${label}` : label));
  return counts.size > 5 ? `${named.join(', ')} and ${counts.size - 5} other kinds` : named.join(', ');
}

/** "1 item", "3 items": said the same way by the CLI and the app. */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

function listIndexes(indexes: number[]): string {
  const { shown, rest } = capped(indexes, 12);
  const listed = shown.map((index) => `[${index}]`).join(' ');
  return rest.length > 0 ? `${listed} and ${rest.length} more` : listed;
}

/** Every item's lines, then which key matches which certificate and the chain from leaf to root. */
export function itemsWithRelations(items: Item[], relations: Relations, now: Date): string[] {
  return [
    ...items.flatMap((item, index) => itemLines(item, index, now)),
    ...relations.matches.map((match) => `  key [${match.key}] matches certificate [${match.certificate}]`),
    ...(relations.chain.length > 1
      ? [`  chain, leaf to root: ${relations.chain.map((index) => `[${index}]`).join(' → ')}`]
      : []),
    ...(relations.chain.length > 1 && relations.strangers.length > 0
      ? [`  not on that chain: ${listIndexes(relations.strangers)}`]
      : []),
  ];
}
