// All SQL about follow-ups after the flight home, on PostgreSQL (the SQLite twin: ../../repositories/followups-repository.ts).
import { dueFollowUpOf, type FollowUpRow, type FollowUpsRepository } from '../../repositories/followups-repository';
import type { AsyncOf } from '../../store/async-of';
import type { FieldSeal } from '../../../security/field-seal';
import { named, type PgSql } from '../pg-sql';

/** Open follow-ups due at or before :at, earliest first (SQLite's DUE_FOLLOWUPS_SQL; seq breaks ties of due_at as
 * the rowid does in SQLite's index); restricted records get no more messages. */
export const POSTGRES_DUE_FOLLOWUPS_SQL = named<{ at: string; limit: number }>(`SELECT f.id, p.id AS patient_id, p.native_name,
    p.latin_name, p.home_time_zone, f.step, f.treatments_json, f.local_date, f.due_at, f.outcome, f.note, p.languages_json,
    p.messengers_json
  FROM followups f JOIN patients p ON p.seq = f.patient_seq
  WHERE f.done_at IS NULL AND f.due_at <= :at AND f.patient_seq NOT IN (SELECT patient_seq FROM patient_restrictions)
  ORDER BY f.due_at, f.seq LIMIT :limit`);

const COLUMNS = 'id, step, treatments_json, local_date, due_at, done_at, outcome, outcome_at, note';

export function createPgFollowUpsRepository(sql: PgSql, seal: FieldSeal): AsyncOf<FollowUpsRepository> {
  // The outcome's note is the coordinator's words about the patient's skin: sealed (a new follow-up's '' is not).
  const opened = <T extends { note: string }>(row: T): T => ({ ...row, note: seal.open('followups.note', row.note) });
  return {
    async replaceOpen(patientSeq, followUps, newId) {
      // Untouched open follow-ups only: one with an outcome (a concern raised) stays whatever the plan becomes.
      await sql.run("DELETE FROM followups WHERE patient_seq = $1 AND done_at IS NULL AND outcome = ''", [patientSeq]);
      if (followUps.length === 0) return;
      // One INSERT for the whole schedule, rows in the plan's order (ids drawn in that order, as on SQLite).
      await sql.run(
        `INSERT INTO followups (id, patient_seq, step, treatments_json, local_date, due_at)
         SELECT f.id, $1::integer, f.step, f.treatments_json, f.local_date, f.due_at
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
           AS f (id, step, treatments_json, local_date, due_at, position)
         ORDER BY f.position
         ON CONFLICT (patient_seq, step) DO NOTHING`,
        [
          patientSeq,
          followUps.map(() => newId()),
          followUps.map((followUp) => followUp.step),
          followUps.map((followUp) => JSON.stringify(followUp.treatments)),
          followUps.map((followUp) => followUp.localDate),
          followUps.map((followUp) => followUp.dueAt),
        ],
      );
    },
    ofPatient: async (patientSeq) =>
      (await sql.all<FollowUpRow>(`SELECT ${COLUMNS} FROM followups WHERE patient_seq = $1 ORDER BY due_at, seq`, [patientSeq])).map(
        opened,
      ),
    async byId(id) {
      const row = await sql.one<FollowUpRow & { patient_seq: number }>(`SELECT ${COLUMNS}, patient_seq FROM followups WHERE id = $1`, [id]);
      return row && opened(row);
    },
    async record(id, outcome, note, at, closed) {
      await sql.run('UPDATE followups SET outcome = $1, outcome_at = $2, note = $3, done_at = $4 WHERE id = $5', [
        outcome,
        at,
        seal.seal('followups.note', note),
        closed ? at : null,
        id,
      ]);
    },
    async due(at, limit) {
      const rows = await sql.all<Record<string, string> & { note: string }>(
        POSTGRES_DUE_FOLLOWUPS_SQL.text,
        POSTGRES_DUE_FOLLOWUPS_SQL.values({ at, limit }),
      );
      return rows.map((row) => dueFollowUpOf(opened(row)));
    },
  };
}
