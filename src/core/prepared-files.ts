import { join } from 'node:path';
import type { FileToWrite } from './files/safe-write.js';

export const PREPARED_NAMES = {
  certificate: 'certificate.pem',
  privateKey: 'private-key.pem',
  chain: 'chain.pem',
} as const;

/**
 * What prepare writes into a folder, in this order: certificate.pem, private-key.pem (a secret) and, unless
 * self-signed, chain.pem.
 */
export function preparedFiles(
  prepared: { certificatePem: string; privateKeyPem: string; chainPem?: string },
  folder: string,
): FileToWrite[] {
  return [
    { path: join(folder, PREPARED_NAMES.certificate), data: prepared.certificatePem },
    { path: join(folder, PREPARED_NAMES.privateKey), data: prepared.privateKeyPem, secret: true },
    ...(prepared.chainPem ? [{ path: join(folder, PREPARED_NAMES.chain), data: prepared.chainPem }] : []),
  ];
}
