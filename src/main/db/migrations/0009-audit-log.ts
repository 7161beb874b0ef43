import type { Migration } from './migration';

// The audit log and the versions of treatment plans (PIPA access logs; the Medical Service Act's amended, never
// overwritten records).
//
// audit_log is append-only: triggers refuse every UPDATE and DELETE, so even a bug in this app cannot rewrite
// history, and the hash chain (src/main/services/audit/audit-chain.ts) catches anyone who drops the triggers
// and edits the file. UNIQUE (prev_hash) keeps the chain a single line: two writers can never both extend the
// same entry. patient_id is the patient's id, not a foreign key, so the log outlives an erased record.
// Retention: at least 2 years; there is no deletion code at all (see README, "Audit log").
//
// plan_versions keeps every saved version of a plan (session records included) as JSON; UPDATE is refused.
// It goes with its patient (ON DELETE CASCADE) only when the whole record is destroyed at the end of its
// retention. The plans already saved get their current version as the first kept one.
export const migration0009: Migration = {
  version: 9,
  name: 'audit-log',
  sql: `
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  patient_id TEXT,
  fields_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields_json)),
  prev_hash TEXT NOT NULL UNIQUE CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE INDEX audit_log_by_patient ON audit_log (patient_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE plan_versions (
  patient_seq INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  plan_json TEXT NOT NULL CHECK (json_valid(plan_json)),
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  PRIMARY KEY (patient_seq, version)
) STRICT;

CREATE TRIGGER plan_versions_no_update BEFORE UPDATE ON plan_versions BEGIN
  SELECT RAISE(ABORT, 'plan versions are amended by a new version, never overwritten');
END;

INSERT INTO plan_versions (patient_seq, version, plan_json, saved_at, saved_by)
  SELECT patient_seq, version, plan_json, updated_at, 'unknown' FROM plans;
`,
};
