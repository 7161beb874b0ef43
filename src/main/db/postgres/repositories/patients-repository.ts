// All SQL about patients, their consents and their search text, on PostgreSQL. The same answers as the SQLite
// repository (../../repositories/patients-repository.ts), through the same row mapping (../../repositories/patient-rows.ts).
// Round trips are kept few (a save crosses the network): an insert is one statement, an update two.
import {
  patientColumns,
  patientRecordOf,
  patientSummaryOf,
  type ConsentRow,
  type PatientRow as SharedPatientRow,
} from '../../repositories/patient-rows';
import type { PatientRecord } from '../../../../shared/contract/patients';
import type { Consent, PatientIntake } from '../../../../shared/domain/intake/patient-schema';
import { searchHaystack } from '../../../../shared/domain/intake/search-text';
import { TRIGRAM_MIN_LENGTH, type PatientsRepository, type SearchQuery } from '../../repositories/patients-repository';
import type { AsyncOf } from '../../store/async-of';
import type { FieldSeal } from '../../../security/field-seal';
import { named, type PgSql } from '../pg-sql';

/** The shared row, with its restriction and its consents read in the same statement. */
interface PatientRow extends SharedPatientRow {
  restricted_at: string | null;
  retention_until: string | null;
  /** json_agg of the consents in position order (pg parses json). */
  consents: ConsentRow[];
}

const SUMMARY_COLUMNS = `id, native_name, latin_name, birth_date, sex, nationality, languages_json, phone, arrival,
  departure, screening_open, updated_at`;
const NOT_RESTRICTED = 'seq NOT IN (SELECT patient_seq FROM patient_restrictions)';
const RESTRICTED_FLAG = '(EXISTS (SELECT 1 FROM patient_restrictions r WHERE r.patient_seq = patients.seq))::integer AS restricted';

// Trip status over the indexed arrival/departure columns, as SQLite's. Statements are unnamed, so the planner sees
// :status's value and drops the branches that do not apply.
const TRIP_FILTER = `(:status::text = 'all'
  OR (:status::text = 'upcoming' AND arrival > :today)
  OR (:status::text = 'departed' AND departure < :today)
  OR (:status::text = 'in_korea' AND arrival <= :today AND departure >= :today))`;

// 3+ characters: LIKE '%needle%' (escaped), served by the pg_trgm index; 1-2 characters: the generated pieces'
// index, exact containment (migration 0002). Both give what SQLite's FTS5 trigram MATCH and instr() give.
export const SEARCH_TEXT_MATCH = {
  trigram: 'haystack LIKE :pattern',
  pieces: 'haystack_pieces @> ARRAY[:needle::text]',
} as const;
/** The search text read directly: what the table's owner may do, and the benchmark's floor. */
const BARE_MATCHES = {
  listAll: 'true',
  trigram: `seq IN (SELECT seq FROM patient_search_text WHERE ${SEARCH_TEXT_MATCH.trigram})`,
  pieces: `seq IN (SELECT seq FROM patient_search_text WHERE ${SEARCH_TEXT_MATCH.pieces})`,
} as const;
/** The search text read through clinicdesk_search_seqs (migration 0021): the same indexes, only the caller's
 * branches. Under row-level security the bare LIKE would be evaluated after the policy, over every row. */
const MATCHES = {
  listAll: 'true',
  trigram: 'seq IN (SELECT clinicdesk_search_seqs(:pattern::text, NULL))',
  pieces: 'seq IN (SELECT clinicdesk_search_seqs(NULL, :needle::text))',
} as const;

type SearchParams = { status: string; today: string; limit: number; pattern?: string; needle?: string };
const searchSql = (matches: Record<keyof typeof MATCHES, string>, match: keyof typeof MATCHES, withRestricted: boolean) =>
  named<SearchParams>(`SELECT ${SUMMARY_COLUMNS}, ${withRestricted ? RESTRICTED_FLAG : '0 AS restricted'} FROM patients
    WHERE ${matches[match]} AND ${TRIP_FILTER}${withRestricted ? '' : ` AND ${NOT_RESTRICTED}`}
    ORDER BY arrival DESC, seq DESC LIMIT :limit`);

