import type { Migration } from './migration';

// Coordinator profiles for shared clinic PCs (issue 7, part 6): who is signed in is who the audit log names.
// A PIN is never stored, only its scrypt hash with a salt of its own (src/main/services/coordinators-service.ts).
// A profile is disabled, never deleted: the audit log names it by display name, and an id must not come back
// for someone else. Wrong PIN attempts are counted in their own table (0015).
export const migration0012: Migration = {
  version: 12,
  name: 'coordinator-profiles',
  sql: `
CREATE TABLE coordinator_profiles (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  pin_salt TEXT NOT NULL CHECK (length(pin_salt) = 32),
  pin_hash TEXT NOT NULL CHECK (length(pin_hash) = 64),
  created_at TEXT NOT NULL,
  disabled_at TEXT
) STRICT;

CREATE UNIQUE INDEX coordinator_profiles_active_name ON coordinator_profiles (display_name) WHERE disabled_at IS NULL;
`,
};
