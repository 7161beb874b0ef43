import type { Migration } from '../migration';

// 0017 in PostgreSQL: whose draft each unsaved intake is.
export const postgresMigration0017: Migration = {
  version: 17,
  name: 'draft-owners',
  sql: `
ALTER TABLE drafts ADD COLUMN coordinator_id text COLLATE "C";
CREATE INDEX drafts_by_coordinator ON drafts (coordinator_id);
`,
};
