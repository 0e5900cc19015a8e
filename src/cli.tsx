#!/usr/bin/env node
// A plain #! line: BusyBox's env (Alpine) has no -S. Old ciphers (DES, RC2) are opened in-process, whatever the flags.
// Silence the SDK's Node-version notice before anything can load the SDK: it would corrupt the TUI's frames.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { problemLine, processOutput } from './commands/output.js';
import { EXIT } from './core/lifecycle.js';
import { toProblem } from './core/errors.js';
import { keepInkLiveUnderCi, loadWithoutFetch } from './app/before-ink.js';
import { folderStartedFrom } from './core/files/start-folder.js';
import { appOptions, type AppOptions } from './commands/connection-options.js';

// Started with `npm start` from a clone: files go where the user was, as they would with `iamcert`.
const startedFrom = folderStartedFrom(process.env, process.cwd());
if (startedFrom) process.chdir(startedFrom);

// A reader that goes away (iamcert list | head) ends the run quietly, as it does for any Unix tool, never with a stack
// trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
}

async function openApp(options: AppOptions): Promise<void> {
  keepInkLiveUnderCi();
  const { startTui } = await loadWithoutFetch(() => import('./app/start.js'));
  process.exitCode = await startTui(options);
}

const SECRET_FLAGS = /^--(passphrase|password|passin|pass|secret)(=|$)/;

export async function main(argv: string[]): Promise<void> {
  if (argv.slice(2).some((arg) => SECRET_FLAGS.test(arg))) {
    processOutput.err(
      'error PASSPHRASE_ON_COMMAND_LINE: iamcert never takes a passphrase as an argument (it would show in ps and shell history). Fix: use --passphrase-file FILE or the IAMCERT_PASSPHRASE variable.',
    );
    process.exitCode = EXIT.usage;
    return;
  }
  try {
    const forApp = appOptions(argv);
    // The app's first frame does not wait for commander: the commands are read only when one is asked for.
    if (forApp) await openApp(forApp);
    else await (await import('./commands/program.js')).runProgram(argv, openApp);
  } catch (error) {
    processOutput.err(problemLine(toProblem(error)));
    process.exitCode = EXIT.problem;
  }
}

await main(process.argv);
