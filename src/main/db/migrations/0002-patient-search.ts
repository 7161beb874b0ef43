import type { Migration } from './migration';

// Patient search. The haystack (names folded for search, phone digits) has its own narrow table so a scan for a
// one- or two-character query (a Han or Hangul syllable) reads little; queries of three characters or more use
// the FTS5 trigram index, which matches substrings in any script.
export const migration0002: Migration = {
  version: 2,
  name: 'patient-search',
  sql: `
CREATE TABLE patient_search_text (
  seq INTEGER PRIMARY KEY REFERENCES patients (seq) ON DELETE CASCADE,
  haystack TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE patient_search_index USING fts5 (
  haystack,
  content = 'patient_search_text',
  content_rowid = 'seq',
  tokenize = 'trigram'
);

CREATE TRIGGER patient_search_text_ai AFTER INSERT ON patient_search_text BEGIN
  INSERT INTO patient_search_index (rowid, haystack) VALUES (new.seq, new.haystack);
END;
CREATE TRIGGER patient_search_text_ad AFTER DELETE ON patient_search_text BEGIN
  INSERT INTO patient_search_index (patient_search_index, rowid, haystack) VALUES ('delete', old.seq, old.haystack);
END;
CREATE TRIGGER patient_search_text_au AFTER UPDATE ON patient_search_text BEGIN
  INSERT INTO patient_search_index (patient_search_index, rowid, haystack) VALUES ('delete', old.seq, old.haystack);
  INSERT INTO patient_search_index (rowid, haystack) VALUES (new.seq, new.haystack);
END;
`,
};
