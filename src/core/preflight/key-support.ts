import { fixFields, worded, type Worded } from '../errors.js';
import type { KeyShape } from '../formats/items.js';
import { describeKeyShape } from '../crypto/key-facts.js';
import type { Field, Finding } from './rules.js';

/**
 * IAM stores RSA 1024–4096 and ECDSA P-256/P-384 server certificates. The
 * services that use them are narrower, so those limits are notes, not errors.
 */
export function checkKeySupport(shape: KeyShape, field: Field = 'certificate'): Finding[] {
  const described = describeKeyShape(shape);
  const findings: Finding[] = [];
  const add = (code: string, severity: Finding['severity'], message: string, fix: string | Worded) =>
    findings.push({ code, severity, field, message, ...fixFields(fix) });
  if (shape.keyAlgorithm === 'rsa' && shape.keySize !== undefined) {
    if (shape.keySize < 1024 || shape.keySize > 4096) {
      add(
        'KEY_TYPE_UNSUPPORTED',
        'error',
        `IAM does not accept ${described} keys.`,
        worded(
          'Create a new key: iamcert create --key-type rsa2048',
          'Create a new RSA 2048 key (Create, or :create).',
        ),
      );
    } else if (shape.keySize < 2048) {
      add(
        'KEY_WEAK',
        'warning',
        `${described} is weak; browsers and AWS services are dropping it.`,
        'Use RSA 2048 or larger for the next certificate.',
      );
    }
    if (shape.keySize > 2048) {
      add(
        'KEY_NOTE_SERVICES',
        'note',
        `${described}: CloudFront accepts RSA up to 3072 bits and Classic Load Balancers up to 2048.`,
        'RSA 2048 works with every AWS service.',
      );
    }
  } else if (shape.keyAlgorithm === 'ec' && (shape.curve === 'P-256' || shape.curve === 'P-384')) {
    add(
      'KEY_NOTE_SERVICES',
      'note',
      `${described}: Classic Load Balancers need RSA, and CloudFront accepts only P-256 among EC curves.`,
      'Use RSA 2048 where a Classic Load Balancer will serve it.',
    );
  } else if (shape.keyAlgorithm !== undefined) {
    add(
      'KEY_TYPE_UNSUPPORTED',
      'error',
      `IAM does not accept ${described} keys.`,
      worded(
        'Create a new key: iamcert create --key-type rsa2048 (or ec256)',
        'Create a new RSA 2048 or EC P-256 key (Create, or :create).',
      ),
    );
  }
  return findings;
}
