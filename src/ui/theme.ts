/** Colour always comes with words; with NO_COLOR set (and not empty) it is dropped and only the words remain. */
export function colourEnabled(): boolean {
  return !process.env.NO_COLOR;
}

export type Tone = 'danger' | 'warning' | 'ok' | 'accent' | 'muted';

const COLOURS: Record<Tone, string> = {
  danger: 'red',
  warning: 'yellow',
  ok: 'green',
  accent: 'cyan',
  muted: 'gray',
};

export function colourFor(tone: Tone | undefined): string | undefined {
  if (!tone || !colourEnabled()) return undefined;
  return COLOURS[tone];
}
