import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { App } from '../../src/app/App.js';
import type { Route } from '../../src/screens/routes.js';
import type { Services } from '../../src/ui/services.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
  pgdn: '\u001B[6~',
  shiftTab: '\u001B[Z',
} as const;

export interface Rendered {
  frame(): string;
  /** The frame as the terminal receives it, escape sequences and all. */
  rawFrame(): string;
  waitFor(predicate: (frame: string) => boolean, what?: string): Promise<string>;
  waitForText(text: string | RegExp): Promise<string>;
  /**
   * Sends one key (or a typed string) and waits until the frame changes; a key that changes nothing
   * fails the test, unless the test says it expects no change.
   */
  press(key: string, options?: { expectChange?: boolean }): Promise<void>;
  type(text: string): Promise<void>;
  unmount(): void;
}

const TIMEOUT_MS = 10_000;

/**
 * The field LABEL holds VALUE as a field shows it: whole, or, where it is longer than the room beside the label, "…"
 * and its end (the test does not depend on how long the folder it runs in is).
 */
export function fieldHolds(frame: string, label: string, value: string): boolean {
  return frame.split('\n').some((line) => {
    const at = line.indexOf(`${label}: `);
    if (at < 0) return false;
    const shown = line.slice(at + label.length + 2).trimEnd();
    return shown === value || (shown.startsWith('…') && shown.length > 1 && value.endsWith(shown.slice(1)));
  });
}

/**
 * Lets React run the effects of the last commit. Ink subscribes each render's
 * input handlers in an effect, so a key sent between a frame and its effects
 * would reach the previous handlers.
 */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Renders the whole app at a fixed size, with the services handed in. */
export async function renderApp(
  services: Services,
  options: {
    route?: Route;
    columns?: number;
    rows?: number;
    switchProfile?: (name: string) => Promise<Services>;
    identityRetryMs?: number;
  } = {},
): Promise<Rendered> {
  const instance = render(
    <App
      services={services}
      size={{ columns: options.columns ?? 80, rows: options.rows ?? 24 }}
      initialRoute={options.route}
      switchProfile={options.switchProfile}
      identityRetryMs={options.identityRetryMs}
    />,
  );
  const frame = () => stripVTControlCharacters(instance.lastFrame() ?? '');
  const waitFor = async (predicate: (current: string) => boolean, what = 'the expected frame'): Promise<string> => {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const current = frame();
      if (predicate(current)) {
        await settle();
        return current;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Last frame:\n${current}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  // Wait until Ink listens to stdin, or the first keys would be lost.
  await waitFor(() => instance.stdin.listenerCount('readable') > 0, 'input to be subscribed');
  const press = async (key: string, { expectChange = true }: { expectChange?: boolean } = {}) => {
    const before = instance.lastFrame();
    instance.stdin.write(key);
    // Long enough for any frame a key causes; a key expected to change nothing waits it out whole.
    const deadline = Date.now() + (expectChange ? 2_000 : 300);
    while (instance.lastFrame() === before && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await settle();
    const changed = instance.lastFrame() !== before;
    if (expectChange && !changed) throw new Error(`The key ${JSON.stringify(key)} changed nothing on:\n${frame()}`);
    if (!expectChange && changed)
      throw new Error(
        `The key ${JSON.stringify(key)} was expected to change nothing, but the frame became:\n${frame()}`,
      );
  };
  return {
    frame,
    rawFrame: () => instance.lastFrame() ?? '',
    waitFor,
    waitForText: (text) =>
      waitFor(
        (current) => (typeof text === 'string' ? current.includes(text) : text.test(current)),
        `text ${String(text)}`,
      ),
    press,
    type: async (text) => {
      for (const character of text) await press(character);
    },
    unmount: () => instance.unmount(),
  };
}
