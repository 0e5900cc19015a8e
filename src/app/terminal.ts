import { runCleanups } from '../core/lifecycle.js';

/**
 * The terminal while the full-screen app runs: restored on every exit path (quit, Ctrl-C, SIGTERM,
 * SIGHUP, crash, broken pipe), after the cleanups of the one registry both front ends share.
 */
const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

let restored = false;

/**
 * Runs every cleanup (newest first), leaves the alternate screen, shows the cursor and leaves raw mode. Safe to call
 * twice.
 */
export function restoreTerminal(): void {
  if (restored) return;
  restored = true;
  runCleanups();
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  } catch {
    // stdin may already be closed
  }
  try {
    process.stdout.write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
  } catch {
    // a closed terminal has nothing to restore
  }
}

export function enterFullScreen(): void {
  process.stdout.write(ENTER_ALTERNATE_SCREEN);
}

/**
 * While Ink owns the terminal, anything else written to stdout or stderr
 * (console calls, Node warnings, a library's stray print) would corrupt the
 * frame. It is held back and written after the terminal is restored.
 */
export function holdBackStrayOutput(): () => string[] {
  const held: string[] = [];
  const hold = (...parts: unknown[]) => {
    held.push(parts.map(String).join(' '));
  };
  const saved = {
    log: console.log,
    info: console.info,
    warn: console.warn,
    error: console.error,
    debug: console.debug,
  };
  const warningListeners = process.listeners('warning');
  const stderrWrite = process.stderr.write.bind(process.stderr);
  process.removeAllListeners('warning');
  process.on('warning', (warning) => hold(`${warning.name}: ${warning.message}`));
  Object.assign(console, { log: hold, info: hold, warn: hold, error: hold, debug: hold });
  process.stderr.write = (chunk: unknown) => {
    hold(
      typeof chunk === 'string'
        ? chunk.trimEnd()
        : Buffer.from(chunk as Uint8Array)
            .toString()
            .trimEnd(),
    );
    return true;
  };
  return () => {
    Object.assign(console, saved);
    process.stderr.write = stderrWrite;
    process.removeAllListeners('warning');
    for (const listener of warningListeners) process.on('warning', listener);
    return held;
  };
}
