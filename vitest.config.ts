import { defineConfig } from 'vitest/config'

// Unit, store and API tests live beside the code (src/**/*.test.ts, bench/**/*.test.ts, e2e/**/*.test.ts for the browser tests' helpers). Store tests run on both
// PGlite and a throwaway PostgreSQL 15 server started by the global setup.
// Browser tests are in e2e/ with their own config (they need a built web app and Chromium).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
