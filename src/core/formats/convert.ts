import { fail, worded } from '../errors.js';
import { findRelations } from '../crypto/chain.js';
import { certificatePem } from '../crypto/certificate.js';
import { encodingFor, exportPrivateKey } from '../crypto/private-key.js';
import type { Item, KeyEncoding, ReadResult } from './items.js';
import { derToPem } from './pem.js';

export interface ConvertRequest {
  to: 'pem' | 'der';
  /** Leave a key in its own encoding when not given. */
  keyFormat?: 'pkcs1' | 'pkcs8';
}

/** Keys first, then the leaf, then its chain upward, then anything else, as servers and IAM expect. */
export function orderForOutput(items: Item[]): Item[] {
  const { chain } = findRelations(items);
  const rank = (item: Item, index: number): number => {
    if (item.type === 'private-key') return 0;
    const inChain = chain.indexOf(index);
    if (inChain >= 0) return 1 + inChain / (chain.length + 1);
    return item.type === 'certificate' ? 2 : 3;
  };
  return items
    .map((item, index) => ({ item, order: rank(item, index), index }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ item }) => item);
}

function keyEncoding(item: Extract<Item, { type: 'private-key' }>, request: ConvertRequest): KeyEncoding {
  return request.keyFormat ? encodingFor(item.key!, request.keyFormat) : item.encoding;
}

function toPem(item: Item, request: ConvertRequest): string {
  switch (item.type) {
    case 'certificate':
      return certificatePem(item);
    case 'private-key':
      return exportPrivateKey(item.key!, keyEncoding(item, request), 'pem') as string;
    case 'public-key':
      return item.key.export({ type: item.encoding, format: 'pem' }) as string;
    case 'csr':
      return derToPem('CERTIFICATE REQUEST', item.der);
    case 'crl':
      return derToPem('X509 CRL', item.der);
  }
}

function toDer(item: Item, request: ConvertRequest): Buffer {
  switch (item.type) {
    case 'certificate':
      return item.der;
    case 'private-key':
      return exportPrivateKey(item.key!, keyEncoding(item, request), 'der') as Buffer;
    case 'public-key':
      return item.key.export({ type: item.encoding, format: 'der' });
    case 'csr':
    case 'crl':
      return item.der;
  }
}

/** Unencrypted output in the requested form. */
export function convertItems(result: ReadResult, request: ConvertRequest): Buffer {
  const locked = result.items.find((item) => item.type === 'private-key' && !item.key);
  if (locked && locked.type === 'private-key') {
    if (locked.problem) fail(locked.problem.code, locked.problem.message, locked.problem);
    fail(
      'KEY_ENCRYPTED',
      'The private key is encrypted.',
      worded(
        'Give its passphrase with --passphrase-file FILE or the IAMCERT_PASSPHRASE variable.',
        'Open it again and type its passphrase when asked.',
      ),
    );
  }
  const ordered = orderForOutput(result.items);
  if (request.to === 'pem') return Buffer.from(ordered.map((item) => toPem(item, request)).join(''), 'utf8');
  if (ordered.length !== 1) {
    fail(
      'DER_SINGLE_ITEM',
      `DER holds one item, and this file holds ${ordered.length}.`,
      worded(
        'Use --to pem, or iamcert prepare to split it into certificate, key and chain.',
        'Convert it to PEM, or choose Prepare to split it into certificate, key and chain.',
      ),
    );
  }
  return toDer(ordered[0]!, request);
}
