import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { motoEndpoint, uniqueName } from '../helpers/iam.js';
import { motoEnvironment } from '../helpers/moto.js';
import { buildRotationWorld, certificateFiles, expectRotated, servingWorld } from '../helpers/serving.js';
import { openAppPane, type Pane } from '../helpers/tmux.js';

/**
 * The rotation as a person does it, in tmux at 80×24, typing at 10 keys a second: from the
 * inventory, R, the new certificate's files, the plan, the typed name, each step live. A moto of its
 * own (moto gives every server certificate the same ID); the result is read back with the AWS CLI.
 */
let world: ReturnType<typeof servingWorld>;
let other: { arn: string; id: string };
const home = mkdtempSync(join(tmpdir(), 'iamcert-rotate-e2e-'));
const env: NodeJS.ProcessEnv = { ...motoEnvironment(), HOME: home, TERM: 'xterm-256color' };
const oldFiles = certificateFiles(['www.rotate.example', 'rotate.example'], { days: 20 });
const newFiles = certificateFiles(['www.rotate.example', 'rotate.example'], { days: 400 });
beforeAll(async () => {
  world = servingWorld(motoEndpoint());
  other = world.upload(uniqueName('api'), certificateFiles(['api.rotate.example']));
}, 60_000);
afterAll(async () => {
  rmSync(home, { recursive: true, force: true, maxRetries: 5 });
});

let pane: Pane | undefined;
afterEach(() => pane?.kill());

describe('rotation in the app', () => {
  it('R on the inventory, files typed at a human pace, the plan, the typed name: all three consumers move and the old certificate is deleted', async () => {
    const w = await buildRotationWorld(world, oldFiles, other);
    pane = await openAppPane({ cli: CLI, endpoint: motoEndpoint(), env, cwd: home });
    await pane.send(':');
    await pane.typeAtPace('certs');
    await pane.send('Enter');
    await pane.waitFor('sorted by expiry');
    await pane.send('/');
    await pane.typeAtPace(w.old);
    await pane.send('Enter');
    await pane.waitFor(new RegExp(`› ${w.old}`));
    await pane.send('R');
    await pane.waitFor('Pick the certificate that takes over');
    await pane.send('f');
    await pane.waitFor('Certificate  :');
    await pane.typeAtPace(newFiles.cert);
    await pane.send('Tab');
    await pane.typeAtPace(newFiles.key);
    await pane.send('Tab');
    await pane.send('Tab');
    await pane.typeAtPace(w.next);
    await pane.send('Enter');
    await pane.waitFor('Moved from the old to the new (3)', 60_000);
    // moto has no UpdateServerCertificate, so the old one is deleted rather than renamed.
    await pane.send('m');
    await pane.waitFor(`delete ${w.old} (m changes this)`);
    await pane.send('Enter');
    await pane.waitFor(`Type ${w.old} to confirm`);
    await pane.typeAtPace(w.old);
    await pane.send('Enter');
    await pane.waitFor('Rotated: everything that served', 60_000);
    expectRotated(world, w);
    // Back in the inventory, reloaded: the old name the filter kept is gone; clearing it shows the new one.
    await pane.send('Enter');
    await pane.waitFor(`Nothing matches "${w.old}"`);
    await pane.send('Escape');
    await pane.waitFor(new RegExp(`${w.next}\\s+IAM /`));
  });
});
