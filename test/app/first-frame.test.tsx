import { render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.js';
import { stubServices } from '../helpers/stub-services.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('the first frame', () => {
  it('is whole: the footer with its keys is drawn with the first screen, not a commit later', () => {
    const instance = render(<App services={stubServices()} size={{ columns: 80, rows: 24 }} />);
    unmount = instance.unmount;
    const first = stripVTControlCharacters(instance.frames[0] ?? '');
    expect(first).toContain('Create key & certificate');
    expect(first).toMatch(/q quit/);
  });
});
