import type { Migration } from '../migration';

// 0007 in PostgreSQL: what came of a follow-up.
export const postgresMigration0007: Migration = {
  version: 7,
  name: 'followup-outcomes',
  sql: `
ALTER TABLE followups ADD COLUMN outcome_at text COLLATE "C";
ALTER TABLE followups ADD COLUMN note text COLLATE "C" NOT NULL DEFAULT '';
`,
};
