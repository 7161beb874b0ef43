// All SQL about the audit log. Only INSERT and SELECT: the table's triggers refuse UPDATE and DELETE, and there is
// no code that would try (retention: at least 2 years, nothing is ever deleted).
import type { Db } from '../open-database';
import type { AuditEntry } from '../../services/audit/audit-chain';

/** An audit row as both back ends store it. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  patient_id: string | null;
  fields_json: string;
  prev_hash: string;
  hash: string;
}

/** An audit row read back as its chain entry (both back ends). */
export const auditEntryOf = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  at: row.at,
  actor: row.actor,
  action: row.action,
  patientId: row.patient_id,
  fields: JSON.parse(row.fields_json) as string[],
  prevHash: row.prev_hash,
  hash: row.hash,
});

export function createAuditRepository(db: Db) {
  const statements = {
    last: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log'),
    insert: db.prepare(`INSERT INTO audit_log (seq, at, actor, action, patient_id, fields_json, prev_hash, hash)
      VALUES (:seq, :at, :actor, :action, :patient_id, :fields_json, :prev_hash, :hash)`),
    ofPatient: db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE patient_id = ? ORDER BY seq'),
    hashAt: db.prepare<[number], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log WHERE seq = ?'),
    all: db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq'),
  };
  return {
    /** The chain's last entry, to extend it; undefined for an empty log. */
    last(): { seq: number; hash: string } | undefined {
      return statements.last.get();
    },
    /** How many entries the table holds (a cut tail or an emptied log shows here, not in the chain). */
    count(): number {
      return statements.count.get()!.n;
    },
    insert(entry: AuditEntry): void {
      statements.insert.run({
        seq: entry.seq,
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        patient_id: entry.patientId,
        fields_json: JSON.stringify(entry.fields),
        prev_hash: entry.prevHash,
        hash: entry.hash,
      });
    },
    ofPatient(patientId: string): AuditEntry[] {
      return statements.ofPatient.all(patientId).map(auditEntryOf);
    },
    /** The stored hash of the entry at `seq`, to check that the next one follows from it. */
    hashAt(seq: number): { seq: number; hash: string } | undefined {
      return statements.hashAt.get(seq);
    },
    /** Every entry in order, streamed row by row (a long log is never held in memory whole). */
    *all(): IterableIterator<AuditEntry> {
      for (const row of statements.all.iterate()) yield auditEntryOf(row);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
