// All SQL about the quote versions a patient was sent: added, read, never changed (the table's triggers refuse it).
import type { Db } from '../open-database';

export interface QuoteVersionRow {
  readonly version: number;
  readonly planVersion: number;
  readonly quote: unknown;
  readonly sentAt: string;
  readonly sentBy: string;
}

export function createQuotesRepository(db: Db) {
  const statements = {
    last: db.prepare<[number], { version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM quote_versions WHERE patient_seq = ?',
    ),
    insert: db.prepare(
      'INSERT INTO quote_versions (patient_seq, version, plan_version, quote_json, sent_at, sent_by) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    versions: db.prepare<[number], { version: number; plan_version: number; quote_json: string; sent_at: string; sent_by: string }>(
      'SELECT version, plan_version, quote_json, sent_at, sent_by FROM quote_versions WHERE patient_seq = ? ORDER BY version DESC',
    ),
  };
  return {
    /** Keeps the quote as sent, as the next version of this patient's quotes; returns that version. The caller
     * wraps it in a transaction with its audit entry. */
    add(patientSeq: number, planVersion: number, quote: unknown, sentAt: string, sentBy: string): number {
      const version = (statements.last.get(patientSeq)?.version ?? 0) + 1;
      statements.insert.run(patientSeq, version, planVersion, JSON.stringify(quote), sentAt, sentBy);
      return version;
    },
    /** Every quote version the patient was sent, newest first. */
    versions(patientSeq: number): QuoteVersionRow[] {
      return statements.versions.all(patientSeq).map((row) => ({
        version: row.version,
        planVersion: row.plan_version,
        quote: JSON.parse(row.quote_json) as unknown,
        sentAt: row.sent_at,
        sentBy: row.sent_by,
      }));
    },
  };
}

export type QuotesRepository = ReturnType<typeof createQuotesRepository>;
