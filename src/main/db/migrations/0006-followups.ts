import type { Migration } from './migration';

// Follow-ups after the flight home, made from the saved plan: due at an instant (UTC) that is 10:00 on the
// patient's own clock; listed by that instant across all patients, so the index leads with it.
export const migration0006: Migration = {
  version: 6,
  name: 'followups',
  sql: `
CREATE TABLE followups (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_seq INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  step TEXT NOT NULL,
  treatments_json TEXT NOT NULL CHECK (json_valid(treatments_json)),
  local_date TEXT NOT NULL,
  due_at TEXT NOT NULL,
  done_at TEXT,
  outcome TEXT NOT NULL DEFAULT '',
  UNIQUE (patient_seq, step)
) STRICT;

CREATE INDEX followups_open_by_due ON followups (due_at) WHERE done_at IS NULL;
`,
};
