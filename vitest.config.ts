import { defineConfig } from 'vitest/config';

// Unit and sync tests run in Node; Dexie runs on fake-indexeddb (test/setup).
// e2e lives under test/e2e and runs with Playwright, benchmarks under test/bench.
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'test/unit/**/*.test.{ts,tsx}',
      'test/sync/**/*.test.ts',
      'test/server/**/*.test.ts',
      'test/protocol/**/*.test.ts',
      'test/mutations/**/*.test.ts',
    ],
    setupFiles: ['test/setup/vitest-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
