import { defineConfig } from 'vitest/config'

// Browser tests: a real `jueqi serve` (embedded store, built-in data) and Debian's Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
