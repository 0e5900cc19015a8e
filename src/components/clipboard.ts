/**
 * Copies through the terminal's clipboard escape (OSC 52), which works over
 * SSH and inside tmux (with set-clipboard on). The sequence prints nothing,
 * so it does not disturb Ink's frame.
 */
export function copyToClipboard(text: string, write: (data: string) => void = (data) => process.stdout.write(data)): void {
  write(`\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`);
}
