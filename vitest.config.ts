import { defineConfig } from 'vitest/config';
import HeaviestFirst from './test/setup/heaviest-first.js';

/**
 * Three tiers (README, Development). unit: pure, in memory, on cached fixtures; the inner loop.
 * integration: moto (one per file), the fault proxy, CLI subprocesses, OpenSSL as referee over costly work (key
 * generation, hostile inputs), the corpus, fuzzing.
 * e2e: the app in tmux. `npm test` runs all three on every core.
 */
const INTEGRATION = [
  'test/commands/**',
  'test/core/crypto/create.test.ts',
  'test/core/files/signal-during-write.test.ts',
  'test/core/formats/exact-and-edges.test.ts',
  'test/core/iam/identity.test.ts',
  'test/core/iam/server-certificates.test.ts',
  'test/core/iam/signing-certificates.test.ts',
  'test/core/iam/users-and-groups.test.ts',
  'test/core/onboard.test.ts',
  'test/core/rotation/run.test.ts',
  'test/core/usage/delete-conflict.test.ts',
  'test/core/usage/shared-signal.test.ts',
  'test/core/usage/throttled-scan.test.ts',
  'test/corpus/**',
  'test/faults/**',
  'test/fuzz/**',
  'test/screens/iam-moto.test.tsx',
  'test/security/**',
];
const E2E = ['test/e2e/**'];
const TESTS = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
const asTests = (globs: string[]) => globs.map((glob) => (glob.endsWith('**') ? `${glob}/*.test.{ts,tsx}` : glob));

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global.ts'],
    // The SDK's Node 20 notice is silenced by the CLI itself; in-process tests silence it the same way.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Both cores: every file that needs moto has its own.
    maxWorkers: 2,
    sequence: { sequencer: HeaviestFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: TESTS,
          exclude: [...asTests(INTEGRATION), ...asTests(E2E)],
          setupFiles: ['test/setup/react-work.ts'],
          // Pure tests share one module graph per worker: loading the app once, not once per file, halves the tier.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: asTests(INTEGRATION), setupFiles: ['test/setup/moto-per-file.ts'] },
      },
      { extends: true, test: { name: 'e2e', include: asTests(E2E), setupFiles: ['test/setup/moto-per-file.ts'] } },
    ],
  },
});
