import { defineConfig } from 'vitest/config';

// Two cores: keep the pool small so the scrypt-heavy vault tests do not starve each other.
// Command-line tests start real `vigil` processes (Node start, tsx, key derivation) one after another;
// on a loaded two-core machine one test can take a minute, so they get their own, longer time limit.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/cli/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: { name: 'cli', include: ['test/unit/cli/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 },
      },
    ],
  },
});
