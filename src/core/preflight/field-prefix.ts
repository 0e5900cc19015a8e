import type { Field } from './rules.js';

/** The start of a finding's code for each field: CERT_EXPIRED, KEY_MISMATCH. */
export function prefix(field: Field): string {
  return { certificate: 'CERT', privateKey: 'KEY', chain: 'CHAIN', name: 'NAME', path: 'PATH', region: 'REGION' }[
    field
  ];
}
