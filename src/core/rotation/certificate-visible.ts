import { createWaiter, WaiterState } from '@smithy/core/client';
import { IamcertError, toProblem, type Problem } from '../errors.js';

export interface VisibilityWait {
  /** The consumer being moved. */
  what: string;
  attempt: number;
  /** How long it will keep trying in all (seconds). */
  upTo: number;
  /** Why it waits, when it is not the certificate still on its way (a lost answer, a throttle). */
  reason?: Problem;
}

const isCertificateNotFound = (error: unknown) => (error as { code?: string }).code === 'CERTIFICATE_NOT_FOUND';

/**
 * A certificate just uploaded to IAM takes seconds to reach Elastic Load Balancing, which answers
 * CertificateNotFound until then. The call is tried again on the SDK's waiter (growing delays with
 * jitter, a bound, the signal), each wait told; anything else fails at once.
 */
export async function untilCertificateVisible<T>(
  call: () => Promise<T>,
  options: {
    what: string;
    signal?: AbortSignal;
    onWait?: (wait: VisibilityWait) => void;
    maxWaitSeconds?: number;
    minDelaySeconds?: number;
    /** Other failures worth another try: for a call that first looks whether its work is done already. */
    alsoRetry?: (error: unknown) => boolean;
  },
): Promise<T> {
  const upTo = options.maxWaitSeconds ?? 90;
  let attempt = 0;
  let answer: { value: T } | undefined;
  let lastError: unknown;
  const result = await createWaiter(
    {
      client: undefined,
      minDelay: options.minDelaySeconds ?? 1,
      maxDelay: 10,
      maxWaitTime: upTo,
      abortSignal: options.signal,
    },
    undefined,
    async () => {
      attempt += 1;
      try {
        answer = { value: await call() };
        return { state: WaiterState.SUCCESS };
      } catch (error) {
        lastError = error;
        const notYet = isCertificateNotFound(error);
        if (!notYet && !options.alsoRetry?.(error)) return { state: WaiterState.FAILURE };
        options.onWait?.({
          what: options.what,
          attempt: attempt + 1,
          upTo,
          ...(notYet ? {} : { reason: toProblem(error) }),
        });
        return { state: WaiterState.RETRY };
      }
    },
  );
  if (answer) return answer.value;
  if (result.state === WaiterState.ABORTED)
    throw new IamcertError({ code: 'CANCELLED', message: 'Cancelled.', fix: 'Nothing more to do.' });
  if (result.state === WaiterState.TIMEOUT && isCertificateNotFound(lastError)) {
    throw new IamcertError({
      code: 'CERTIFICATE_NOT_FOUND',
      message: `${options.what} still does not see the new certificate after ${upTo} s.`,
      fix: 'IAM can take a while to reach Elastic Load Balancing: run the same command again in a minute; it goes on from here.',
    });
  }
  throw lastError;
}
