import { fixFields, worded, type Worded } from '../errors.js';
import { describeKeyShape, withArticle } from '../crypto/key-facts.js';
import type { KeyShape } from '../formats/items.js';
import { CLOUDFRONT_PREFIX } from '../preflight/rules.js';
import type { Consumer } from '../usage/consumers.js';
import { covers } from '../usage/names.js';
import { describeConsumer } from '../usage/usage-map.js';

/** What a rotation needs to know of the certificate that takes over. */
export interface IncomingFacts extends KeyShape {
  name: string;
  path: string;
  /** DNS names from the SANs, lower case; the subject's CN only when there are none. */
  names: string[];
  notAfter?: Date;
}

export interface RotationCheck {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
  appFix?: string;
}

/** The key types each kind of consumer accepts from IAM, narrower than IAM's own rule. */
function keyAccepted(kind: Consumer['kind'], shape: KeyShape): boolean {
  if (shape.keyAlgorithm === 'rsa') {
    const size = shape.keySize ?? 0;
    if (kind === 'ELB') return size <= 2048;
    if (kind === 'CloudFront') return size <= 3072;
    return size <= 4096;
  }
  if (shape.keyAlgorithm === 'ec') {
    if (kind === 'ELB') return false;
    if (kind === 'CloudFront') return shape.curve === 'P-256';
    return shape.curve === 'P-256' || shape.curve === 'P-384';
  }
  return false;
}

/**
 * Before anything changes: the incoming certificate must serve every consumer the old one does. Its
 * names cover every distribution's aliases (CloudFront refuses otherwise), every consumer takes its
 * key type, a distribution finds it under /cloudfront/, and it outlives the old one. Names on the old
 * certificate that the new one drops are a warning: they may no longer be in use.
 */
export function rotationChecks(
  incoming: IncomingFacts,
  old: { names: string[]; notAfter?: Date },
  consumers: Consumer[],
  now = new Date(),
): RotationCheck[] {
  const checks: RotationCheck[] = [];
  const add = (code: string, severity: RotationCheck['severity'], message: string, fix: string | Worded) =>
    checks.push({ code, severity, message, ...fixFields(fix) });
  if (incoming.notAfter && incoming.notAfter.getTime() <= now.getTime()) {
    add(
      'NEW_CERTIFICATE_EXPIRED',
      'error',
      `${incoming.name} expired on ${incoming.notAfter.toISOString().slice(0, 10)}.`,
      'Rotate to a renewed certificate.',
    );
  } else if (incoming.notAfter && old.notAfter && incoming.notAfter.getTime() <= old.notAfter.getTime()) {
    add(
      'NEW_CERTIFICATE_NOT_NEWER',
      'warning',
      `${incoming.name} expires ${incoming.notAfter.toISOString().slice(0, 10)}, no later than the certificate it replaces.`,
      'Check that this is the renewed certificate.',
    );
  }
  const aliases = consumers.flatMap((consumer) =>
    (consumer.domains ?? [])
      .filter((domain) => !covers(incoming.names, domain))
      .map((domain) => `${domain} (${describeConsumer(consumer)})`),
  );
  if (aliases.length > 0) {
    add(
      'NAMES_DO_NOT_COVER',
      'error',
      `${incoming.name}'s names (${incoming.names.join(', ') || 'none'}) do not cover ${aliases.join(', ')}.`,
      'Get a certificate whose names include every alternate domain name of the distribution.',
    );
  }
  const dropped = old.names.filter((name) => !covers(incoming.names, name));
  if (dropped.length > 0) {
    add(
      'NAMES_DROPPED',
      'warning',
      `The old certificate also covers ${dropped.join(', ')}, which ${incoming.name} does not: clients that ask for ${dropped.length === 1 ? 'it' : 'them'} get a name mismatch.`,
      'Go on only if no one uses those names any more.',
    );
  }
  const refusing = [
    ...new Set(consumers.filter((consumer) => !keyAccepted(consumer.kind, incoming)).map((consumer) => consumer.kind)),
  ];
  if (refusing.length > 0) {
    add(
      'KEY_TYPE_NOT_ACCEPTED',
      'error',
      `${refusing.join(' and ')} cannot serve a certificate with ${withArticle(describeKeyShape(incoming))} key.`,
      'Use RSA 2048: every AWS service accepts it.',
    );
  }
  if (consumers.some((consumer) => consumer.kind === 'CloudFront') && !incoming.path.startsWith(CLOUDFRONT_PREFIX)) {
    add(
      'CLOUDFRONT_PATH',
      'error',
      `A CloudFront distribution serves the old certificate, and CloudFront only sees certificates under ${CLOUDFRONT_PREFIX}; ${incoming.name} is at ${incoming.path}.`,
      worded(
        `Upload it with a path under ${CLOUDFRONT_PREFIX} (iamcert rename ${incoming.name} --new-path ${CLOUDFRONT_PREFIX} --cloudfront).`,
        `Give it a path under ${CLOUDFRONT_PREFIX}: e on it in the list edits its path.`,
      ),
    );
  }
  return checks;
}
