import type { Migration } from '../migration';

// 0012 in PostgreSQL: coordinator profiles (a salted scrypt hash of the PIN, never the PIN), one active per name.
export const postgresMigration0012: Migration = {
  version: 12,
  name: 'coordinator-profiles',
  sql: `
CREATE TABLE coordinator_profiles (
  id text COLLATE "C" PRIMARY KEY,
  display_name text COLLATE "C" NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  pin_salt text COLLATE "C" NOT NULL CHECK (length(pin_salt) = 32),
  pin_hash text COLLATE "C" NOT NULL CHECK (length(pin_hash) = 64),
  created_at text COLLATE "C" NOT NULL,
  disabled_at text COLLATE "C"
);

CREATE UNIQUE INDEX coordinator_profiles_active_name ON coordinator_profiles (display_name) WHERE disabled_at IS NULL;
`,
};
