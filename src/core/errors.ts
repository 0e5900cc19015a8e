/** A problem a user can act on: a stable code, one line saying what happened, one line saying what to do. */
export interface Problem {
  code: string;
  message: string;
  /** What to do, worded for the command line (flags). */
  fix: string;
  /** The same, worded for the app (keys and screens), where the two differ. */
  appFix?: string;
}

/** A fix in each front end's words: flags headless, keys and screens in the app. */
export interface Worded {
  cli: string;
  app: string;
}

export function worded(cli: string, app: string): Worded {
  return { cli, app };
}

/** What the app shows as the fix. */
export function fixInApp(problem: Pick<Problem, 'fix' | 'appFix'>): string {
  return problem.appFix ?? problem.fix;
}

/** A problem's fix in both wordings, to carry into another problem or finding. */
export function fixOf(problem: Pick<Problem, 'fix' | 'appFix'>): Pick<Problem, 'fix' | 'appFix'> {
  return problem.appFix === undefined ? { fix: problem.fix } : { fix: problem.fix, appFix: problem.appFix };
}

/** The fields of a Problem (or a finding) for a fix that may be worded for each front end. */
export function fixFields(fix: string | Worded | Pick<Problem, 'fix' | 'appFix'>): Pick<Problem, 'fix' | 'appFix'> {
  if (typeof fix === 'string') return { fix };
  return 'cli' in fix ? { fix: fix.cli, appFix: fix.app } : fixOf(fix);
}

export class IamcertError extends Error implements Problem {
  readonly code: string;
  readonly fix: string;
  readonly appFix?: string;
  /**
   * For an AWS call: how many times the SDK sent it. An "already exists" after a retry may be our own first attempt.
   */
  readonly attempts: number;

  constructor(problem: Problem, attempts = 1) {
    super(problem.message);
    this.name = 'IamcertError';
    this.code = problem.code;
    this.fix = problem.fix;
    if (problem.appFix !== undefined) this.appFix = problem.appFix;
    this.attempts = attempts;
  }

  toProblem(): Problem {
    return {
      code: this.code,
      message: this.message,
      fix: this.fix,
      ...(this.appFix === undefined ? {} : { appFix: this.appFix }),
    };
  }
}

export function fail(code: string, message: string, fix: string | Worded | Pick<Problem, 'fix' | 'appFix'>): never {
  throw new IamcertError({ code, message, ...fixFields(fix) });
}

/** Turns anything thrown into a Problem, so no stack trace ever reaches a user. */
export function toProblem(
  error: unknown,
  fallbackFix = 'If this keeps happening, report it with the command you ran.',
): Problem {
  if (error instanceof IamcertError) return error.toProblem();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'UNEXPECTED', message: firstLine(message), fix: fallbackFix };
}

export function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}

/** An answer that cannot have come from AWS: what sits between iamcert and AWS is to be checked. */
export const CHECK_THE_WAY_TO_AWS = worded(
  'Check --endpoint-url and any proxy between you and AWS, then try again.',
  'Check the network, the endpoint iamcert was started with and any proxy between you and AWS, then try again.',
);
