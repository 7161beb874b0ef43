import type { Migration } from './migration';

// What came of a follow-up: the outcome the coordinator recorded, when, and a note.
export const migration0007: Migration = {
  version: 7,
  name: 'followup-outcomes',
  sql: `
ALTER TABLE followups ADD COLUMN outcome_at TEXT;
ALTER TABLE followups ADD COLUMN note TEXT NOT NULL DEFAULT '';
`,
};
