import type { Migration } from '../migration';

// 0004 in PostgreSQL: unsaved intake forms.
export const postgresMigration0004: Migration = {
  version: 4,
  name: 'drafts',
  sql: `
CREATE TABLE drafts (
  key text COLLATE "C" PRIMARY KEY,
  label text COLLATE "C" NOT NULL DEFAULT '',
  base_version integer,
  form_json text COLLATE "C" NOT NULL CHECK (is_valid_json(form_json)),
  saved_at text COLLATE "C" NOT NULL
);
`,
};
