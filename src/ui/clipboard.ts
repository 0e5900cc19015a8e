/**
 * The terminal's clipboard escape (OSC 52), which works over SSH and inside tmux (with
 * set-clipboard on). It prints nothing; the app sends it through Ink, which owns the terminal.
 */
export function clipboardSequence(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}
