import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests and sharp can take a few seconds on a two-core machine.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
