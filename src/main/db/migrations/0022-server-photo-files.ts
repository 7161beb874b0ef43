import type { Migration } from './migration';

// 0022 on a single PC changes nothing. The clinic server keeps the sealed photo files in a table (its 0022) so that
// every PC sees them; the SQLite file does not: its photos stay in the encrypted photo folder beside it, where the
// backup copies them and the crash-safe write (temporary file, fsync, rename) keeps them, and an empty twin table
// would be a second place a reader (or a restore) might look for photos that are never there. The number is taken
// here too so both dialects keep one schema version (moving a clinic copies between equal versions).
export const migration0022: Migration = {
  version: 22,
  name: 'server-photo-files',
  sql: `-- Nothing in SQLite: photo files stay in the encrypted photo folder (see the comment above).
SELECT 1;
`,
};
