// The patient search as it was before the pieces index (migration 0019), kept word for word so the bench times
// today's search against the same reference in every run (patient_search_scan_p95_ms, patient_search_vs_scan_ratio)
// however the repository's SQL changes: a 1-2 character needle scanned every search text, a longer one read the
// trigram index.
const SUMMARY_COLUMNS = `id, native_name, latin_name, birth_date, sex, nationality, languages_json, phone, arrival,
  departure, screening_open, updated_at, 0 AS restricted`;
const NOT_RESTRICTED = 'seq NOT IN (SELECT patient_seq FROM patient_restrictions)';
const TRIP_FILTER = `(:status = 'all'
  OR (:status = 'upcoming' AND arrival > :today)
  OR (:status = 'departed' AND departure < :today)
  OR (:status = 'in_korea' AND arrival <= :today AND departure >= :today))`;

export const SEARCH_SQL_BEFORE = {
  trigram: `SELECT ${SUMMARY_COLUMNS} FROM patients
      WHERE seq IN (SELECT rowid FROM patient_search_index WHERE patient_search_index MATCH :match) AND ${TRIP_FILTER}
      AND ${NOT_RESTRICTED}
      ORDER BY arrival DESC, seq DESC LIMIT :limit`,
  scan: `SELECT ${SUMMARY_COLUMNS} FROM patients
      WHERE seq IN (SELECT seq FROM patient_search_text WHERE instr(haystack, :needle) > 0) AND ${TRIP_FILTER}
      AND ${NOT_RESTRICTED}
      ORDER BY arrival DESC, seq DESC LIMIT :limit`,
} as const;
