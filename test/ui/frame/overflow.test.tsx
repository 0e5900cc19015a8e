import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, type Rendered } from '../../helpers/render.js';
import { stubServices } from '../../helpers/stub-services.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

describe('a screen taller than the terminal', () => {
  it('is clipped at its bottom; the header keeps its two lines and the footer its own', async () => {
    // The upload form and its checklist take more than 14 rows.
    app = await renderApp(stubServices(), { route: { screen: 'server-upload' }, columns: 80, rows: 14 });
    const frame = await app.waitForText('› Name');
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(/^iamcert › upload server certificate/);
    expect(lines[1]).toMatch(/^profile default {2}region us-east-1/);
    expect(lines.at(-1)).toMatch(/next field/);
  });
});
