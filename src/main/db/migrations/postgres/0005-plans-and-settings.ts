import type { Migration } from '../migration';

// 0005 in PostgreSQL: one treatment plan per patient, and the clinic's settings.
export const postgresMigration0005: Migration = {
  version: 5,
  name: 'plans-and-settings',
  sql: `
CREATE TABLE plans (
  patient_seq integer PRIMARY KEY REFERENCES patients (seq) ON DELETE CASCADE,
  plan_json text COLLATE "C" NOT NULL CHECK (is_valid_json(plan_json)),
  version integer NOT NULL DEFAULT 1,
  updated_at text COLLATE "C" NOT NULL
);

CREATE TABLE clinic_settings (
  key text COLLATE "C" PRIMARY KEY,
  value_json text COLLATE "C" NOT NULL CHECK (is_valid_json(value_json)),
  updated_at text COLLATE "C" NOT NULL
);
`,
};
