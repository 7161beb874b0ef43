// All SQL about patients, their consents and their search text. Input here has already passed the contract's
// schema; this module only maps it to rows and back.
import type { Db } from '../open-database';
import type { PatientRecord, PatientSummary } from '../../../shared/contract/patients';
import { patientColumns, patientRecordOf, patientSummaryOf, type ConsentRow, type PatientRow } from './patient-rows';
import type { PatientIntake } from '../../../shared/domain/intake/patient-schema';
import { isPieceNeedle, searchPieces } from '../../../shared/domain/intake/search-pieces';
import { searchHaystack } from '../../../shared/domain/intake/search-text';
import type { TripStatus } from '../../../shared/domain/intake/vocabulary';

export interface SearchQuery {
  /** Already folded by searchNeedle; empty lists everyone. */
  readonly needle: string;
  readonly tripStatus: 'all' | TripStatus;
  /** Today in Korea time, for the trip status. */
  readonly today: string;
  readonly limit: number;
  /** List restricted records too, marked as such. */
  readonly includeRestricted?: boolean;
}

const SUMMARY_COLUMNS = `id, native_name, latin_name, birth_date, sex, nationality, languages_json, phone, arrival,
  departure, screening_open, updated_at, 0 AS restricted`;

// Restricted records (a deletion request, issue 7 part 5) are left out of the list unless asked for.
const NOT_RESTRICTED = 'seq NOT IN (SELECT patient_seq FROM patient_restrictions)';

// Trip status as SQL over the indexed arrival/departure columns; :today is a Korea-time calendar date.
const TRIP_FILTER = `(:status = 'all'
  OR (:status = 'upcoming' AND arrival > :today)
  OR (:status = 'departed' AND departure < :today)
  OR (:status = 'in_korea' AND arrival <= :today AND departure >= :today))`;

/** The three search queries, exported so the benchmark can time the bare SQL as the floor of the service. */
export const PATIENT_SEARCH_SQL = {
  listAll: `SELECT ${SUMMARY_COLUMNS} FROM patients WHERE ${TRIP_FILTER} AND ${NOT_RESTRICTED}
      ORDER BY arrival DESC, seq DESC LIMIT :limit`,
  trigram: `SELECT ${SUMMARY_COLUMNS} FROM patients
      WHERE seq IN (SELECT rowid FROM patient_search_index WHERE patient_search_index MATCH :match) AND ${TRIP_FILTER}
      AND ${NOT_RESTRICTED}
      ORDER BY arrival DESC, seq DESC LIMIT :limit`,
  // One or two Hangul, Han or kana characters: the pieces index (migration 0019), exact, no scan.
  pieces: `SELECT ${SUMMARY_COLUMNS} FROM patients
      WHERE seq IN (SELECT seq FROM patient_search_pieces WHERE piece = :needle) AND ${TRIP_FILTER}
      AND ${NOT_RESTRICTED}
      ORDER BY arrival DESC, seq DESC LIMIT :limit`,
  scan: `SELECT ${SUMMARY_COLUMNS} FROM patients
      WHERE seq IN (SELECT seq FROM patient_search_text WHERE instr(haystack, :needle) > 0) AND ${TRIP_FILTER}
      AND ${NOT_RESTRICTED}
      ORDER BY arrival DESC, seq DESC LIMIT :limit`,
} as const;

/** The same queries with restricted records too, each marked (the list's "show restricted records" filter). */
const PATIENT_SEARCH_SQL_WITH_RESTRICTED = Object.fromEntries(
  Object.entries(PATIENT_SEARCH_SQL).map(([name, sql]) => [
    name,
    sql
      .replace(`AND ${NOT_RESTRICTED}`, '')
      .replace('0 AS restricted', 'EXISTS (SELECT 1 FROM patient_restrictions r WHERE r.patient_seq = patients.seq) AS restricted'),
  ]),
) as { [K in keyof typeof PATIENT_SEARCH_SQL]: string };

