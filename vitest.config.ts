import { configDefaults, defineConfig } from 'vitest/config';
import { BOTH_BACKEND_SUITES } from './tests/both-backends';
import { SLOW_SUITES } from './tests/slow-suites';
import { findPostgresBinaries, isCi } from './tests/support/postgres/throwaway-server';

// `npm run test:fast` (CLINICDESK_FAST_TESTS=1): everything but the slow suites (tests/slow-suites.ts).
const exclude = process.env.CLINICDESK_FAST_TESTS ? [...configDefaults.exclude, ...SLOW_SUITES] : configDefaults.exclude;
const shared = {
  environment: 'node',
  // Property tests and sharp can take a few seconds on a two-core machine.
  testTimeout: 60_000,
  pool: 'forks',
  exclude,
} as const;

// The suites of tests/both-backends.ts run a second time on PostgreSQL: one throwaway server for the run, a
// migrated template copied for each test (tests/support/postgres). Without PostgreSQL on this machine that project is
// left out (CI, which must run it, fails in its global setup instead), and so it is in the fast set.
const withPostgres = !process.env.CLINICDESK_FAST_TESTS && (isCi() || findPostgresBinaries() !== null);

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['tests/unit/**/*.test.ts'] } },
      ...(withPostgres
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: BOTH_BACKEND_SUITES,
                env: { CLINICDESK_TEST_BACKEND: 'postgres' },
                globalSetup: ['tests/support/postgres/global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
