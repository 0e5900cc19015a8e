import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { FocusProvider } from '../../src/ui/keys/focus.js';
import { ConfirmByTyping } from '../../src/widgets/ConfirmByTyping.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function typed(text: string): Promise<{ confirmed: boolean; frame: string }> {
  let confirmed = false;
  const instance = render(
    <FocusProvider onQuit={() => undefined}>
      <ConfirmByTyping
        action="Deactivate signing certificate ABCDEFGH…"
        where="account 111122223333"
        expected="ABCDEFGH"
        alsoAccepted={['ABCDEFGHIJKLMNOPQRSTUVWXYZ012345']}
        onConfirm={() => (confirmed = true)}
        onCancel={() => undefined}
      />
    </FocusProvider>,
  );
  unmount = instance.unmount;
  for (let round = 0; round < 10 && instance.stdin.listenerCount('readable') === 0; round += 1) await tick();
  instance.stdin.write(text);
  await tick();
  instance.stdin.write('\r');
  await tick();
  return { confirmed, frame: instance.lastFrame() ?? '' };
}

describe('a typed confirmation (#18: signing IDs)', () => {
  it('the short ID asked for confirms, and so does the whole ID pasted (as y copies it)', async () => {
    expect((await typed('ABCDEFGH')).confirmed).toBe(true);
    unmount?.();
    expect((await typed('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345')).confirmed).toBe(true);
  });

  it('anything else confirms nothing, and says so', async () => {
    const result = await typed('ABCDEFGX');
    expect(result.confirmed).toBe(false);
    expect(result.frame).toContain('That is not "ABCDEFGH"; nothing was done.');
  });
});
