import type { Migration } from '../migration';

// 0016 in PostgreSQL: one unsaved plan per patient, gone with the record.
export const postgresMigration0016: Migration = {
  version: 16,
  name: 'plan-drafts',
  sql: `
CREATE TABLE plan_drafts (
  patient_seq integer PRIMARY KEY REFERENCES patients (seq) ON DELETE CASCADE,
  base_version integer NOT NULL CHECK (base_version >= 0),
  plan_json text COLLATE "C" NOT NULL CHECK (is_valid_json(plan_json)),
  saved_at text COLLATE "C" NOT NULL
);
`,
};
