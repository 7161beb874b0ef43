import type { Migration } from '../migration';

// 0013 in PostgreSQL: restricted records (a deletion request) and the language of a consent. SQLite's GLOB on the
// retention date is an anchored whole-string match; the regular expression below is anchored the same way.
export const postgresMigration0013: Migration = {
  version: 13,
  name: 'patient-rights',
  sql: `
CREATE TABLE patient_restrictions (
  patient_seq integer PRIMARY KEY REFERENCES patients (seq) ON DELETE CASCADE,
  restricted_at text COLLATE "C" NOT NULL,
  retention_until text COLLATE "C" NOT NULL CHECK (retention_until ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  reason text COLLATE "C" NOT NULL DEFAULT ''
);

CREATE INDEX patient_restrictions_by_retention ON patient_restrictions (retention_until);

ALTER TABLE consents ADD COLUMN language text COLLATE "C";
`,
};
