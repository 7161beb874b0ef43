import type { Migration } from './migration';

// A patient's treatment plan (one per patient; the plan file format is the case file's `plan` section) and the
// clinic's settings (prices, VAT, opening hours), each checked by its zod schema before it is written.
export const migration0005: Migration = {
  version: 5,
  name: 'plans-and-settings',
  sql: `
CREATE TABLE plans (
  patient_seq INTEGER PRIMARY KEY REFERENCES patients (seq) ON DELETE CASCADE,
  plan_json TEXT NOT NULL CHECK (json_valid(plan_json)),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE clinic_settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at TEXT NOT NULL
) STRICT;
`,
};
