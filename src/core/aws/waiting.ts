import type { FinalizeHandler, FinalizeHandlerArguments, HandlerExecutionContext, MetadataBearer } from '@smithy/types';
import { serviceName } from '../iam/errors.js';

/** A call that is taking long, or being sent again: told so a slow run never looks hung. */
export interface WaitingEvent {
  /** Its prefix in a policy: iam, elasticloadbalancing, cloudfront, ec2, sts. */
  service: string;
  region?: string;
  operation: string;
  attempt: number;
  of: number;
  /** Set while an attempt has had no answer for this long (seconds); unset when a failed attempt is sent again. */
  silentFor?: number;
}

export interface Stackable {
  middlewareStack: { addRelativeTo: (middleware: never, options: never) => void };
}

const DEFAULT_NOTICE_MS = 5_000;

/** How long an attempt may go unanswered before it is told: IAMCERT_WAIT_NOTICE_MS, else 5 s. */
export function waitNoticeMs(): number {
  const fromEnvironment = Number(process.env.IAMCERT_WAIT_NOTICE_MS);
  return fromEnvironment > 0 ? fromEnvironment : DEFAULT_NOTICE_MS;
}

/**
 * Watches each attempt of every call of a client (after the SDK's retry step, so each try is seen): one that gets no
 * answer is told every few seconds while it waits, and one sent again is told as it goes.
 */
export function reportWaiting(
  client: Stackable,
  where: { service: string; region?: string; maxAttempts: number },
  onWaiting: (event: WaitingEvent) => void,
): void {
  const noticeMs = waitNoticeMs();
  client.middlewareStack.addRelativeTo(
    (<Output extends MetadataBearer>(next: FinalizeHandler<object, Output>, context: HandlerExecutionContext) => {
      const operation = String(context.commandName ?? 'call').replace(/Command$/, '');
      let attempt = 0;
      return async (args: FinalizeHandlerArguments<object>) => {
        attempt += 1;
        const event = { service: where.service, region: where.region, operation, attempt, of: where.maxAttempts };
        if (attempt > 1) onWaiting(event);
        const started = Date.now();
        const timer = setInterval(
          () => onWaiting({ ...event, silentFor: Math.max(1, Math.round((Date.now() - started) / 1000)) }),
          noticeMs,
        );
        timer.unref();
        try {
          return await next(args);
        } finally {
          clearInterval(timer);
        }
      };
    }) as never,
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'iamcertWaitingReporter' } as never,
  );
}

/** "No answer from Elastic Load Balancing in eu-west-1 (DescribeLoadBalancers) for 10 s; attempt 1 of 4…" */
export function waitingLine(event: WaitingEvent): string {
  const where = `${serviceName(event.service)}${event.region && event.service !== 'iam' ? ` in ${event.region}` : ''}`;
  const attempt = `attempt ${event.attempt} of ${event.of}`;
  return event.silentFor !== undefined
    ? `No answer from ${where} (${event.operation}) for ${event.silentFor} s; still waiting, ${attempt}…`
    : `${where} did not answer ${event.operation} cleanly; trying again (${attempt})…`;
}
