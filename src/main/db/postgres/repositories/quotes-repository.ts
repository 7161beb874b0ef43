// All SQL about the quote versions a patient was sent, on PostgreSQL (the SQLite twin:
// ../../repositories/quotes-repository.ts). Added, read, never changed (the table's triggers refuse it).
import type { QuotesRepository } from '../../repositories/quotes-repository';
import type { AsyncOf } from '../../store/async-of';
import type { PgSql } from '../pg-sql';
import { QUOTE_VERSIONS_LOCK } from './advisory-locks';

export function createPgQuotesRepository(sql: PgSql): AsyncOf<QuotesRepository> {
  return {
    async add(patientSeq, planVersion, quote, sentAt, sentBy) {
      // SQLite numbers the next version under the file's write lock. Here two PCs sending a quote for the same
      // patient at once would both read the same last version (and one would fail on the primary key): a
      // transaction-scoped advisory lock on the patient orders them, and the numbering statement, which starts
      // after the lock is held, sees the other's committed row (READ COMMITTED takes a snapshot per statement).
      // An advisory lock rather than FOR UPDATE on the patient's row: it blocks no one editing the record.
      await sql.one('SELECT pg_advisory_xact_lock($1, $2)', [QUOTE_VERSIONS_LOCK, patientSeq]);
      const row = await sql.one<{ version: number }>(
        `INSERT INTO quote_versions (patient_seq, version, plan_version, quote_json, sent_at, sent_by)
         SELECT $1::integer, coalesce(max(version), 0) + 1, $2::integer, $3::text, $4::text, $5::text FROM quote_versions WHERE patient_seq = $1::integer
         RETURNING version`,
        [patientSeq, planVersion, JSON.stringify(quote), sentAt, sentBy],
      );
      return row!.version;
    },
    async versions(patientSeq) {
      const rows = await sql.all<{ version: number; plan_version: number; quote_json: string; sent_at: string; sent_by: string }>(
        'SELECT version, plan_version, quote_json, sent_at, sent_by FROM quote_versions WHERE patient_seq = $1 ORDER BY version DESC',
        [patientSeq],
      );
      return rows.map((row) => ({
        version: row.version,
        planVersion: row.plan_version,
        quote: JSON.parse(row.quote_json) as unknown,
        sentAt: row.sent_at,
        sentBy: row.sent_by,
      }));
    },
  };
}
