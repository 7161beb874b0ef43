// The unit suites that run on both back ends: once on the SQLite file and once on PostgreSQL (the `postgres`
// project in vitest.config.ts, CLINICDESK_TEST_BACKEND=postgres). They open their services through
// tests/support/test-services.ts and check what was stored in SQL both dialects share.
//
// Suites about the SQLite file itself stay SQLite-only and are not listed: its encryption (tests/unit/db), backups
// and restores (tests/unit/backup), page damage and WAL checks, crash stress (tests/unit/stress/crash-safety), and
// the SQLite-only statements (FTS5 pieces, triggers). PostgreSQL has its own (tests/unit/db/postgres-*,
// services-on-postgres, concurrent-saves-postgres, cli-postgres).
export const BOTH_BACKEND_SUITES = [
  'tests/unit/services/test-services-helper.test.ts',
  'tests/unit/contract/contract-fuzz.test.ts',
  'tests/unit/services/patients-service.test.ts',
  'tests/unit/services/import-export.test.ts',
  'tests/unit/services/import-encodings.test.ts',
  'tests/unit/services/drafts-sessions.test.ts',
  'tests/unit/services/search-pieces.test.ts',
  'tests/unit/plan/plan-service.test.ts',
  'tests/unit/plan/plan-versions.test.ts',
  'tests/unit/plan/quote-versions.test.ts',
  'tests/unit/plan/plan-drafts.test.ts',
  'tests/unit/plan/sessions.test.ts',
  'tests/unit/plan/session-done-policy.test.ts',
  'tests/unit/followups/followups-service.test.ts',
  'tests/unit/calendar/patient-calendar.test.ts',
  'tests/unit/reports/khidi-report.test.ts',
  'tests/unit/reports/report-summary.test.ts',
  'tests/unit/rights/rights-service.test.ts',
  'tests/unit/audit/audit-log.test.ts',
  'tests/unit/handouts/handouts-service.test.ts',
  'tests/unit/coordinators/coordinators.test.ts',
  'tests/unit/today/today-service.test.ts',
];
