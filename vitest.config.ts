import { configDefaults, defineConfig } from 'vitest/config';
import { SLOW_SUITES } from './tests/slow-suites';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // `npm run test:fast` (CLINICDESK_FAST_TESTS=1): everything but the slow suites (tests/slow-suites.ts).
    exclude: process.env.CLINICDESK_FAST_TESTS ? [...configDefaults.exclude, ...SLOW_SUITES] : configDefaults.exclude,
    environment: 'node',
    // Property tests and sharp can take a few seconds on a two-core machine.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
