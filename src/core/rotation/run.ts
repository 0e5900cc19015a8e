import { fail, toProblem, type Problem, worded } from '../errors.js';
import type { IamClients } from '../iam/client.js';
import { isAlreadyExists, isNoSuchEntity } from '../iam/call.js';
import {
  deleteServerCertificate,
  getServerCertificate,
  renameServerCertificate,
  uploadServerCertificate,
} from '../iam/server-certificates.js';
import { CLOUDFRONT_PREFIX } from '../preflight/rules.js';
import { scanConsumers } from '../usage/scan.js';
import type { ServingClients } from '../usage/serving-clients.js';
import { describeConsumer, serves } from '../usage/usage-map.js';
import type { VisibilityWait } from './certificate-visible.js';
import { recordRetirement } from './journal.js';
import type { RotationPlan, RotationRequest } from './plan-types.js';
import { rotationSteps, type RotationResult, type RotationStep } from './steps.js';
import { restoreSniList, swapConsumer, type CertificateIds } from './swap.js';
import { notLookedAt } from '../usage/usage-map.js';

export interface RunOptions {
  signal?: AbortSignal;
  /** Every change to a step, with the whole list, for a screen to draw. */
  onProgress?: (steps: RotationStep[]) => void;
  maxWaitSeconds?: number;
  minDelaySeconds?: number;
}

/** Stopped on purpose (Ctrl-C, Esc, leaving the screen): what to do next is to finish, not "nothing more". */
function stoppedHere(problem: Problem): Problem {
  if (problem.code !== 'CANCELLED') return problem;
  return {
    code: 'CANCELLED',
    message: 'Stopped before this step finished; the steps before it are done.',
    fix: 'Run the same iamcert rotate command again: it finishes what is left.',
    appFix: 'Press r to run the rotation again: it finishes what is left.',
  };
}

/**
 * The name was free when planned and is taken now: by this very certificate (another rotation running at the same
 * moment, or an upload whose answer was lost), which is used as it is; or by another, which is never replaced.
 */
async function uploadedMeanwhile(iam: IamClients, plan: RotationPlan, signal?: AbortSignal): Promise<CertificateIds> {
  const there = await getServerCertificate(iam, plan.incoming.name, { signal });
  if (there.certificate?.sha256 === plan.incoming.sha256) return { arn: there.arn, id: there.id };
  return fail(
    'NAME_TAKEN',
    `While this rotation ran, a different certificate was uploaded as "${plan.incoming.name}" (another rotation at the same moment?).`,
    worded(
      'Nothing was moved. Run iamcert usage to see what serves what, then rotate again; --name picks another name.',
      'Nothing was moved. Open the rotation again from the list and give another name.',
    ),
  );
}

/**
 * Carries out a plan: upload, move each consumer, look again that nothing serves the old certificate,
 * then retire it. Each step leaves AWS in a state the next plan reads back, so a run stopped anywhere
 * (a failure, Ctrl-C, a kill) is finished by planning and running again.
 */
