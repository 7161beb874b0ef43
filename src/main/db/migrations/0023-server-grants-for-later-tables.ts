import type { Migration } from './migration';

// 0023 on a single PC changes nothing: it gives the clinic server's roles their rights on the tables that came after
// the roles (PostgreSQL's 0023). A SQLite file has no roles; the number is taken here too so both dialects keep
// one schema version.
export const migration0023: Migration = {
  version: 23,
  name: 'server-grants-for-later-tables',
  sql: `-- Nothing in SQLite: a file has no database roles (see the comment above).
SELECT 1;
`,
};