/** The search statements, exported so the benchmark can time them against the bare SQL. */
export const POSTGRES_PATIENT_SEARCH_SQL = {
  listAll: searchSql(MATCHES, 'listAll', false),
  trigram: searchSql(MATCHES, 'trigram', false),
  pieces: searchSql(MATCHES, 'pieces', false),
  listAllWithRestricted: searchSql(MATCHES, 'listAll', true),
  trigramWithRestricted: searchSql(MATCHES, 'trigram', true),
  piecesWithRestricted: searchSql(MATCHES, 'pieces', true),
};

/** The same search reading the search text directly, as the table's owner can: the benchmark's floor. */
export const POSTGRES_PATIENT_SEARCH_FLOOR_SQL = {
  listAll: searchSql(BARE_MATCHES, 'listAll', false),
  trigram: searchSql(BARE_MATCHES, 'trigram', false),
  pieces: searchSql(BARE_MATCHES, 'pieces', false),
};

/** `needle` as a LIKE pattern matching it anywhere, its own \, % and _ taken literally (\ is LIKE's escape). */
export function likeContaining(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, '\\$&')}%`;
}

const COLUMN_NAMES = [
  'native_name',
  'latin_name',
  'birth_date',
  'sex',
  'nationality',
  'languages_json',
  'phone',
  'email',
  'messengers_json',
  'home_time_zone',
  'home_currency',
  'arrival',
  'departure',
  'stay_address',
  'fitzpatrick',
  'concerns_json',
  'screening_json',
  'screening_open',
  'referral_route',
  'referral_agency_name',
  'referral_agency_registration',
  'referral_referrer',
] as const;
type Columns = Record<(typeof COLUMN_NAMES)[number], unknown>;

// The consents as parallel arrays, written in one INSERT ... SELECT FROM unnest (position = ordinality - 1).
const CONSENTS_FROM_ARRAYS = `SELECT c.kind, c.granted_at, c.withdrawn_at, c.text_version, c.language, c.position - 1
  FROM unnest(:kinds::text[], :granted::text[], :withdrawn::text[], :text_versions::text[], :languages::text[])
    WITH ORDINALITY AS c (kind, granted_at, withdrawn_at, text_version, language, position)`;

// One statement: the patient, the search text and the consents (the foreign keys are checked at its end, when the
// patient's row is there).
const INSERT = named<Columns & ConsentArrays & { id: string; now: string; haystack: string }>(`WITH patient AS (
    INSERT INTO patients (id, ${COLUMN_NAMES.join(', ')}, version, created_at, updated_at)
    VALUES (:id, ${COLUMN_NAMES.map((name) => `:${name}`).join(', ')}, 1, :now, :now)
    RETURNING seq
  ), search AS (
    INSERT INTO patient_search_text (seq, haystack) SELECT seq, :haystack::text FROM patient
  ), consent AS (
    INSERT INTO consents (patient_seq, kind, granted_at, withdrawn_at, text_version, language, position)
    SELECT patient.seq, c.* FROM patient, (${CONSENTS_FROM_ARRAYS}) AS c
  )
  SELECT seq FROM patient`);

// The versioned write, with the search text and the removal of the old consents in the same statement. The
// new consents follow in a second one: an INSERT beside the DELETE in one statement could meet the old rows in
// the (patient_seq, position) unique index.
const UPDATE = named<Columns & { id: string; expected_version: number; now: string; haystack: string }>(`WITH patient AS (
    UPDATE patients SET ${COLUMN_NAMES.map((name) => `${name} = :${name}`).join(', ')}, version = version + 1, updated_at = :now
    WHERE id = :id AND version = :expected_version
    RETURNING seq
  ), search AS (
    INSERT INTO patient_search_text (seq, haystack) SELECT seq, :haystack::text FROM patient
    ON CONFLICT (seq) DO UPDATE SET haystack = excluded.haystack
  ), gone AS (
    DELETE FROM consents WHERE patient_seq IN (SELECT seq FROM patient)
  )
  SELECT seq FROM patient`);

const INSERT_CONSENTS = named<ConsentArrays & { seq: number }>(
  `INSERT INTO consents (patient_seq, kind, granted_at, withdrawn_at, text_version, language, position)
   SELECT :seq::integer, c.* FROM (${CONSENTS_FROM_ARRAYS}) AS c`,
);

const BY_ID = `SELECT p.*, r.restricted_at, r.retention_until,
    (SELECT coalesce(json_agg(json_build_object('kind', c.kind, 'granted_at', c.granted_at, 'withdrawn_at', c.withdrawn_at,
        'text_version', c.text_version, 'language', c.language) ORDER BY c.position), '[]')
      FROM consents c WHERE c.patient_seq = p.seq) AS consents
  FROM patients p LEFT JOIN patient_restrictions r ON r.patient_seq = p.seq WHERE p.id = $1`;

interface ConsentArrays {
  kinds: string[];
  granted: string[];
  withdrawn: (string | null)[];
  text_versions: string[];
  languages: (string | null)[];
}

function consentArrays(consents: readonly Consent[]): ConsentArrays {
  return {
    kinds: consents.map((consent) => consent.kind),
    granted: consents.map((consent) => consent.grantedAt),
    withdrawn: consents.map((consent) => consent.withdrawnAt),
    text_versions: consents.map((consent) => consent.textVersion),
    languages: consents.map((consent) => consent.language ?? null),
  };
}

/** The screening answers are sealed (security/field-seal.ts): no query reads them; the count of open questions,
 * which the list shows, is its own column. */
const columns = (patient: PatientIntake, seal: FieldSeal): Columns => {
  const plain = patientColumns(patient);
  return { ...plain, screening_json: seal.seal('patients.screening_json', plain.screening_json) };
};

function toRecord(row: PatientRow, seal: FieldSeal): PatientRecord {
  const restriction =
    row.restricted_at !== null && row.retention_until !== null
      ? { restrictedAt: row.restricted_at, retentionUntil: row.retention_until }
      : null;
  return patientRecordOf({ ...row, screening_json: seal.open('patients.screening_json', row.screening_json) }, row.consents, restriction);
}

const toSummary = patientSummaryOf;

export function createPgPatientsRepository(sql: PgSql, seal: FieldSeal): AsyncOf<PatientsRepository> {
  return {
    async insert(id, patient, now) {
      const values = INSERT.values({
        id,
        ...columns(patient, seal),
        now,
        haystack: searchHaystack(patient),
        ...consentArrays(patient.consents),
      });
      await sql.run(INSERT.text, values);
    },

    async update(id, expectedVersion, patient, now) {
      // The changed row is the check: under READ COMMITTED a concurrent save of the same record makes this UPDATE
      // wait, then find the version moved on, and change nothing.
      const updated = await sql.one<{ seq: number }>(
        UPDATE.text,
        UPDATE.values({ id, expected_version: expectedVersion, ...columns(patient, seal), now, haystack: searchHaystack(patient) }),
      );
      if (!updated) return (await sql.one('SELECT 1 FROM patients WHERE id = $1', [id])) ? 'conflict' : 'not_found';
      if (patient.consents.length > 0) {
        await sql.run(INSERT_CONSENTS.text, INSERT_CONSENTS.values({ seq: updated.seq, ...consentArrays(patient.consents) }));
      }
      return 'updated';
    },

    async get(id) {
      const row = await sql.one<PatientRow>(BY_ID, [id]);
      return row ? toRecord(row, seal) : undefined;
    },

    async seqOf(id) {
      return (await sql.one<{ seq: number }>('SELECT seq FROM patients WHERE id = $1', [id]))?.seq;
    },

    async idOf(seq) {
      return (await sql.one<{ id: string }>('SELECT id FROM patients WHERE seq = $1', [seq]))?.id;
    },

    async count() {
      return (await sql.one<{ n: number }>('SELECT count(*)::integer AS n FROM patients'))!.n;
    },

    async search(query: SearchQuery) {
      const params: SearchParams = { status: query.tripStatus, today: query.today, limit: query.limit + 1 };
      const all = query.includeRestricted === true;
      const statements = POSTGRES_PATIENT_SEARCH_SQL;
      let statement;
      if (query.needle === '') statement = all ? statements.listAllWithRestricted : statements.listAll;
      else if ([...query.needle].length >= TRIGRAM_MIN_LENGTH) {
        statement = all ? statements.trigramWithRestricted : statements.trigram;
        params.pattern = likeContaining(query.needle);
      } else {
        statement = all ? statements.piecesWithRestricted : statements.pieces;
        params.needle = query.needle;
      }
      const rows = await sql.all<Record<string, unknown>>(statement.text, statement.values(params));
      return rows.map((row) => toSummary(row, query.today));
    },
  };
}
