import { render } from 'ink';
import { EXIT } from '../commands/output.js';
import { toProblem } from '../core/errors.js';
import { removeUnfinishedWrites } from '../core/files/safe-write.js';
import { App } from './App.js';
import { CrashBoundary } from './CrashBoundary.js';
import { realServices } from './services.js';
import { enterFullScreen, holdBackStrayOutput, onCleanup, restoreTerminal } from './terminal.js';

export interface TuiOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/** Opens the full-screen app; every way out restores the terminal first. */
export async function startTui(options: TuiOptions = {}): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('iamcert: the full-screen app needs a terminal. Run a command instead, e.g. iamcert inspect FILE (see iamcert --help).\n');
    return EXIT.problem;
  }
  const releaseOutput = holdBackStrayOutput();
  let held: string[] = [];
  onCleanup(() => {
    held = releaseOutput();
  });
  const finish = (code: number, message?: string): never => {
    restoreTerminal();
    for (const line of held) process.stderr.write(`${line}\n`);
    if (message) process.stderr.write(`${message}\n`);
    process.exit(code);
  };
  const crash = (error: unknown) => {
    const problem = toProblem(error, 'Please report it with what you were doing; nothing was changed in IAM by the crash itself.');
    finish(EXIT.problem, `iamcert stopped unexpectedly: ${problem.message} ${problem.fix}`);
  };
  process.once('SIGTERM', () => finish(143));
  process.once('SIGHUP', () => finish(129));
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.stdout.on('error', () => finish(EXIT.problem));

  // Interrupted while writing a key pair (Ctrl-C, SIGTERM, SIGHUP): the temp file and the half already written go, as headless.
  onCleanup(removeUnfinishedWrites);
  enterFullScreen();
  const app = render(
    <CrashBoundary onCrash={crash}>
      <App services={realServices({ profile: options.profile, region: options.region, endpointUrl: options.endpointUrl })} />
    </CrashBoundary>,
    { exitOnCtrlC: false, patchConsole: false, maxFps: 60 },
  );
  onCleanup(() => app.unmount());
  await app.waitUntilExit();
  return finish(EXIT.ok);
}
