import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure rules, integration through the HTTP API on PGlite and
// PostgreSQL) and `e2e` (real Chromium). Files run in forks so each gets its own
// embedded database without sharing WASM state.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          // The page may render slowly while the unit project loads both cores.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