/** Trigram search needs three characters; shorter needles scan the narrow search-text table. */
export const TRIGRAM_MIN_LENGTH = 3;

export function createPatientsRepository(db: Db) {
  const statements = {
    insert: db.prepare(`INSERT INTO patients (id, native_name, latin_name, birth_date, sex, nationality, languages_json,
        phone, email, messengers_json, home_time_zone, home_currency, arrival, departure, stay_address, fitzpatrick,
        concerns_json, screening_json, screening_open, referral_route, referral_agency_name, referral_agency_registration,
        referral_referrer, version, created_at, updated_at)
      VALUES (:id, :native_name, :latin_name, :birth_date, :sex, :nationality, :languages_json, :phone, :email,
        :messengers_json, :home_time_zone, :home_currency, :arrival, :departure, :stay_address, :fitzpatrick,
        :concerns_json, :screening_json, :screening_open, :referral_route, :referral_agency_name,
        :referral_agency_registration, :referral_referrer, 1, :now, :now)`),
    update: db.prepare(`UPDATE patients SET native_name = :native_name, latin_name = :latin_name,
        birth_date = :birth_date, sex = :sex, nationality = :nationality, languages_json = :languages_json,
        phone = :phone, email = :email, messengers_json = :messengers_json, home_time_zone = :home_time_zone,
        home_currency = :home_currency, arrival = :arrival, departure = :departure, stay_address = :stay_address,
        fitzpatrick = :fitzpatrick, concerns_json = :concerns_json, screening_json = :screening_json,
        screening_open = :screening_open, referral_route = :referral_route, referral_agency_name = :referral_agency_name,
        referral_agency_registration = :referral_agency_registration, referral_referrer = :referral_referrer,
        version = version + 1, updated_at = :now
      WHERE id = :id AND version = :expected_version`),
    bySeqOfId: db.prepare<[string], { seq: number; version: number }>('SELECT seq, version FROM patients WHERE id = ?'),
    idOfSeq: db.prepare<[number], { id: string }>('SELECT id FROM patients WHERE seq = ?'),
    byId: db.prepare<[string], PatientRow>('SELECT * FROM patients WHERE id = ?'),
    consents: db.prepare<[number], ConsentRow>(
      'SELECT kind, granted_at, withdrawn_at, text_version, language FROM consents WHERE patient_seq = ? ORDER BY position',
    ),
    deleteConsents: db.prepare('DELETE FROM consents WHERE patient_seq = ?'),
    insertConsent: db.prepare(`INSERT INTO consents (patient_seq, position, kind, granted_at, withdrawn_at, text_version, language)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    restriction: db.prepare<[number], { restricted_at: string; retention_until: string }>(
      'SELECT restricted_at, retention_until FROM patient_restrictions WHERE patient_seq = ?',
    ),
    listAllWithRestricted: db.prepare(PATIENT_SEARCH_SQL_WITH_RESTRICTED.listAll),
    searchTrigramWithRestricted: db.prepare(PATIENT_SEARCH_SQL_WITH_RESTRICTED.trigram),
    searchScanWithRestricted: db.prepare(PATIENT_SEARCH_SQL_WITH_RESTRICTED.scan),
    searchPiecesWithRestricted: db.prepare(PATIENT_SEARCH_SQL_WITH_RESTRICTED.pieces),
    deletePieces: db.prepare('DELETE FROM patient_search_pieces WHERE seq = ?'),
    insertPiece: db.prepare('INSERT INTO patient_search_pieces (piece, seq) VALUES (?, ?)'),
    upsertSearchText: db.prepare(`INSERT INTO patient_search_text (seq, haystack) VALUES (?, ?)
      ON CONFLICT (seq) DO UPDATE SET haystack = excluded.haystack`),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM patients'),
    listAll: db.prepare(PATIENT_SEARCH_SQL.listAll),
    searchTrigram: db.prepare(PATIENT_SEARCH_SQL.trigram),
    searchScan: db.prepare(PATIENT_SEARCH_SQL.scan),
    searchPieces: db.prepare(PATIENT_SEARCH_SQL.pieces),
  };

  const columns = patientColumns;

  function writeDependents(seq: number, patient: PatientIntake): void {
    statements.deleteConsents.run(seq);
    patient.consents.forEach((consent, position) => {
      statements.insertConsent.run(
        seq,
        position,
        consent.kind,
        consent.grantedAt,
        consent.withdrawnAt,
        consent.textVersion,
        consent.language ?? null,
      );
    });
    const haystack = searchHaystack(patient);
    statements.upsertSearchText.run(seq, haystack);
    // The pieces follow the search text in the same transaction, so the index never answers for an old name.
    statements.deletePieces.run(seq);
    for (const piece of searchPieces(haystack)) statements.insertPiece.run(piece, seq);
  }

  function toRecord(row: PatientRow): PatientRecord {
    const restriction = statements.restriction.get(row.seq);
    return patientRecordOf(
      row,
      statements.consents.all(row.seq),
      restriction ? { restrictedAt: restriction.restricted_at, retentionUntil: restriction.retention_until } : null,
    );
  }

  const toSummary = patientSummaryOf;

  return {
    /** Inserts a new patient with its consents and search text. The caller wraps it in a transaction. */
    insert(id: string, patient: PatientIntake, now: string): void {
      // seq is the INTEGER PRIMARY KEY, so the insert's rowid is it: no second lookup.
      const seq = Number(statements.insert.run({ id, ...columns(patient), now }).lastInsertRowid);
      writeDependents(seq, patient);
    },

    /** Writes a new version; 'conflict' if the stored version is not the one the editor started from. */
    update(id: string, expectedVersion: number, patient: PatientIntake, now: string): 'updated' | 'not_found' | 'conflict' {
      const current = statements.bySeqOfId.get(id);
      if (!current) return 'not_found';
      if (current.version !== expectedVersion) return 'conflict';
      // The changed-row count is the check that counts: the version read above may be stale by the time the
      // update runs on a back end that does not hold the write lock from the first read.
      if (statements.update.run({ id, expected_version: expectedVersion, ...columns(patient), now }).changes === 0) return 'conflict';
      writeDependents(current.seq, patient);
      return 'updated';
    },

    get(id: string): PatientRecord | undefined {
      const row = statements.byId.get(id);
      return row ? toRecord(row) : undefined;
    },

    seqOf(id: string): number | undefined {
      return statements.bySeqOfId.get(id)?.seq;
    },

    idOf(seq: number): string | undefined {
      return statements.idOfSeq.get(seq)?.id;
    },

    count(): number {
      return statements.count.get()!.n;
    },

    /** Up to `limit + 1` rows, newest arrival first, so the caller can tell whether the list was cut. */
    search(query: SearchQuery): PatientSummary[] {
      const params = { status: query.tripStatus, today: query.today, limit: query.limit + 1 };
      let rows: unknown[];
      const all = query.includeRestricted === true;
      if (query.needle === '') rows = (all ? statements.listAllWithRestricted : statements.listAll).all(params);
      else if (isPieceNeedle(query.needle))
        rows = (all ? statements.searchPiecesWithRestricted : statements.searchPieces).all({ ...params, needle: query.needle });
      else if ([...query.needle].length >= TRIGRAM_MIN_LENGTH) {
        rows = (all ? statements.searchTrigramWithRestricted : statements.searchTrigram).all({ ...params, match: ftsPhrase(query.needle) });
      } else rows = (all ? statements.searchScanWithRestricted : statements.searchScan).all({ ...params, needle: query.needle });
      return rows.map((row) => toSummary(row as Record<string, unknown>, query.today));
    },
  };
}

/** An FTS5 string literal: the needle as one phrase, so no character of it is read as query syntax. */
export function ftsPhrase(needle: string): string {
  return `"${needle.replace(/"/g, '""')}"`;
}

export type PatientsRepository = ReturnType<typeof createPatientsRepository>;
