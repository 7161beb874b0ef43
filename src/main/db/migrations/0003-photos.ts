import type { Migration } from './migration';

// Intake photos. The files live in the photo store under their SHA-256; the database holds the reference.
export const migration0003: Migration = {
  version: 3,
  name: 'photos',
  sql: `
CREATE TABLE photos (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_seq INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  visit_date TEXT NOT NULL,
  angle TEXT NOT NULL CHECK (angle IN ('front', 'oblique45', 'profile90')),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  media_type TEXT NOT NULL,
  added_at TEXT NOT NULL
) STRICT;

CREATE INDEX photos_by_patient ON photos (patient_seq, visit_date, angle);
`,
};
