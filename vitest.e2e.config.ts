import { defineConfig } from 'vitest/config';

// Browser tests: drive Debian's Chromium with playwright-core against the
// built app served by `vite preview`. One file at a time: two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
