// All SQL about the audit log, on PostgreSQL (the SQLite twin: ../../repositories/audit-repository.ts). Only INSERT
// and SELECT: the table's triggers refuse UPDATE, DELETE and TRUNCATE, and the app's login roles are granted no more.
//
// Appending is read-the-head-then-insert (audit-trail.ts): two writers that read the same head would extend it
// twice, and UNIQUE (prev_hash) would fail the second's whole transaction. SQLite is safe because BEGIN IMMEDIATE
// holds the file's write lock; here every appender first takes one transaction-scoped advisory lock,
// pg_advisory_xact_lock(AUDIT_CHAIN_LOCK), in last(), before it reads the head. It is held to COMMIT or ROLLBACK, so
// the next appender's read (a statement of its own, hence, under READ COMMITTED, a snapshot taken after the lock
// was granted) sees the entry the previous holder committed. Why not the alternatives:
// - `SELECT ... ORDER BY seq DESC LIMIT 1 FOR UPDATE` on the log: a waiter is handed back the row it waited on once
//   the holder commits, not the holder's new row (EvalPlanQual rechecks the locked row, it does not rerun the
//   ORDER BY/LIMIT), so it would chain from a stale head; and FOR UPDATE needs the UPDATE privilege the log's
//   roles must not have.
// - a one-row head table locked FOR UPDATE (docs/store.md's first plan, a little faster in the prototype): a table
//   with no SQLite twin, which a migration pair would have to add; the lock here needs no schema.
// The lock serialises appends only (not the rest of each transaction), for the few milliseconds from the head's
// read to COMMIT. Reads (store.read) take no lock: their snapshot is their answer.
import { auditEntryOf, type AuditRepository, type AuditRow } from '../../repositories/audit-repository';
import type { AsyncOf } from '../../store/async-of';
import type { PgSql } from '../pg-sql';
import { AUDIT_CHAIN_LOCK } from './advisory-locks';

const COLUMNS = 'seq, at, actor, action, patient_id, fields_json, prev_hash, hash';
/** Rows per page of all(): a long log streams in pages, never held whole. */
export const AUDIT_PAGE_SIZE = 1000;

export function createPgAuditRepository(sql: PgSql, options: { readonly writable: boolean }): AsyncOf<AuditRepository> {
  return {
    async last() {
      if (options.writable) await sql.one('SELECT pg_advisory_xact_lock($1, $2)', [...AUDIT_CHAIN_LOCK]);
      return sql.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    },
    async count() {
      return (await sql.one<{ n: number }>('SELECT count(*)::integer AS n FROM audit_log'))!.n;
    },
    async insert(entry) {
      await sql.run(`INSERT INTO audit_log (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        entry.seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.patientId,
        JSON.stringify(entry.fields),
        entry.prevHash,
        entry.hash,
      ]);
    },
    async ofPatient(patientId) {
      return (await sql.all<AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE patient_id = $1 ORDER BY seq`, [patientId])).map(
        auditEntryOf,
      );
    },
    hashAt: (seq) => sql.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log WHERE seq = $1', [seq]),
    /** Every entry in order, in keyset pages (seq > the last one read), so a long log is never held in memory whole
     * and no cursor stays open between pages. */
    async *all() {
      // The first page has no lower bound: a row numbered 0 or below (never written by the app) is streamed too,
      // and the chain's check reports it, as SQLite's full scan would.
      let after: number | null = null;
      for (;;) {
        const rows: AuditRow[] = await sql.all<AuditRow>(
          `SELECT ${COLUMNS} FROM audit_log WHERE ($1::integer IS NULL OR seq > $1) ORDER BY seq LIMIT $2`,
          [after, AUDIT_PAGE_SIZE],
        );
        for (const row of rows) yield auditEntryOf(row);
        if (rows.length < AUDIT_PAGE_SIZE) return;
        after = rows.at(-1)!.seq;
      }
    },
  };
}
