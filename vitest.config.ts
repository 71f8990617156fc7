import { defineConfig } from 'vitest/config';

// Two cores: keep the pool small so the scrypt-heavy vault tests do not starve each other.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
