/**
 * A headless run that writes a key pair as `iamcert create` does (the one writer, the one exit path), and
 * signals itself after a given number of event-loop turns: the offset is exact, so a test can walk the
 * signal through every step of the write. Bundled and run by signal-during-write.test.ts.
 */
import { join } from 'node:path';
import { writeFilesSafely } from '../../../src/core/files/safe-write.js';
import { endOnSignals } from '../../../src/core/lifecycle.js';

const [folder = '', signal = 'SIGTERM', after = '0'] = process.argv.slice(2);
endOnSignals(['SIGINT', 'SIGTERM', 'SIGHUP']);

let turns = 0;
const tick = () => {
  turns += 1;
  if (turns === Number(after)) process.kill(process.pid, signal);
  setImmediate(tick);
};
setImmediate(tick);

const key = `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n`.repeat(26);
await writeFilesSafely([
  { path: join(folder, 'pk-amazon.pem'), data: key, secret: true },
  { path: join(folder, 'cert-amazon.pem'), data: key.replaceAll('PRIVATE KEY', 'CERTIFICATE') },
]);
process.stdout.write(`written after ${turns} turns\n`);
