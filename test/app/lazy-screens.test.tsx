import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { stubServices } from '../helpers/stub-services.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

describe('the screens other than Home are read after the first frame', () => {
  it('keys typed while a screen is still being read wait for it and reach it in order', async () => {
    app = await renderApp(stubServices());
    await app.waitForText('Create key & certificate');
    // In this test file nothing has read the screens yet: Enter opens Create while it is being read, and the two ↓
    // typed with it move to its third purpose once it is drawn.
    await app.press(`${KEYS.enter}${KEYS.down}${KEYS.down}`);
    expect(app.frame()).toContain('Opening…');
    const purposes = await app.waitForText(/› Certificate request \(CSR\) for a CA/);
    expect(purposes).toContain('What is the certificate for?');
  });
});
