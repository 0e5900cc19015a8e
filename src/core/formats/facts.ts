import type { Relations } from '../crypto/chain.js';
import type { Problem } from '../errors.js';
import type { Container, Item, KeyShape } from './items.js';

/** Plain, serialisable facts about one item: what `inspect --json` prints. */
export type ItemFacts = Record<string, unknown> & { type: Item['type'] };

function shapeFacts(shape: KeyShape): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  if (shape.keyAlgorithm !== undefined) facts.keyAlgorithm = shape.keyAlgorithm;
  if (shape.keySize !== undefined) facts.keySize = shape.keySize;
  if (shape.curve !== undefined) facts.curve = shape.curve;
  if (shape.keyOid !== undefined) facts.keyOid = shape.keyOid;
  return facts;
}

export function itemFacts(item: Item): ItemFacts {
  switch (item.type) {
    case 'certificate':
      return {
        type: 'certificate',
        subject: item.subject,
        issuer: item.issuer,
        serial: item.serial,
        notBefore: item.notBefore.toISOString(),
        notAfter: item.notAfter.toISOString(),
        sans: item.sans,
        isCA: item.isCA,
        selfSigned: item.selfSigned,
        ...shapeFacts(item),
        sha256: item.sha256,
        spkiSha256: item.spkiSha256,
        ...(item.alias !== undefined ? { alias: item.alias } : {}),
      };
    case 'private-key':
      return {
        type: 'private-key',
        ...shapeFacts(item),
        encoding: item.encoding,
        encrypted: item.encrypted,
        ...(item.spkiSha256 ? { spkiSha256: item.spkiSha256 } : {}),
        ...(item.problem ? { error: { code: item.problem.code, message: item.problem.message } } : {}),
        ...(item.alias !== undefined ? { alias: item.alias } : {}),
      };
    case 'public-key':
      return {
        type: 'public-key',
        encoding: item.encoding,
        ...shapeFacts(item),
        spkiSha256: item.spkiSha256,
        ...(item.note ? { note: item.note } : {}),
      };
    case 'crl':
      return {
        type: 'crl',
        issuer: item.issuer,
        thisUpdate: item.thisUpdate.toISOString(),
        ...(item.nextUpdate ? { nextUpdate: item.nextUpdate.toISOString() } : {}),
        revoked: item.revoked,
      };
    case 'csr':
      return {
        type: 'csr',
        subject: item.subject,
        sans: item.sans,
        ...shapeFacts(item),
        signatureValid: item.signatureValid,
        ...(item.signatureUnchecked ? { signatureUnchecked: item.signatureUnchecked } : {}),
        ...(item.spkiSha256 ? { spkiSha256: item.spkiSha256 } : {}),
      };
  }
}

export interface FileFacts {
  file: string;
  container?: Container;
  items?: ItemFacts[];
  /** Private key index → certificate index, within this file. */
  matches?: Relations['matches'];
  /** Certificate indexes from leaf to root. */
  chain?: number[];
  /** Certificates that are not on the leaf's chain. */
  strangers?: number[];
  skipped?: string[];
  /** Blocks that could not be read beside the items that could. */
  damaged?: Array<Problem & { label: string }>;
  error?: Pick<Problem, 'code' | 'message'> & { fix?: string };
}
