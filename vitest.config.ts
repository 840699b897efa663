import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: happy-dom plus WXT's in-memory fake browser. End-to-end tests live in
// test/e2e and run through vitest.e2e.config.ts against real Chromium.
export default defineConfig({
  plugins: [WxtVitest()],
  // The scanner counts its figures for the tests (wxt.config.ts leaves them out of production).
  define: { __SCAN_STATS__: 'true' },
  test: {
    environment: 'happy-dom',
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', '.output/**', 'test/e2e/**'],
    restoreMocks: true,
  },
});
