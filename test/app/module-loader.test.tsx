import React, { useState } from 'react';
import { render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { Loaded, moduleLoader } from '../../src/app/module-loader.js';
import { useKeymap } from '../../src/ui/keys/focus.js';
import { Text } from '../../src/ui/safe-text.js';
import { WithKeys } from '../helpers/with-keys.js';

/** What a screen read later would do with keys: it writes down each one it gets. */
function Probe(): React.JSX.Element {
  const [got, setGot] = useState('');
  useKeymap([
    { keys: ['j', 'k', 'down', 'enter'], label: 'note', run: (key) => setGot((before) => `${before} ${key}`) },
  ]);
  return <Text>{`got:${got}`}</Text>;
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function until(frame: () => string, text: string): Promise<string> {
  const deadline = Date.now() + 5_000;
  while (!frame().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${frame()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return frame();
}

describe('a screen read after the first frame', () => {
  it('keys typed while it is being read wait, and reach it in order once it is drawn', async () => {
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    const loader = moduleLoader(async () => {
      await opened;
      return { Probe };
    });
    const instance = render(
      <WithKeys>
        <Loaded loader={loader} draw={(read) => <read.Probe />} />
      </WithKeys>,
    );
    unmount = instance.unmount;
    const frame = () => stripVTControlCharacters(instance.lastFrame() ?? '');
    await until(frame, 'Opening…');
    await new Promise((resolve) => setTimeout(resolve, 50));
    instance.stdin.write('jk');
    instance.stdin.write('\u001B[B');
    instance.stdin.write('\r');
    open();
    expect(await until(frame, 'got: j k down enter')).toContain('got: j k down enter');
  });

  it('once read, it is drawn at once, with no wait', () => {
    const loader = moduleLoader(async () => ({ Probe }));
    return loader.load().then(() => {
      const instance = render(
        <WithKeys>
          <Loaded loader={loader} draw={(read) => <read.Probe />} />
        </WithKeys>,
      );
      unmount = instance.unmount;
      expect(stripVTControlCharacters(instance.frames[0] ?? '')).toContain('got:');
    });
  });
});
