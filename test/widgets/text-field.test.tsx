import { useState } from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { TextField } from '../../src/widgets/TextField.js';
import { WithKeys } from '../helpers/with-keys.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/**
 * Lets React commit and run effects (Ink subscribes input in an effect), and the keys written so far be handled: the
 * app takes one key per turn of the event loop once the one before has been drawn, so each key written gets a turn
 * (the most these tests write before settling is 14). No clock involved.
 */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let round = 0; round < 3; round += 1) await new Promise((resolve) => setImmediate(resolve));
  }
}

function Harness({
  outside,
  onValue,
  onSubmit,
  onCancel,
}: {
  outside?: string;
  onValue(value: string): void;
  onSubmit?(value: string): void;
  onCancel?(): void;
}) {
  const [value, setValue] = useState('');
  const [last, setLast] = useState<string | undefined>(undefined);
  // A value set from outside (as Tab completion does) when the prop changes.
  if (outside !== last) {
    setLast(outside);
    if (outside !== undefined) setValue(outside);
  }
  return (
    <TextField
      label="Path"
      value={value}
      focus
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}

async function field(props: { onSubmit?(value: string): void; onCancel?(): void } = {}) {
  const values: string[] = [];
  const instance = render(
    <WithKeys>
      <Harness onValue={(value) => values.push(value)} {...props} />
    </WithKeys>,
  );
  unmount = instance.unmount;
  await settle();
  return { instance, values, last: () => values.at(-1) ?? '' };
}

describe('the one text field', () => {
  it('40 characters written at once all land, in order (a paste, or keys faster than frames)', async () => {
    const { instance, last } = await field();
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789-_.@';
    instance.stdin.write(text);
    await settle();
    expect(last()).toBe(text);
  });

  it('keys sent one after another without waiting for a frame are neither lost nor reordered', async () => {
    const { instance, last } = await field();
    for (const character of 'certs/leaf.pem') instance.stdin.write(character);
    await settle();
    expect(last()).toBe('certs/leaf.pem');
  });

  it('edits like a shell line: ←, Home, End, Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-K, Ctrl-W, Backspace', async () => {
    const { instance, last } = await field();
    const send = async (keys: string) => {
      instance.stdin.write(keys);
      await settle();
    };
    await send('world');
    await send('\u001b[H'); // Home
    await send('hello ');
    expect(last()).toBe('hello world');
    await send('\u001b[F'); // End
    await send('!');
    expect(last()).toBe('hello world!');
    await send('\u0001'); // Ctrl-A
    await send('>');
    await send('\u0005'); // Ctrl-E
    await send('\u007f'); // Backspace
    expect(last()).toBe('>hello world');
    await send('\u0017'); // Ctrl-W
    expect(last()).toBe('>hello ');
    await send('\u001b[D\u001b[D'); // ← ←
    await send('\u000b'); // Ctrl-K
    expect(last()).toBe('>hell');
    await send('\u0015'); // Ctrl-U
    expect(last()).toBe('');
  });

  it('a value set from outside puts the cursor at the end', async () => {
    const values: string[] = [];
    const instance = render(
      <WithKeys>
        <Harness onValue={(value) => values.push(value)} />
      </WithKeys>,
    );
    unmount = instance.unmount;
    await settle();
    instance.stdin.write('certs/fi');
    await settle();
    instance.stdin.write('\u001b[D\u001b[D');
    await settle();
    instance.rerender(
      <WithKeys>
        <Harness outside="certs/files/" onValue={(value) => values.push(value)} />
      </WithKeys>,
    );
    await settle();
    instance.stdin.write('leaf.pem');
    await settle();
    expect(values.at(-1)).toBe('certs/files/leaf.pem');
  });

  it('Enter submits what is typed; Esc goes to the one who asked for it', async () => {
    const submitted: string[] = [];
    let cancelled = 0;
    const { instance } = await field({ onSubmit: (value) => submitted.push(value), onCancel: () => (cancelled += 1) });
    instance.stdin.write('name');
    await settle();
    instance.stdin.write('\r');
    await settle();
    expect(submitted).toEqual(['name']);
    instance.stdin.write('\u001b');
    await settle();
    expect(cancelled).toBe(1);
  });
});
