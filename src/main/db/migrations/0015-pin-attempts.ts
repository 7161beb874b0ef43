import type { Migration } from './migration';

// Wrong PIN attempts per coordinator profile, in the database so a restart does not clear them (before this they
// were counted in memory). One row per profile that has failed since its last right PIN: how many wrong PINs in a
// row, and until when (ms since the epoch, on the service clock) it must wait. A right PIN deletes the row. Every
// wrong PIN is also an audit entry; this table only holds the count. Additive only.
export const migration0015: Migration = {
  version: 15,
  name: 'pin-attempts',
  sql: `
CREATE TABLE coordinator_pin_attempts (
  coordinator_id TEXT PRIMARY KEY REFERENCES coordinator_profiles (id),
  failures INTEGER NOT NULL CHECK (failures > 0),
  wait_until_ms INTEGER NOT NULL DEFAULT 0 CHECK (wait_until_ms >= 0),
  last_failure_at TEXT NOT NULL
) STRICT;
`,
};
