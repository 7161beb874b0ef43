import type { Migration } from './migration';

// The intake record. Facts that lists, filters and reports query are columns; the nested answers the form edits
// as a whole (screening, concerns, messengers) are JSON checked by json_valid and, before that, by the zod schema.
export const migration0001: Migration = {
  version: 1,
  name: 'patients',
  sql: `
CREATE TABLE patients (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  native_name TEXT NOT NULL,
  latin_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other')),
  nationality TEXT NOT NULL,
  languages_json TEXT NOT NULL CHECK (json_valid(languages_json)),
  phone TEXT,
  email TEXT,
  messengers_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(messengers_json)),
  home_time_zone TEXT NOT NULL,
  home_currency TEXT NOT NULL,
  arrival TEXT NOT NULL,
  departure TEXT NOT NULL,
  stay_address TEXT NOT NULL DEFAULT '',
  fitzpatrick INTEGER CHECK (fitzpatrick BETWEEN 1 AND 6),
  concerns_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(concerns_json)),
  screening_json TEXT NOT NULL CHECK (json_valid(screening_json)),
  screening_open INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX patients_by_arrival ON patients (arrival);
CREATE INDEX patients_by_departure ON patients (departure);

CREATE TABLE consents (
  seq INTEGER PRIMARY KEY,
  patient_seq INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sensitive_data', 'photos_medical_record', 'photos_marketing')),
  granted_at TEXT NOT NULL,
  withdrawn_at TEXT,
  text_version TEXT NOT NULL,
  UNIQUE (patient_seq, position)
) STRICT;
`,
};
