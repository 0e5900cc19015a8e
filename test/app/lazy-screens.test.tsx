import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';

/** The screens are read only when the test says so, however fast this machine reads them. */
const gate = vi.hoisted(() => {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open: () => open(), opened };
});
vi.mock('../../src/app/screens.js', async (importOriginal) => {
  await gate.opened;
  return importOriginal();
});

let app: Rendered | undefined;
afterEach(() => app?.unmount());

describe('the screens other than Home are read after the first frame', () => {
  it('keys typed while a screen is still being read wait for it and reach it in order', async () => {
    app = await renderApp(stubServices());
    await app.waitForText('Create key & certificate');
    // Enter opens Create while it is being read; the two ↓ typed with it move to its third purpose once it is drawn.
    await app.press(`${KEYS.enter}${KEYS.down}${KEYS.down}`);
    await app.waitForText('Opening…');
    gate.open();
    const purposes = await app.waitForText(/› Certificate request \(CSR\) for a CA/);
    expect(purposes).toContain('What is the certificate for?');
  });
});