export async function runRotation(
  iam: IamClients,
  serving: ServingClients,
  request: RotationRequest,
  plan: RotationPlan,
  options: RunOptions = {},
): Promise<RotationResult> {
  const steps = rotationSteps(plan);
  const update = (id: string, change: Partial<RotationStep>) => {
    const index = steps.findIndex((step) => step.id === id);
    steps[index] = { ...steps[index]!, ...change };
    options.onProgress?.(steps.map((step) => ({ ...step })));
  };
  let current = '';
  const step = async <T>(id: string, work: () => Promise<T>, detail?: (value: T) => string | undefined): Promise<T> => {
    current = id;
    // Stopped: no new step starts, whether or not the call under way noticed.
    if (options.signal?.aborted) fail('CANCELLED', 'Cancelled.', 'Run it again.');
    update(id, { status: 'running' });
    const value = await work();
    update(id, { status: 'done', detail: detail?.(value) });
    return value;
  };
  const journal = { account: request.account, home: request.journalHome };
  const waitFor = (id: string, name: string) => (wait: VisibilityWait) =>
    update(id, {
      detail: wait.reason
        ? `${wait.reason.message} Trying again, attempt ${wait.attempt}, for up to ${wait.upTo} s.`
        : `Elastic Load Balancing does not see ${name} yet (IAM takes seconds to reach it); trying again, attempt ${wait.attempt}, for up to ${wait.upTo} s.`,
    });
  const swapOptions = (id: string, name: string) => ({
    signal: options.signal,
    onWait: waitFor(id, name),
    maxWaitSeconds: options.maxWaitSeconds,
    minDelaySeconds: options.minDelaySeconds,
    journal,
  });
  try {
    for (const [index, record] of plan.restores.entries()) {
      const id = `restore-${index}`;
      await step(id, () => restoreSniList(serving, record, swapOptions(id, 'them')));
    }
    if (plan.finished) return { ok: true, steps };
    const blocking = plan.checks.find((check) => check.severity === 'error');
    if (blocking) fail(blocking.code, blocking.message, blocking.fix);
    let incoming: CertificateIds | undefined =
      plan.incoming.arn && plan.incoming.id ? { arn: plan.incoming.arn, id: plan.incoming.id } : undefined;
    if (plan.incoming.upload && request.to.kind === 'files') {
      const files = request.to;
      incoming = await step(
        'upload',
        async (): Promise<CertificateIds> => {
          try {
            const { row } = await uploadServerCertificate(
              iam,
              {
                name: plan.incoming.name,
                certificate: files.certificate,
                privateKey: files.privateKey,
                chain: files.chain,
                path: plan.incoming.path,
                cloudfront: plan.incoming.path.startsWith(CLOUDFRONT_PREFIX),
                allowMissingChain: files.allowMissingChain,
                now: request.now,
              },
              options.signal,
            );
            return { arn: row.arn, id: row.id };
          } catch (error) {
            if (!isAlreadyExists(error)) throw error;
            return uploadedMeanwhile(iam, plan, options.signal);
          }
        },
        (uploaded) => `ARN ${uploaded.arn}`,
      );
    }
    const to = incoming!;
    const from: CertificateIds = { arn: plan.old.arn!, id: plan.old.id! };
    for (const [index, consumer] of plan.swaps.entries()) {
      const id = `swap-${index}`;
      await step(id, () => swapConsumer(serving, consumer, from, to, swapOptions(id, plan.incoming.name)));
    }
    const after = await step(
      'verify',
      async () => {
        const scan = await scanConsumers(serving, {
          regions: plan.regions,
          concurrency: request.concurrency,
          signal: options.signal,
        });
        const left = scan.consumers.filter((consumer) => serves(consumer, from) && !serves(consumer, to));
        if (left.length > 0) {
          fail(
            'ROTATION_INCOMPLETE',
            `${plan.old.name} is still served by ${left.map(describeConsumer).join('; ')}.`,
            'Run the same command again: it moves what is left.',
          );
        }
        return { serving: scan.consumers.filter((consumer) => serves(consumer, to)).length, notes: scan.notes };
      },
      (found) => `${plan.incoming.name} is now served in ${found.serving} place${found.serving === 1 ? '' : 's'}.`,
    );
    if (plan.retire.mode === 'keep') return { ok: true, steps };
    // The plan's look and the second look may both have missed the same place: each is named once.
    const notes = [...plan.notes, ...after.notes].filter(
      (note, index, all) => all.findIndex((other) => other.where === note.where) === index,
    );
    if (notes.length > 0) {
      current = 'retire';
      fail(
        'USAGE_UNKNOWN',
        `${plan.old.name} is not retired: what serves it could not be checked in ${notLookedAt(notes)}.`,
        worded(
          'Grant the permission named there, or give --regions with only the regions you use, and run it again.',
          'Grant the permission named there, then press r to finish the rotation.',
        ),
      );
    }
    await step('retire', async () => {
      await recordRetirement(
        {
          account: request.account,
          old: { name: plan.old.name, arn: from.arn, id: from.id },
          incoming: { name: plan.incoming.name, arn: to.arn },
          mode: plan.retire.mode === 'delete' ? 'delete' : 'rename',
          ...(plan.retire.as ? { as: plan.retire.as } : {}),
          at: new Date().toISOString(),
        },
        request.journalHome,
      );
      try {
        if (plan.retire.mode === 'delete') await deleteServerCertificate(iam, plan.old.name, options.signal);
        else await renameServerCertificate(iam, plan.old.name, { newName: plan.retire.as }, options.signal);
      } catch (error) {
        // Another rotation of the same certificate, run at the same moment, retired it first: the work is done.
        if (!isNoSuchEntity(error)) throw error;
      }
    });
    return { ok: true, steps };
  } catch (error) {
    const problem = stoppedHere(toProblem(error));
    if (current) update(current, { status: 'failed', problem });
    return { ok: false, steps, problem };
  }
}
