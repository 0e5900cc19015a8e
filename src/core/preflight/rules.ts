/** IAM's own limits for server certificates, from the UploadServerCertificate API reference. */
export const IAM_LIMITS = {
  bodyChars: 16_384,
  privateKeyChars: 16_384,
  chainChars: 2_097_152,
  pathChars: 512,
} as const;

export const NAME_PATTERN = /^[\w+=,.@-]{1,128}$/;
export const PATH_PATTERN = /^(\/|\/[\x21-\x7E]+\/)$/;
export const CLOUDFRONT_PREFIX = '/cloudfront/';

export type Severity = 'error' | 'warning' | 'note';
export type Field = 'certificate' | 'privateKey' | 'chain' | 'name' | 'path' | 'region';

export interface Finding {
  code: string;
  severity: Severity;
  field: Field;
  message: string;
  fix: string;
  /** The fix in the app's words (keys and screens), where it differs. */
  appFix?: string;
}

export function checkName(name: string): Finding | undefined {
  if (NAME_PATTERN.test(name)) return undefined;
  const why =
    name.length === 0
      ? 'is empty'
      : name.length > 128
        ? `is ${name.length} characters long`
        : 'has characters IAM does not allow';
  return {
    code: 'NAME_INVALID',
    severity: 'error',
    field: 'name',
    message: `The name "${name.length > 48 ? `${name.slice(0, 40)}…` : name}" ${why}.`,
    fix: 'Use 1–128 letters, digits and + = , . @ _ - (no spaces or slashes).',
  };
}

export interface PathOptions {
  /** The certificate is meant for CloudFront, whose path must start with /cloudfront/. */
  cloudfront?: boolean;
}

export function checkPath(path: string, options: PathOptions = {}): Finding | undefined {
  const finding = (code: string, message: string, fix: string): Finding => ({
    code,
    severity: 'error',
    field: 'path',
    message,
    fix,
  });
  if (path.length > IAM_LIMITS.pathChars) {
    return finding(
      'PATH_TOO_LONG',
      `The path is ${path.length} characters; IAM allows ${IAM_LIMITS.pathChars}.`,
      'Use a shorter path.',
    );
  }
  if (!PATH_PATTERN.test(path)) {
    return finding(
      'PATH_INVALID',
      `The path "${path}" is not valid.`,
      'Use "/" or a path that starts and ends with "/" and has no spaces, such as /cloudfront/prod/.',
    );
  }
  const looksLikeCloudFront = /^\/cloudfront/i.test(path);
  if ((options.cloudfront || looksLikeCloudFront) && !path.startsWith(CLOUDFRONT_PREFIX)) {
    return finding(
      'PATH_CLOUDFRONT',
      `CloudFront only sees certificates whose path starts with ${CLOUDFRONT_PREFIX}; "${path}" does not.`,
      `Use a path such as ${CLOUDFRONT_PREFIX} or ${CLOUDFRONT_PREFIX}prod/.`,
    );
  }
  return undefined;
}
