import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: happy-dom plus WXT's in-memory fake browser. End-to-end tests live in
// test/e2e and run through vitest.e2e.config.ts against real Chromium.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', '.output/**', 'test/e2e/**'],
    restoreMocks: true,
  },
});
