/** A problem a user can act on: a stable code, one line saying what happened, one line saying what to do. */
export interface Problem {
  code: string;
  message: string;
  fix: string;
}

export class IamcertError extends Error implements Problem {
  readonly code: string;
  readonly fix: string;
  /**
   * For an AWS call: how many times the SDK sent it. An "already exists" after a retry may be our own first attempt.
   */
  readonly attempts: number;

  constructor(problem: Problem, attempts = 1) {
    super(problem.message);
    this.name = 'IamcertError';
    this.code = problem.code;
    this.fix = problem.fix;
    this.attempts = attempts;
  }

  toProblem(): Problem {
    return { code: this.code, message: this.message, fix: this.fix };
  }
}

export function fail(code: string, message: string, fix: string): never {
  throw new IamcertError({ code, message, fix });
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
