import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface Pane {
  /** The screen as text, one string per row. */
  capture(): string;
  /**
   * Sends tmux key names (Enter, Escape, C-c, Down) or literal text with literal=true, then waits for the screen to
   * change.
   */
  send(keys: string, options?: { literal?: boolean }): Promise<void>;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /**
   * Types text as a person does: one key at a time, `perKeyMs` apart (10 keys a second by default), never waiting for
   * the app.
   */
  typeAtPace(text: string, perKeyMs?: number): Promise<void>;
  /** tmux's view of the terminal: alternate screen on, cursor visible. */
  state(): { alternateScreen: boolean; cursorVisible: boolean };
  resize(columns: number, rows: number): void;
  /** The PIDs of the processes the pane's shell is running. */
  children(): number[];
  kill(): void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A shell in a tmux server of its own (its own socket), so tests never touch a developer's tmux. */
export function startPane(
  options: { columns?: number; rows?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Pane {
  const socket = `iamcert-e2e-${randomBytes(4).toString('hex')}`;
  const env = options.env ?? process.env;
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-L', socket, ...args], { env, cwd: options.cwd }).toString();
  tmux(
    'new-session',
    '-d',
    '-s',
    'e2e',
    '-x',
    String(options.columns ?? 80),
    '-y',
    String(options.rows ?? 24),
    "env PS1='e2e$ ' HISTFILE=/dev/null bash --norc --noprofile",
  );
  tmux('set-option', '-t', 'e2e', 'status', 'off');
  const capture = () => tmux('capture-pane', '-p', '-t', 'e2e');
  const waitFor = async (text: string | RegExp, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = capture();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(text)}; the pane shows:\n${screen}`);
      await pause(50);
    }
  };
  return {
    capture,
    waitFor,
    async typeAtPace(text, perKeyMs = 100) {
      for (const character of text) {
        tmux('send-keys', '-t', 'e2e', '-l', character);
        await pause(perKeyMs);
      }
    },
    async send(keys, { literal = false } = {}) {
      const before = capture();
      tmux('send-keys', '-t', 'e2e', ...(literal ? ['-l', keys] : [keys]));
      const deadline = Date.now() + 2_000;
      let current = capture();
      while (current === before && Date.now() < deadline) {
        await pause(20);
        current = capture();
      }
      // Then until the screen holds still: the app subscribes its new key handlers just after drawing.
      for (let previous = ''; current !== previous && Date.now() < deadline;) {
        previous = current;
        await pause(40);
        current = capture();
      }
    },
    state() {
      const [alternate, cursor] = tmux('display-message', '-p', '-t', 'e2e', '#{alternate_on} #{cursor_flag}')
        .trim()
        .split(' ');
      return { alternateScreen: alternate === '1', cursorVisible: cursor === '1' };
    },
    children() {
      const shell = tmux('display-message', '-p', '-t', 'e2e', '#{pane_pid}').trim();
      try {
        return execFileSync('pgrep', ['-P', shell]).toString().trim().split('\n').map(Number);
      } catch {
        return [];
      }
    },
    resize(columns, rows) {
      tmux('resize-window', '-t', 'e2e', '-x', String(columns), '-y', String(rows));
    },
    kill() {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
    },
  };
}

/** The built app against moto in a fresh 80×24 pane, its exit code echoed after it; ready when the account shows. */
export async function openAppPane(options: {
  cli: string;
  endpoint: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}): Promise<Pane> {
  const opened = startPane({ env: options.env, cwd: options.cwd });
  try {
    await opened.waitFor('e2e$');
    await opened.send(`${options.cli} --endpoint-url ${options.endpoint}; echo "exit code $?"`, { literal: true });
    await opened.send('Enter');
    await opened.waitFor('account 123456789012');
    return opened;
  } catch (error) {
    opened.kill();
    throw error;
  }
}
