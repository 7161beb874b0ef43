import type { Migration } from './migration';

// The quotes a patient was sent ("Mark as sent"), each kept as the patient received it: its lines, amounts, VAT,
// exchange rate and next-visit estimate (quote_json), the plan version it was made from, when and by whom. Like
// plan_versions, a version is never overwritten: a later quote is a new version. Triggers refuse every UPDATE,
// and every DELETE while the patient's record exists; the versions go with their patient (ON DELETE CASCADE) only
// when the whole record is destroyed at the end of its retention.
//
// plan_sessions (the reports' rows) gains the session's id, so a session whose date changed is told apart from
// two sessions of one treatment that swapped days; rows written before it keep NULL and are matched as before.
// Additive only.
export const migration0018: Migration = {
  version: 18,
  name: 'quote-versions-and-session-ids',
  sql: `
CREATE TABLE quote_versions (
  patient_seq INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version > 0),
  plan_version INTEGER NOT NULL CHECK (plan_version > 0),
  quote_json TEXT NOT NULL CHECK (json_valid(quote_json)),
  sent_at TEXT NOT NULL,
  sent_by TEXT NOT NULL,
  PRIMARY KEY (patient_seq, version)
) STRICT;

CREATE TRIGGER quote_versions_no_update BEFORE UPDATE ON quote_versions BEGIN
  SELECT RAISE(ABORT, 'a quote version is kept as it was sent, never overwritten');
END;
CREATE TRIGGER quote_versions_no_delete BEFORE DELETE ON quote_versions
  WHEN EXISTS (SELECT 1 FROM patients WHERE seq = OLD.patient_seq) BEGIN
  SELECT RAISE(ABORT, 'a quote version is kept as it was sent, never overwritten');
END;

ALTER TABLE plan_sessions ADD COLUMN session_id TEXT;
`,
};
