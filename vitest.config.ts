import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `.only` must never land: CI fails on it.
    allowOnly: !process.env.CI,
    pool: 'forks',
  },
});
