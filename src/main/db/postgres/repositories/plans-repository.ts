// All SQL about treatment plans, their kept versions, their sessions as rows and clinic settings, on PostgreSQL (the
// SQLite twin: ../../repositories/plans-repository.ts). plan_json and plan_versions are sealed (security/field-seal.ts):
// a kept version opens to the text saved, byte for byte.
import { sessionRowsOf } from '../../../../shared/domain/reports/session-rows';
import type { PlansRepository } from '../../repositories/plans-repository';
import type { AsyncOf } from '../../store/async-of';
import type { FieldSeal } from '../../../security/field-seal';
import type { PgSql } from '../pg-sql';

/**
 * Plans with a session dated in the range. SQLite walks each plan's items with json_each; here the plan_sessions
 * rows, written from the same items on every save, answer from their index. plan_sessions.date is the item's date
 * (sessionRowsOf), so the plans found are the same; the repository tests check it against the JSON itself.
 */
export const POSTGRES_WITH_SESSIONS_BETWEEN_SQL = `SELECT patients.id, patients.native_name, patients.latin_name, plans.plan_json, plans.version
  FROM plans JOIN patients ON patients.seq = plans.patient_seq
  WHERE EXISTS (SELECT 1 FROM plan_sessions s WHERE s.patient_seq = plans.patient_seq AND s.date BETWEEN $1 AND $2)
  ORDER BY patients.latin_name, patients.id`;

export function createPgPlansRepository(sql: PgSql, seal: FieldSeal): AsyncOf<PlansRepository> {
  async function writeSessions(patientSeq: number, plan: unknown): Promise<void> {
    const previous = await sql.all<{ sessionId: string | null; treatment: string; date: string | null; moved: 0 | 1 }>(
      'SELECT session_id AS "sessionId", treatment, date, moved FROM plan_sessions WHERE patient_seq = $1 ORDER BY position',
      [patientSeq],
    );
    const rows = sessionRowsOf(plan, previous);
    await sql.run('DELETE FROM plan_sessions WHERE patient_seq = $1', [patientSeq]);
    if (rows.length === 0) return;
    await sql.run(
      `INSERT INTO plan_sessions (patient_seq, position, session_id, treatment, date, status, moved, discount_percent, line_sessions)
       SELECT $1::integer, s.* FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::integer[],
         $8::double precision[], $9::integer[]) AS s`,
      [
        patientSeq,
        rows.map((row) => row.position),
        rows.map((row) => row.sessionId),
        rows.map((row) => row.treatment),
        rows.map((row) => row.date),
        rows.map((row) => row.status),
        rows.map((row) => row.moved),
        rows.map((row) => row.discountPercent),
        rows.map((row) => row.lineSessions),
      ],
    );
  }

  return {
    async get(patientSeq) {
      const row = await sql.one<{ plan_json: string; version: number; updated_at: string }>(
        'SELECT plan_json, version, updated_at FROM plans WHERE patient_seq = $1',
        [patientSeq],
      );
      return row
        ? { plan: JSON.parse(seal.open('plans.plan_json', row.plan_json)) as unknown, version: row.version, updatedAt: row.updated_at }
        : undefined;
    },

    async save(patientSeq, plan, expectedVersion, now, savedBy) {
      const text = JSON.stringify(plan);
      // The write is the version check (SQLite reads the version first, under its write lock): from version 0 a
      // plan row already there is a conflict, not an error; from version n, a row at another version (or none)
      // changes nothing. A concurrent save of the same plan waits on the row, then finds the version moved on. The
      // row stays locked to this transaction, so the sessions and the kept version below follow from this save.
      const written =
        expectedVersion === 0
          ? await sql.run(
              'INSERT INTO plans (patient_seq, plan_json, version, updated_at) VALUES ($1, $2, 1, $3) ON CONFLICT (patient_seq) DO NOTHING',
              [patientSeq, seal.seal('plans.plan_json', text), now],
            )
          : await sql.run(
              'UPDATE plans SET plan_json = $1, version = version + 1, updated_at = $2 WHERE patient_seq = $3 AND version = $4',
              [seal.seal('plans.plan_json', text), now, patientSeq, expectedVersion],
            );
      if (written === 0) return 'conflict';
      await writeSessions(patientSeq, plan);
      await sql.run('INSERT INTO plan_versions (patient_seq, version, plan_json, saved_at, saved_by) VALUES ($1, $2, $3, $4, $5)', [
        patientSeq,
        expectedVersion + 1,
        seal.seal('plan_versions.plan_json', text),
        now,
        savedBy,
      ]);
      return 'saved';
    },

    async versions(patientSeq) {
      const rows = await sql.all<{ version: number; plan_json: string; saved_at: string; saved_by: string }>(
        'SELECT version, plan_json, saved_at, saved_by FROM plan_versions WHERE patient_seq = $1 ORDER BY version DESC',
        [patientSeq],
      );
      return rows.map((row) => ({
        version: row.version,
        plan: JSON.parse(seal.open('plan_versions.plan_json', row.plan_json)) as unknown,
        savedAt: row.saved_at,
        savedBy: row.saved_by,
      }));
    },

    async withSessionsBetween(from, to) {
      const rows = await sql.all<{ id: string; native_name: string; latin_name: string; plan_json: string; version: number }>(
        POSTGRES_WITH_SESSIONS_BETWEEN_SQL,
        [from, to],
      );
      return rows.map((row) => ({
        patientId: row.id,
        nativeName: row.native_name,
        latinName: row.latin_name,
        plan: JSON.parse(seal.open('plans.plan_json', row.plan_json)) as unknown,
        version: row.version,
      }));
    },

    async getSetting(key) {
      const row = await sql.one<{ value_json: string }>('SELECT value_json FROM clinic_settings WHERE key = $1', [key]);
      return row ? (JSON.parse(row.value_json) as unknown) : undefined;
    },

    async putSetting(key, value, now) {
      await sql.run(
        `INSERT INTO clinic_settings (key, value_json, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
        [key, JSON.stringify(value), now],
      );
    },
  };
}
