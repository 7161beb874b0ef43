import type { Migration } from './migration';

// Unsaved intake forms, written as the coordinator types, so a reload, crash or closed window loses nothing.
export const migration0004: Migration = {
  version: 4,
  name: 'drafts',
  sql: `
CREATE TABLE drafts (
  key TEXT PRIMARY KEY,
  label TEXT NOT NULL DEFAULT '',
  base_version INTEGER,
  form_json TEXT NOT NULL CHECK (json_valid(form_json)),
  saved_at TEXT NOT NULL
) STRICT;
`,
};
