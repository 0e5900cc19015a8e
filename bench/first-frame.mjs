import { execFileSync, spawn } from 'node:child_process';

/**
 * Milliseconds from starting COMMAND in an 80×24 tmux pane until the pane has been sent TEXT.
 * A tmux control-mode client is told of every byte the pane gets, so nothing polls the pane and
 * the measurement costs the machine nothing while the app starts. The pane's shell is already
 * running and waits for a key, so tmux's own start-up is outside the measurement.
 */
export async function firstFrameMs(command, text, env = process.env) {
  const socket = `iamcert-bench-${process.pid}-${Math.random().toString(16).slice(2)}`;
  const tmux = (...args) =>
    execFileSync('tmux', ['-L', socket, ...args], { env: { ...env, TERM: 'xterm-256color' } }).toString();
  tmux('new-session', '-d', '-s', 'b', '-x', '80', '-y', '24', `sh -c 'read go; exec ${command}'`);
  const control = spawn('tmux', ['-L', socket, '-C', 'attach', '-t', 'b'], { stdio: ['pipe', 'pipe', 'ignore'] });
  try {
    await new Promise((resolve) => setTimeout(resolve, 250));
    let started = 0n;
    const seen = new Promise((resolve, reject) => {
      let output = '';
      control.stdout.on('data', (chunk) => {
        output += chunk.toString();
        if (started && output.includes(text)) resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
      setTimeout(
        () => reject(new Error(`no "${text}" within 20 s from: ${command}\n${output.slice(-2000)}`)),
        20_000,
      ).unref();
    });
    started = process.hrtime.bigint();
    tmux('send-keys', '-t', 'b', 'Enter');
    return await seen;
  } finally {
    control.kill();
    tmux('kill-server');
  }
}
