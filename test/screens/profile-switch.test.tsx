import { afterEach, describe, expect, it } from 'vitest';
import { IamcertError } from '../../src/core/errors.js';
import { KEYS, renderApp, type Rendered } from '../helpers/render.js';
import { STUB_IDENTITY, stubServices } from '../helpers/stub-services.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

describe(':profile NAME switches account (k9s :ctx)', () => {
  it('acts as the other profile from Home on; an unknown profile is said, with the ones there are', async () => {
    const other = stubServices({
      whoAmI: async () => ({ ...STUB_IDENTITY, account: '999988887777', profile: 'prod' }),
    });
    const asked: string[] = [];
    app = await renderApp(stubServices(), {
      switchProfile: async (name) => {
        asked.push(name);
        if (name !== 'prod')
          throw new IamcertError({
            code: 'PROFILE_NOT_FOUND',
            message: `No profile ${name} in the AWS config files; they name prod.`,
            fix: 'Type :profile and one of those names.',
          });
        return other;
      },
    });
    await app.waitForText('account 111122223333');
    // From a screen above Home: the move back to Home must not take the message with it.
    await app.press(':');
    await app.type('certs');
    await app.press(KEYS.enter);
    await app.waitForText('No certificates in IAM or ACM');
    await app.press(':');
    await app.type('profile nosuch');
    await app.press(KEYS.enter);
    await app.waitForText('No profile nosuch');
    expect(app.frame()).toContain('account 111122223333');
    await app.press(':');
    await app.type('profile prod');
    await app.press(KEYS.enter);
    const frame = await app.waitForText('Now acting as profile prod.');
    expect(frame).toContain('account 999988887777');
    expect(frame).toContain('Create key & certificate');
    expect(asked).toEqual(['nosuch', 'prod']);
  });
});
