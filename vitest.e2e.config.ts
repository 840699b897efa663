import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium (Debian's package) driven by playwright-core, with the
// extension built in `e2e` mode, and real servers on 127.0.0.1. Files run one at a time:
// the machine has two cores and each file starts its own browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
