import forge from 'node-forge';
import { fail } from '../errors.js';

export interface PemBlock {
  label: string;
  der: Buffer;
  /** The block re-encoded as clean PEM, headers (Proc-Type, DEK-Info) kept. */
  pem: string;
  encryptedLegacy: boolean;
}

const BOM = '\uFEFF';
const BEGIN = /-----BEGIN ([A-Z0-9 #-]+)-----/g;

export function looksLikePem(text: string): boolean {
  return text.includes('-----BEGIN ');
}

/**
 * Every PEM block in the text, in order. Text before, between and after the
 * blocks (OpenSSL "Bag Attributes", `-text` dumps), CRLF, a BOM and trailing
 * spaces are all tolerated.
 */
export function decodePemBlocks(rawText: string): PemBlock[] {
  const text = normaliseLineEndings(rawText.startsWith(BOM) ? rawText.slice(1) : rawText)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
  const expected = [...text.matchAll(BEGIN)].map((m) => m[1] ?? '');
  let messages: forge.pem.ObjectPEM[];
  try {
    messages = forge.pem.decode(text);
  } catch (error) {
    fail('PEM_DAMAGED', `A PEM block is damaged: ${error instanceof Error ? error.message : String(error)}.`, 'Get a fresh copy of the file; PEM text must not be edited by hand.');
  }
  if (messages.length < expected.length) {
    const found = new Set(messages.map((m) => m.type));
    const broken = expected.find((label) => !found.has(label)) ?? expected[messages.length] ?? 'PEM';
    fail('PEM_DAMAGED', `The "${broken}" PEM block is damaged (bad base64 or a missing END line).`, 'Get a fresh copy of the file; PEM text must not be edited by hand.');
  }
  return messages.map((message) => {
    const der = Buffer.from(message.body, 'binary');
    if (der.length === 0) {
      fail('PEM_EMPTY', `The "${message.type}" PEM block has no content.`, 'Get a fresh copy of the file; the block between BEGIN and END is empty.');
    }
    return {
      label: message.type,
      der,
      pem: forge.pem.encode(message, { maxline: 64 }).replace(/\r\n/g, '\n'),
      encryptedLegacy: message.procType?.type === 'ENCRYPTED',
    };
  });
}

export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function derToPem(label: string, der: Buffer): string {
  return forge.pem.encode({ type: label, body: der.toString('binary') }, { maxline: 64 }).replace(/\r\n/g, '\n');
}

/** True when the text holds anything but PEM blocks (and whitespace). */
export function hasTextOutsidePem(rawText: string): boolean {
  if (rawText.startsWith(BOM)) return true;
  const outside = normaliseLineEndings(rawText).replace(/-----BEGIN ([A-Z0-9 #-]+)-----[\s\S]*?-----END \1-----/g, '');
  return outside.trim().length > 0;
}
