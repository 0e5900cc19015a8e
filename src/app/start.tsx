import { render } from 'ink';
import { EXIT, SIGNAL_EXIT, onCleanup } from '../core/lifecycle.js';
import { fail, toProblem } from '../core/errors.js';
import { App, INTERRUPTED } from './App.js';
import { CrashBoundary } from './CrashBoundary.js';
import { realServices } from './real-services.js';
import { screens } from './routes.js';
import { enterFullScreen, holdBackStrayOutput, restoreTerminal } from './terminal.js';

export interface TuiOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/** Opens the full-screen app; every way out restores the terminal first. */
export async function startTui(options: TuiOptions = {}): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'iamcert: the full-screen app needs a terminal. Run a command instead, e.g. iamcert inspect FILE (see iamcert --help).\n',
    );
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
    const problem = toProblem(
      error,
      'Please report it with what you were doing; nothing was changed in IAM by the crash itself.',
    );
    finish(EXIT.problem, `iamcert stopped unexpectedly: ${problem.message} ${problem.fix}`);
  };
  // Ctrl-C typed is a key here (raw mode); SIGINT sent from outside (kill -INT) ends the app like the others.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => finish(SIGNAL_EXIT[signal]));
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.stdout.on('error', () => finish(EXIT.problem));

  enterFullScreen();
  const app = render(
    <CrashBoundary onCrash={crash}>
      <App
        services={realServices({ profile: options.profile, region: options.region, endpointUrl: options.endpointUrl })}
        switchProfile={async (profile) => {
          const { configuredProfiles } = await import('../core/accounts/profiles.js');
          const profiles = await configuredProfiles();
          if (!profiles.includes(profile))
            fail(
              'PROFILE_NOT_FOUND',
              `No profile ${profile} in the AWS config files${profiles.length > 0 ? `; they name ${profiles.join(', ')}` : ''}.`,
              profiles.length > 0
                ? 'Type :profile and one of those names.'
                : 'Set one up with aws configure --profile NAME.',
            );
          return realServices({ profile, region: options.region, endpointUrl: options.endpointUrl });
        }}
      />
    </CrashBoundary>,
    { exitOnCtrlC: false, patchConsole: false, maxFps: 60 },
  );
  // Home is drawn; the other screens are read now, while a person reads it.
  setImmediate(() => void screens.load().catch(() => undefined));
  onCleanup(() => app.unmount());
  const ended = await app.waitUntilExit();
  return finish(ended === INTERRUPTED ? SIGNAL_EXIT.SIGINT : EXIT.ok);
}
