import type { Migration } from '../migration';

// 0015 in PostgreSQL: wrong PIN attempts per profile. wait_until_ms (milliseconds since the epoch) is the one
// bigint of the schema; pg returns int8 as a string unless the pool gives it a parser.
export const postgresMigration0015: Migration = {
  version: 15,
  name: 'pin-attempts',
  sql: `
CREATE TABLE coordinator_pin_attempts (
  coordinator_id text COLLATE "C" PRIMARY KEY REFERENCES coordinator_profiles (id),
  failures integer NOT NULL CHECK (failures > 0),
  wait_until_ms bigint NOT NULL DEFAULT 0 CHECK (wait_until_ms >= 0),
  last_failure_at text COLLATE "C" NOT NULL
);
`,
};
