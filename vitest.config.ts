import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/setup/global.ts'],
    // The SDK's Node 20 notice is silenced by the CLI itself; in-process tests silence it the same way.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // As the iamcert command runs: OpenSSL's legacy provider on, for keys and PFX files encrypted with DES, RC2 or RC4.
    execArgv: ['--openssl-legacy-provider'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
