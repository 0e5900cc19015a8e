import { IamcertError, firstLine, fixFields, worded, type Problem, type Worded } from '../errors.js';

export interface AwsErrorContext {
  /** The action, e.g. "UploadServerCertificate", for AccessDenied messages. */
  action: string;
  /** Its service prefix in a policy: iam (the default), elasticloadbalancing, cloudfront, ec2. */
  service?: string;
  /** What was acted on, e.g. 'server certificate "www-2026"'. */
  subject?: string;
  endpoint?: string;
  profile?: string;
}

interface AwsLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $fault?: string;
}

function asAwsError(error: unknown): AwsLikeError {
  return typeof error === 'object' && error !== null ? error : { message: String(error) };
}

const NETWORK_CODES = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up/;

/** The first bad index IAM names in its chain-validation message. */
export function chainIndexFromMessage(message: string): number | undefined {
  const match = /index within the chain of the invalid certificate is:\s*(\d+)/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Turns any AWS SDK error into one line with the fix. */
export function describeAwsError(error: unknown, context: AwsErrorContext): Problem {
  if (error instanceof IamcertError) return error.toProblem();
  const aws = asAwsError(error);
  const name = aws.name ?? aws.code ?? 'Error';
  const message = firstLine(aws.message ?? '');
  const subject = context.subject ?? 'it';
  const profileFlag = context.profile ? ` --profile ${context.profile}` : '';
  const attempts = aws.$metadata?.attempts;
  const retried = attempts && attempts > 1 ? ` (tried ${attempts} times)` : '';
  const problem = (code: string, text: string, fix: string | Worded): Problem => ({
    code,
    message: text,
    ...fixFields(fix),
  });
  const who = serviceName(context.service);

  // The SDK names a connection cut before any answer a TimeoutError; it is not one.
  if (aws.code === 'ECONNRESET' || aws.code === 'EPIPE' || /socket hang up/i.test(message)) {
    return problem(
      'CONNECTION_RESET',
      `The connection to ${context.endpoint ?? who} was cut before ${who} answered${retried}.`,
      context.endpoint && context.endpoint !== 'AWS'
        ? worded(
            'Check that the endpoint is running and --endpoint-url is right; a proxy or firewall may be cutting connections.',
            'Check that the endpoint iamcert was started with is running and right; a proxy or firewall may be cutting connections.',
          )
        : 'Check your network, proxy or firewall, then try again.',
    );
  }

  switch (name) {
    case 'NoSuchEntity':
    case 'NoSuchEntityException':
      return problem(
        'NO_SUCH_ENTITY',
        `IAM has no ${subject}: ${message}`,
        'Check the name (and the account in the header); names are case-sensitive.',
      );
    case 'EntityAlreadyExists':
    case 'EntityAlreadyExistsException':
      return problem(
        'ENTITY_ALREADY_EXISTS',
        `${capitalise(subject)} already exists in IAM.`,
        'Choose another name, or rename or delete the existing one first.',
      );
    case 'LimitExceeded':
    case 'LimitExceededException':
      return problem(
        'LIMIT_EXCEEDED',
        `IAM refused: a quota is reached (${message}).`,
        'Delete something you no longer need, or ask AWS Support to raise the quota.',
      );
    case 'MalformedCertificate':
    case 'MalformedCertificateException': {
      const index = chainIndexFromMessage(message);
      if (index !== undefined) {
        return problem(
          'CHAIN_INVALID',
          `IAM could not validate the certificate chain: certificate ${index} in the chain is the first bad link.`,
          worded(
            "The chain must start with the certificate's issuer and go upward in order; iamcert prepare builds it for you.",
            "The chain must start with the certificate's issuer and go upward in order; open the files in Inspect (:inspect PATH) and choose Prepare to build it.",
          ),
        );
      }
      return problem(
        'MALFORMED_CERTIFICATE',
        `IAM could not read the certificate: ${message}`,
        worded(
          'Run iamcert check on the files, or iamcert prepare to clean them.',
          'Open the files in Inspect (:inspect PATH) to see what they hold, and choose Prepare to clean them.',
        ),
      );
    }
    case 'KeyPairMismatch':
    case 'KeyPairMismatchException':
      return problem(
        'KEY_PAIR_MISMATCH',
        'IAM says the private key does not match the certificate.',
        worded(
          'Pick the key made with this certificate; iamcert inspect shows which key matches which certificate.',
          'Pick the key made with this certificate; Inspect (:inspect PATH) shows which key matches which certificate.',
        ),
      );
    case 'DuplicateCertificate':
    case 'DuplicateCertificateException':
      return problem(
        'DUPLICATE_CERTIFICATE',
        'This certificate is already uploaded as a signing certificate, for this or another user.',
        worded(
          'Each signing certificate must be unique: create a new one (iamcert create) for this user.',
          "Each signing certificate must be unique: make a new one for this user (c on the user's signing certificates).",
        ),
      );
    case 'InvalidCertificate':
    case 'InvalidCertificateException':
      return problem(
        'INVALID_CERTIFICATE',
        `IAM rejected the certificate: ${message}`,
        worded(
          'Check that it is a valid, unexpired X.509 certificate (iamcert inspect FILE).',
          'Check that it is a valid, unexpired X.509 certificate: open it in Inspect (:inspect PATH).',
        ),
      );
    case 'InvalidInput':
    case 'InvalidInputException':
      return problem(
        'INVALID_INPUT',
        `IAM rejected the request: ${message}`,
        worded(
          'Check the names and paths given (iamcert check runs the same rules locally).',
          'Check the names and paths given.',
        ),
      );
    case 'DeleteConflict':
    case 'DeleteConflictException':
      // IAM's message names what uses it (a load balancer's ARN, for a server certificate).
      return problem(
        'DELETE_CONFLICT',
        `${capitalise(subject)} is still in use and cannot be deleted: ${message}`,
        worded(
          'Put another certificate in its place on what uses it (iamcert usage NAME lists them), or detach what depends on it, then delete.',
          'Put another certificate in its place on what uses it (its details list them; Rotate moves them for you), or detach what depends on it, then delete.',
        ),
      );
    case 'ConcurrentModification':
    case 'ConcurrentModificationException':
      return problem(
        'CONCURRENT_MODIFICATION',
        'Someone else changed this in IAM at the same moment.',
        'Refresh and try again.',
      );
    case 'AccessDenied':
    case 'AccessDeniedException':
    case 'UnauthorizedOperation':
      return problem(
        'ACCESS_DENIED',
        `You are not allowed to call ${context.service ?? 'iam'}:${context.action}${message ? ` (${message})` : ''}.`,
        `Ask an administrator to grant ${context.service ?? 'iam'}:${context.action}, or use a profile that has it.`,
      );
    case 'Throttling':
    case 'ThrottlingException':
    case 'TooManyRequestsException':
      return problem(
        'THROTTLED',
        `${who} is throttling requests${retried}; the SDK retried and gave up.`,
        'Wait a minute and run it again.',
      );
    case 'ServiceFailure':
    case 'ServiceFailureException':
    case 'InternalFailure':
    case 'ServiceUnavailable':
      return problem(
        'SERVICE_FAILURE',
        `${who} had an internal failure${retried}.`,
        'Try again in a few minutes; check the AWS Health Dashboard if it persists.',
      );
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'RequestExpired':
      return problem(
        'CREDENTIALS_EXPIRED',
        'Your AWS credentials have expired.',
        context.profile
          ? `Refresh them: aws sso login${profileFlag} (or get new keys).`
          : 'Refresh your session credentials, or run aws sso login.',
      );
    case 'InvalidClientTokenId':
    case 'SignatureDoesNotMatch':
    case 'UnrecognizedClientException':
      return problem(
        'CREDENTIALS_REJECTED',
        'AWS rejected your credentials (unknown access key or wrong secret).',
        worded(
          `Check them with aws configure${profileFlag}, or pick another profile with --profile.`,
          `Check them with aws configure${profileFlag}, or type :profile NAME to act as another profile.`,
        ),
      );
    case 'CredentialsProviderError': {
      const missing = /profile (\S+) could not be found/i.exec(message);
      if (missing) {
        return problem(
          'PROFILE_NOT_FOUND',
          `No profile ${missing[1]} in the AWS config files.`,
          'Check the name (aws configure list-profiles lists them), or set it up with aws configure --profile NAME.',
        );
      }
      return problem(
        'NO_CREDENTIALS',
        'No AWS credentials were found.',
        worded(
          'Run aws configure (or aws sso login --profile NAME), or set AWS_PROFILE; for a local emulator also pass --endpoint-url.',
          'Run aws configure (or aws sso login --profile NAME), or type :profile NAME; for a local emulator, start iamcert with AWS_ENDPOINT_URL set.',
        ),
      );
    }
    case 'TokenProviderError':
      return problem(
        'SSO_LOGIN_REQUIRED',
        `Your SSO session has expired or was never started: ${message}`,
        `Run aws sso login${profileFlag}.`,
      );
    case 'TimeoutError':
    case 'RequestTimeout':
    case 'RequestTimeoutException':
      return problem(
        'TIMEOUT',
        `${who} did not answer in time${context.endpoint ? ` at ${context.endpoint}` : ''}${retried}.`,
        worded(
          'Check your network (and --endpoint-url, if set), then try again.',
          'Check your network (and the endpoint iamcert was started with, if any), then try again.',
        ),
      );
    case 'CertificateNotFound':
    case 'CertificateNotFoundException':
      return problem(
        'CERTIFICATE_NOT_FOUND',
        `${context.service ? who : 'AWS'} does not find ${subject}: ${message}`,
        worded(
          'A certificate just uploaded takes a few seconds to reach load balancers: try again shortly (iamcert list shows its ARN).',
          'A certificate just uploaded takes a few seconds to reach load balancers: try again shortly (Server certificates shows its ARN).',
        ),
      );
    case 'PreconditionFailed':
      return problem(
        'PRECONDITION_FAILED',
        `Someone else changed ${subject} at the same moment (its ETag no longer matches).`,
        worded(
          'Run the same command again: it reads the configuration afresh.',
          'Try again: the configuration is read afresh.',
        ),
      );
    case 'AbortError':
      return problem('CANCELLED', 'Cancelled.', 'Nothing more to do.');
    default:
      break;
  }
  if (/SSO session .* expired|token .* expired|refresh.*token/i.test(message)) {
    return problem('SSO_LOGIN_REQUIRED', 'Your SSO session has expired.', `Run aws sso login${profileFlag}.`);
  }
  if (NETWORK_CODES.test(`${name} ${aws.code ?? ''} ${message}`)) {
    return problem(
      'UNREACHABLE',
      `Could not reach ${who} at ${context.endpoint ?? 'AWS'} (${message || name}).`,
      context.endpoint && context.endpoint !== 'AWS'
        ? worded(
            'Check that the endpoint is running and --endpoint-url is right.',
            'Check that the endpoint iamcert was started with is running and right.',
          )
        : 'Check your network connection and proxy settings.',
    );
  }
  if (aws.$fault === 'server' || (aws.$metadata?.httpStatusCode ?? 0) >= 500) {
    return problem(
      'SERVICE_FAILURE',
      `${who} answered with an error${retried}: ${name}${message ? ` (${message})` : ''}.`,
      'Try again in a few minutes.',
    );
  }
  return problem(
    `AWS_${name
      .replace(/Exception$/, '')
      .replace(/[^A-Za-z0-9]/g, '_')
      .toUpperCase()}`,
    `${who} call ${context.action} failed: ${name}${message ? `: ${message}` : ''}.`,
    'Check the request and try again.',
  );
}

export function awsError(error: unknown, context: AwsErrorContext): IamcertError {
  if (error instanceof IamcertError) return error;
  return new IamcertError(describeAwsError(error, context), asAwsError(error).$metadata?.attempts ?? 1);
}

const SERVICE_NAMES: Record<string, string> = {
  iam: 'IAM',
  sts: 'STS',
  ec2: 'EC2',
  elasticloadbalancing: 'Elastic Load Balancing',
  cloudfront: 'CloudFront',
  acm: 'ACM',
};

/** How a service is named to a person: the errors of a load balancer call are not IAM's. */
export function serviceName(service = 'iam'): string {
  return SERVICE_NAMES[service] ?? service;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
