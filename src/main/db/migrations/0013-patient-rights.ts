import type { Migration } from './migration';

// The patient's rights (issue 7, part 5). Additive only.
//
// patient_restrictions: one row per record restricted by a deletion request. A restricted record is read-only,
// hidden from the list unless asked for, and destroyed (with every dependent row, ON DELETE CASCADE) on the day
// after retention_until, a calendar date: the last treatment (or the intake) plus the clinic's retention years.
//
// consents.language: the language of the consent text the patient read; NULL for records from before it.
export const migration0013: Migration = {
  version: 13,
  name: 'patient-rights',
  sql: `
CREATE TABLE patient_restrictions (
  patient_seq INTEGER PRIMARY KEY REFERENCES patients (seq) ON DELETE CASCADE,
  restricted_at TEXT NOT NULL,
  retention_until TEXT NOT NULL CHECK (retention_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX patient_restrictions_by_retention ON patient_restrictions (retention_until);

ALTER TABLE consents ADD COLUMN language TEXT;
`,
};
