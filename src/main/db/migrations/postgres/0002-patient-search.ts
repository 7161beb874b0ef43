import type { Migration } from '../migration';

// 0002 in PostgreSQL. SQLite's FTS5 trigram table and the triggers that keep it in step become two GIN indexes on
// the search-text table itself (STORE-NOTES, "Search"); the haystack is the same folded text the app writes today.
// - needles of 3 characters or more: haystack LIKE '%needle%' (the needle's backslash, % and _ escaped), served by
//   the pg_trgm index. pg_trgm only sees letters its database's LC_CTYPE calls letters: under C or POSIX it indexes
//   no Hangul, Han, Thai or Arabic at all, which is why the migration runner refuses such a database.
// - needles of 1 or 2 characters (one Hangul or Han syllable, two): haystack_pieces @> ARRAY[needle], served by
//   the second index. The pieces are every 1- and 2-character substring of the haystack, spaces and separators
//   included, so containment is exactly SQLite's instr(haystack, needle) > 0 for those needles, with no recheck.
//   Without this index a short needle scanned the table (~41 ms at 100,000 patients), and strpos was worse (1.7 s).
// haystack_pieces is generated from haystack by the database, so it cannot drift from it, as the FTS triggers
// could not in SQLite; the app writes haystack alone, as it does today. Characters are code points here and in the
// app (search counts [...needle]), so a character outside the BMP is one piece, not two halves.
export const postgresMigration0002: Migration = {
  version: 2,
  name: 'patient-search',
  sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION search_pieces(haystack text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(
    SELECT DISTINCT substr(haystack, start, width) COLLATE "C"
    FROM generate_series(1, length(haystack)) AS start, (VALUES (1), (2)) AS widths (width)
    WHERE start + width - 1 <= length(haystack)
    ORDER BY 1
  );

CREATE TABLE patient_search_text (
  seq integer PRIMARY KEY REFERENCES patients (seq) ON DELETE CASCADE,
  haystack text COLLATE "C" NOT NULL,
  haystack_pieces text[] COLLATE "C" NOT NULL GENERATED ALWAYS AS (search_pieces(haystack)) STORED
);

CREATE INDEX patient_search_index ON patient_search_text USING gin (haystack gin_trgm_ops);
CREATE INDEX patient_search_pieces_index ON patient_search_text USING gin (haystack_pieces);
`,
};
