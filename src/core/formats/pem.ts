import type { Problem } from '../errors.js';
import { fail, IamcertError } from '../errors.js';

export interface PemBlock {
  label: string;
  /** Exactly the bytes the base64 between BEGIN and END encodes. */
  der: Buffer;
  /** The block as clean PEM (64-column base64), headers (Proc-Type, DEK-Info) kept. */
  pem: string;
  encryptedLegacy: boolean;
  /** The cipher a legacy encrypted block names in its DEK-Info header, e.g. "DES-CBC". */
  legacyCipher?: string;
}

/** A BEGIN with no matching END, or base64 that is not whole: reported, never guessed at. */
export interface DamagedPemBlock {
  label: string;
  damaged: Problem;
}

const BOM = '\uFEFF';
/** Both markers in one pass, so a file of unmatched BEGIN lines is still read in linear time. */
const MARKER = /-----(BEGIN|END) ([A-Z0-9 #-]{1,80})-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DAMAGED_FIX = 'Get a fresh copy of the file; PEM text must not be edited by hand.';

export function looksLikePem(text: string): boolean {
  return text.includes('-----BEGIN ');
}

export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function damaged(label: string, message: string): DamagedPemBlock {
  return { label, damaged: { code: 'PEM_DAMAGED', message, fix: DAMAGED_FIX } };
}

/**
 * Every PEM block in the text, in order, each decoded or reported as damaged. Text before,
 * between and after the blocks (OpenSSL "Bag Attributes", `-text` dumps), CRLF, a BOM and
 * trailing spaces are all tolerated.
 */
export function scanPemBlocks(rawText: string): Array<PemBlock | DamagedPemBlock> {
  const text = normaliseLineEndings(rawText.startsWith(BOM) ? rawText.slice(1) : rawText);
  const markers = [...text.matchAll(MARKER)].map((match) => ({
    kind: match[1],
    label: match[2] ?? '',
    start: match.index,
    end: match.index + match[0].length,
  }));
  const blocks: Array<PemBlock | DamagedPemBlock> = [];
  for (let index = 0; index < markers.length; index += 1) {
    const begin = markers[index]!;
    if (begin.kind !== 'BEGIN') continue;
    const end = markers[index + 1];
    if (!end || end.kind !== 'END' || end.label !== begin.label) {
      blocks.push(damaged(begin.label, `The "${begin.label}" PEM block has no END line.`));
      continue;
    }
    index += 1;
    blocks.push(decodeBody(begin.label, text.slice(begin.end, end.start)));
  }
  return blocks;
}

/** Every PEM block in the text; the first damaged one fails the whole text (for what is sent to IAM). */
export function decodePemBlocks(rawText: string): PemBlock[] {
  return scanPemBlocks(rawText).map((block) => {
    if ('damaged' in block) throw new IamcertError(block.damaged);
    return block;
  });
}

function decodeBody(label: string, body: string): PemBlock | DamagedPemBlock {
  const lines = body.split('\n').map((line) => line.trim());
  const headers: string[] = [];
  let first = lines.findIndex((line) => line !== '');
  if (first >= 0 && /^[A-Za-z][A-Za-z0-9-]*:/.test(lines[first]!)) {
    // RFC 1421 headers run to the first blank line; OpenSSL takes only Proc-Type, then DEK-Info.
    const blank = lines.indexOf('', first);
    if (blank < 0) return damaged(label, `The "${label}" PEM block has headers but no blank line after them.`);
    headers.push(...lines.slice(first, blank));
    first = blank;
    if (!/^Proc-Type:/i.test(headers[0]!))
      return damaged(label, `The "${label}" PEM block has headers, and its first is not Proc-Type.`);
  }
  // OpenSSL's decoder passes over white space inside lines too.
  const base64 = lines.slice(Math.max(first, 0)).join('').replace(/\s+/g, '');
  if (base64.length === 0) return damaged(label, `The "${label}" PEM block has no content.`);
  if (!BASE64.test(base64) || base64.length % 4 !== 0) {
    return damaged(
      label,
      `The "${label}" PEM block is damaged: its base64 is ${base64.length % 4 !== 0 ? 'cut short' : 'not valid'}.`,
    );
  }
  const der = Buffer.from(base64, 'base64');
  const procType = headers.find((header) => /^Proc-Type:/i.test(header));
  const dekInfo = headers.find((header) => /^DEK-Info:/i.test(header));
  const encryptedLegacy = procType !== undefined && /ENCRYPTED/i.test(procType);
  const [, legacyCipher, iv] = dekInfo ? (/^DEK-Info:\s*([^,\s]+)\s*,?\s*(\S*)/i.exec(dekInfo) ?? []) : [];
  if (dekInfo && !/^([0-9A-Fa-f]{2})+$/.test(iv ?? ''))
    return damaged(label, `The "${label}" PEM block's DEK-Info has no valid IV.`);
  return {
    label,
    der,
    pem: encodePem(label, der, headers),
    encryptedLegacy,
    ...(legacyCipher ? { legacyCipher } : {}),
  };
}

function encodePem(label: string, der: Buffer, headers: string[] = []): string {
  const base64 = der.toString('base64');
  const lines: string[] = [];
  for (let offset = 0; offset < base64.length; offset += 64) lines.push(base64.slice(offset, offset + 64));
  const head = headers.length > 0 ? `${headers.join('\n')}\n\n` : '';
  return `-----BEGIN ${label}-----\n${head}${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function derToPem(label: string, der: Buffer): string {
  if (der.length === 0) fail('PEM_EMPTY', `There is nothing to write as "${label}".`, DAMAGED_FIX);
  return encodePem(label, der);
}

/** True when the text holds anything but PEM blocks (and whitespace). */
export function hasTextOutsidePem(rawText: string): boolean {
  if (rawText.startsWith(BOM)) return true;
  const text = normaliseLineEndings(rawText);
  let outside = '';
  let position = 0;
  for (const block of text.matchAll(/-----BEGIN ([A-Z0-9 #-]{1,80})-----/g)) {
    if (block.index < position) continue;
    outside += text.slice(position, block.index);
    const endMarker = `-----END ${block[1]}-----`;
    const end = text.indexOf(endMarker, block.index);
    if (end < 0) return true;
    position = end + endMarker.length;
    if (outside.trim().length > 0) return true;
  }
  return (outside + text.slice(position)).trim().length > 0;
}
