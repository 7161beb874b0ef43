import type { Migration } from '../migration';

// 0019 in PostgreSQL (the SQLite text is ../0019-search-pieces.ts): nothing to make. The clinic server's
// patient_search_text already carries every 1- and 2-character piece of the haystack, in every script, as a
// generated column under a GIN index (0002); the SQLite file needs a table the app fills because SQLite has no
// generated array column to index. The migration is here so both dialects keep the same numbers.
export const postgresMigration0019: Migration = {
  version: 19,
  name: 'search-pieces',
  sql: `SELECT 1;`,
};
