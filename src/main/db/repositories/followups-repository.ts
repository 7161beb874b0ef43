// All SQL about follow-ups after the flight home.
import type { Db } from '../open-database';
import type { PlannedFollowUp } from '../../../shared/domain/followups/followup-schedule';
import type { TreatmentId } from '../../../shared/domain/catalog/catalog-schema';
import type { LanguageTag, MessengerKind } from '../../../shared/domain/intake/vocabulary';

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
  readonly outcome: string;
  readonly note: string;
  readonly languages: readonly LanguageTag[];
  readonly messengers: readonly { readonly kind: MessengerKind; readonly handle: string }[];
}

/** Open follow-ups due at or before :at, earliest first; exported so the benchmark can time the bare query.
 * A record restricted by a deletion request gets no more messages, so its follow-ups are left out. */
export const DUE_FOLLOWUPS_SQL = `SELECT f.id, p.id AS patient_id, p.native_name, p.latin_name, p.home_time_zone, f.step,
    f.treatments_json, f.local_date, f.due_at, f.outcome, f.note, p.languages_json, p.messengers_json
  FROM followups f JOIN patients p ON p.seq = f.patient_seq
  WHERE f.done_at IS NULL AND f.due_at <= :at AND f.patient_seq NOT IN (SELECT patient_seq FROM patient_restrictions)
  ORDER BY f.due_at LIMIT :limit`;

export interface FollowUpRow {
  readonly id: string;
  readonly step: string;
  readonly treatments_json: string;
  readonly local_date: string;
  readonly due_at: string;
  readonly done_at: string | null;
  readonly outcome: string;
  readonly outcome_at: string | null;
  readonly note: string;
}

/** A due follow-up's row (DUE_FOLLOWUPS_SQL's columns) as the list shows it, on both back ends. */
export const dueFollowUpOf = (row: Record<string, string>): DueFollowUpRow => ({
  id: row.id!,
  patientId: row.patient_id!,
  nativeName: row.native_name!,
  latinName: row.latin_name!,
  homeTimeZone: row.home_time_zone!,
  step: row.step!,
  treatments: JSON.parse(row.treatments_json!) as TreatmentId[],
  localDate: row.local_date!,
  dueAt: row.due_at!,
  outcome: row.outcome!,
  note: row.note!,
  languages: JSON.parse(row.languages_json!) as LanguageTag[],
  messengers: JSON.parse(row.messengers_json!) as DueFollowUpRow['messengers'],
});

export function createFollowUpsRepository(db: Db) {
  const statements = {
    // Untouched open follow-ups only: one with an outcome (a concern raised) stays whatever the plan becomes.
    deleteOpen: db.prepare("DELETE FROM followups WHERE patient_seq = ? AND done_at IS NULL AND outcome = ''"),
    insert: db.prepare(`INSERT INTO followups (id, patient_seq, step, treatments_json, local_date, due_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (patient_seq, step) DO NOTHING`),
    due: db.prepare<{ at: string; limit: number }, Record<string, string>>(DUE_FOLLOWUPS_SQL),
    ofPatient: db.prepare<[number], FollowUpRow>(`SELECT id, step, treatments_json, local_date, due_at, done_at, outcome,
        outcome_at, note FROM followups WHERE patient_seq = ? ORDER BY due_at`),
    byId: db.prepare<[string], FollowUpRow & { patient_seq: number }>(`SELECT id, patient_seq, step, treatments_json, local_date,
        due_at, done_at, outcome, outcome_at, note FROM followups WHERE id = ?`),
    record: db.prepare('UPDATE followups SET outcome = ?, outcome_at = ?, note = ?, done_at = ? WHERE id = ?'),
  };
  return {
    /** Replaces a patient's open follow-ups by the plan's; answered ones are kept as they were. */
    replaceOpen(patientSeq: number, followUps: readonly PlannedFollowUp[], newId: () => string): void {
      statements.deleteOpen.run(patientSeq);
      for (const followUp of followUps) {
        statements.insert.run(newId(), patientSeq, followUp.step, JSON.stringify(followUp.treatments), followUp.localDate, followUp.dueAt);
      }
    },
    ofPatient(patientSeq: number): FollowUpRow[] {
      return statements.ofPatient.all(patientSeq);
    },
    byId(id: string): (FollowUpRow & { patient_seq: number }) | undefined {
      return statements.byId.get(id);
    },
    /** Records an outcome; `closed` sets done_at so the follow-up leaves the due list. */
    record(id: string, outcome: string, note: string, at: string, closed: boolean): void {
      statements.record.run(outcome, at, note, closed ? at : null, id);
    },
    due(at: string, limit: number): DueFollowUpRow[] {
      return statements.due.all({ at, limit }).map(dueFollowUpOf);
    },
  };
}

export type FollowUpsRepository = ReturnType<typeof createFollowUpsRepository>;
