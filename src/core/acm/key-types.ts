/**
 * Every key type ACM holds. ListCertificates returns only RSA_1024 and RSA_2048 certificates unless
 * `Includes.keyTypes` names the others (aws-cli #3450, terraform-provider-aws #32309): every list asks for all.
 */
export const ACM_KEY_TYPES = [
  'RSA_1024',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'EC_prime256v1',
  'EC_secp384r1',
  'EC_secp521r1',
] as const;

export type AcmKeyType = (typeof ACM_KEY_TYPES)[number];

/** ACM writes "RSA-2048" in answers and takes "RSA_2048" in filters: one spelling inside iamcert. */
export function acmKeyType(algorithm: string | undefined): string {
  return (algorithm ?? '').replace('-', '_');
}

/** "RSA 2048", "EC P-256": how a person reads ACM's key type. */
export function keyTypeWords(algorithm: string | undefined): string {
  const type = acmKeyType(algorithm);
  const curve: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
  const [family, size] = type.split('_');
  if (family === 'EC' && size) return `EC ${curve[size] ?? size}`;
  if (family === 'RSA' && size) return `RSA ${size}`;
  return type || '?';
}
