// All SQL about follow-ups after the flight home.
import type { Db } from '../open-database';
import type { PlannedFollowUp } from '../../../shared/domain/followups/followup-schedule';
import type { TreatmentId } from '../../../shared/domain/catalog/catalog-schema';

export interface DueFollowUpRow {
  readonly id: string;
  readonly patientId: string;
  readonly nativeName: string;
  readonly latinName: string;
  readonly homeTimeZone: string;
  readonly step: string;
  readonly treatments: readonly TreatmentId[];
  readonly localDate: string;
  readonly dueAt: string;
}

/** Open follow-ups due at or before :at, earliest first; exported so the benchmark can time the bare query. */
export const DUE_FOLLOWUPS_SQL = `SELECT f.id, p.id AS patient_id, p.native_name, p.latin_name, p.home_time_zone, f.step,
    f.treatments_json, f.local_date, f.due_at
  FROM followups f JOIN patients p ON p.seq = f.patient_seq
  WHERE f.done_at IS NULL AND f.due_at <= :at
  ORDER BY f.due_at LIMIT :limit`;

export function createFollowUpsRepository(db: Db) {
  const statements = {
    deleteOpen: db.prepare('DELETE FROM followups WHERE patient_seq = ? AND done_at IS NULL'),
    insert: db.prepare(`INSERT INTO followups (id, patient_seq, step, treatments_json, local_date, due_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (patient_seq, step) DO NOTHING`),
    due: db.prepare<{ at: string; limit: number }, Record<string, string>>(DUE_FOLLOWUPS_SQL),
  };
  return {
    /** Replaces a patient's open follow-ups by the plan's; answered ones are kept as they were. */
    replaceOpen(patientSeq: number, followUps: readonly PlannedFollowUp[], newId: () => string): void {
      statements.deleteOpen.run(patientSeq);
      for (const followUp of followUps) {
        statements.insert.run(newId(), patientSeq, followUp.step, JSON.stringify(followUp.treatments), followUp.localDate, followUp.dueAt);
      }
    },
    due(at: string, limit: number): DueFollowUpRow[] {
      return statements.due.all({ at, limit }).map((row) => ({
        id: row.id!,
        patientId: row.patient_id!,
        nativeName: row.native_name!,
        latinName: row.latin_name!,
        homeTimeZone: row.home_time_zone!,
        step: row.step!,
        treatments: JSON.parse(row.treatments_json!) as TreatmentId[],
        localDate: row.local_date!,
        dueAt: row.due_at!,
      }));
    },
  };
}

export type FollowUpsRepository = ReturnType<typeof createFollowUpsRepository>;
