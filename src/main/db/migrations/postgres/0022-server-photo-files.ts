import type { Migration } from '../migration';

// 0022 in PostgreSQL: the photo and thumbnail files, so every PC of a clinic sees the photos any PC took. Each is
// sealed by the app before it leaves the PC (photos/photo-cipher.ts, AES-256-GCM under a key derived from the clinic
// key, the file's name bound in), so the table, its TOAST, the WAL and pg_dump hold no image. Named by content
// ("photos/<sha256>.jpg", "thumbnails/<sha256>.jpg"): the same image is kept once, whichever records point at it.
// STORAGE EXTERNAL: sealed bytes do not compress, so PostgreSQL is spared trying. The single PC keeps the same files
// in its photo folder (the SQLite 0022 changes nothing).
export const postgresMigration0022: Migration = {
  version: 22,
  name: 'server-photo-files',
  sql: `
CREATE TABLE photo_files (
  name text COLLATE "C" PRIMARY KEY CHECK (name ~ '^(photos/[0-9a-f]{64}[.](jpg|png|webp)|thumbnails/[0-9a-f]{64}[.]jpg)$'),
  sealed bytea NOT NULL CHECK (octet_length(sealed) > 33)
);
ALTER TABLE photo_files ALTER COLUMN sealed SET STORAGE EXTERNAL;
`,
};
