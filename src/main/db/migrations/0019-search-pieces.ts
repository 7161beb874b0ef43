import { PIECE_GLOB_CLASS } from '../../../shared/domain/intake/search-pieces';
import type { Migration } from './migration';

// The one- and two-character pieces of each patient's search text in Hangul, Han and kana
// (shared/domain/intake/search-pieces.ts says why these scripts), so a search for "민" or "芳" reads an index
// instead of scanning every patient. The app writes a patient's pieces with its search text; this fills them for
// the patients already stored, from the stored search text, with the same character classes. A record's pieces go
// with it when it is destroyed (ON DELETE CASCADE).
export const migration0019: Migration = {
  version: 19,
  name: 'search-pieces',
  sql: `
CREATE TABLE patient_search_pieces (
  piece TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  PRIMARY KEY (piece, seq)
) WITHOUT ROWID, STRICT;

CREATE INDEX patient_search_pieces_by_seq ON patient_search_pieces (seq);

WITH RECURSIVE positions (seq, haystack, i) AS (
  SELECT seq, haystack, 1 FROM patient_search_text WHERE length(haystack) > 0
  UNION ALL
  SELECT seq, haystack, i + 1 FROM positions WHERE i < length(haystack)
),
candidates (piece, seq) AS (
  SELECT substr(haystack, i, 1), seq FROM positions
  UNION
  SELECT substr(haystack, i, 2), seq FROM positions WHERE i < length(haystack)
)
INSERT OR IGNORE INTO patient_search_pieces (piece, seq)
  SELECT piece, seq FROM candidates WHERE NOT (piece GLOB '*[^${PIECE_GLOB_CLASS}]*');
`,
};
