import type { Migration } from './migration';

// Unsaved plans, like the intake's drafts: written as the coordinator edits, offered back when the plan screen
// reopens, discarded on save. They name doctors and hold session records, so they live here, sealed with the rest
// of the database, rather than in the renderer's storage where a deletion request would not reach them. One per
// patient; the record's destruction takes its draft with it (ON DELETE CASCADE). Additive only.
export const migration0016: Migration = {
  version: 16,
  name: 'plan-drafts',
  sql: `
CREATE TABLE plan_drafts (
  patient_seq INTEGER PRIMARY KEY REFERENCES patients (seq) ON DELETE CASCADE,
  base_version INTEGER NOT NULL CHECK (base_version >= 0),
  plan_json TEXT NOT NULL CHECK (json_valid(plan_json)),
  saved_at TEXT NOT NULL
) STRICT;
`,
};
