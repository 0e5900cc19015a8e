// npm start: bundle again only when something the bundle is made from changed since the last
// build, so a second start opens the app at once (type checking is npm test's job).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist', 'cli.js');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const inputs = [
  'src',
  'package.json',
  'package-lock.json',
  'scripts/build.mjs',
  'scripts/one-column-width-plugin.mjs',
].map((name) => join(root, name));
if (!existsSync(built) || Math.max(...inputs.map(newest)) > statSync(built).mtimeMs) {
  process.stderr.write('iamcert: building…\n');
  await import('./build.mjs');
}
