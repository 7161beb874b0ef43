// The unit suites that take the longest (processes racing for 20 s, thousands of fuzzed calls, a throwaway
// PostgreSQL per file, every handout PDF read back, built bundles spawned). `npm test` and `npm run test:unit` run
// them all; `npm run test:fast` leaves them out, for a quick answer while working. A new suite that takes more than
// a few seconds on the 2-core CI machine belongs here.
export const SLOW_SUITES = [
  'tests/unit/stress/**',
  'tests/unit/contract/contract-fuzz.test.ts',
  'tests/unit/db/postgres-*.test.ts',
  'tests/unit/db/migration-0020-payments.test.ts',
  'tests/unit/payments/payments-on-postgres.test.ts',
  'tests/unit/services/services-on-postgres.test.ts',
  'tests/unit/doors/cli-postgres.test.ts',
  'tests/unit/doors/cli-move-to-server.test.ts',
  'tests/unit/doors/built-entries.test.ts',
  'tests/unit/handouts/handout-pdfs.test.ts',
  'tests/unit/handouts/handout-page-rules.test.ts',
  'tests/unit/handouts/handout-structure.test.ts',
  'tests/unit/handouts/handouts-batch-cli.test.ts',
  'tests/unit/handouts/golden-pages.test.ts',
  'tests/unit/handouts/draft-every-page.test.ts',
  'tests/unit/handouts/shaping.test.ts',
  'tests/unit/backup/restore-while-open.test.ts',
  'tests/unit/jobs/off-thread-khidi.test.ts',
  'tests/unit/jobs/off-thread-backup.test.ts',
  'tests/unit/services/search-order.test.ts',
];
