// Bundles the CLI with esbuild. Loading Ink and the SDK as hundreds of small
// modules cost most of the start-up time (see bench/README.md); one bundle,
// split at the dynamic imports, keeps the heavy parts lazy and the rest fast.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { oneColumnWidthPlugin } from './one-column-width-plugin.mjs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // cli is the program; App and services are entry points too so the benchmarks can drive the built app.
  entryPoints: ['src/cli.tsx', 'src/app/App.tsx', 'src/app/real-services.ts', 'src/core/iam/client.ts'],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // ES builds first: esbuild can drop what is never imported from them (the AWS SDK's CommonJS
  // build brings every IAM operation along, and the list benchmark paid for loading them).
  mainFields: ['module', 'main'],
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Ink loads react-devtools-core only when DEV=true; it is not a dependency.
  external: ['react-devtools-core'],
  // React picks its build from NODE_ENV at run time; fixing it here drops the development build,
  // which is larger to parse and several times slower to render.
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "import { createRequire as __iamcertCreateRequire } from 'node:module'; const require = __iamcertCreateRequire(import.meta.url);",
  },
  // Ink measures every text it draws; lines of one-column characters are measured by their length.
  plugins: [oneColumnWidthPlugin],
  logLevel: 'warning',
});
// Runnable as it is, through its #! line, as `npm link` and `npm install -g` install it.
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
