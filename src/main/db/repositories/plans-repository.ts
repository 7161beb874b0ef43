// All SQL about treatment plans, their kept versions and clinic settings.
import type { Db } from '../open-database';
import { sessionRowsOf } from '../../../shared/domain/reports/session-rows';

export function createPlansRepository(db: Db) {
  const statements = {
    get: db.prepare<[number], { plan_json: string; version: number; updated_at: string }>(
      'SELECT plan_json, version, updated_at FROM plans WHERE patient_seq = ?',
    ),
    // The first save is the versioned write from version 0: a plan row already there is a conflict, not an error.
    insert: db.prepare(
      'INSERT INTO plans (patient_seq, plan_json, version, updated_at) VALUES (?, ?, 1, ?) ON CONFLICT (patient_seq) DO NOTHING',
    ),
    update: db.prepare('UPDATE plans SET plan_json = ?, version = version + 1, updated_at = ? WHERE patient_seq = ? AND version = ?'),
    // Every saved version is kept (plan_versions refuses UPDATE): the plans row is the current one, for the week
    // view's query; the earlier ones stay readable here.
    insertVersion: db.prepare('INSERT INTO plan_versions (patient_seq, version, plan_json, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)'),
    versions: db.prepare<[number], { version: number; plan_json: string; saved_at: string; saved_by: string }>(
      'SELECT version, plan_json, saved_at, saved_by FROM plan_versions WHERE patient_seq = ? ORDER BY version DESC',
    ),
    // Plans with a session dated in the range, with their patient; the service picks the sessions in the range
    // from plan_json. The plans are found by the plan_sessions rows, written from the same items on every save
    // (sessionRowsOf: a row's date is its item's date), through their date index, as on PostgreSQL: reading every
    // plan's JSON took the week and Today through all the clinic's plans (the repository tests check both agree).
    withSessionsBetween: db.prepare<
      [string, string],
      { id: string; native_name: string; latin_name: string; plan_json: string; version: number }
    >(`SELECT patients.id, patients.native_name, patients.latin_name, plans.plan_json, plans.version
      FROM plans JOIN patients ON patients.seq = plans.patient_seq
      WHERE plans.patient_seq IN (SELECT patient_seq FROM plan_sessions WHERE date BETWEEN ? AND ?)
      ORDER BY patients.latin_name, patients.id`),
    sessionsOf: db.prepare<[number], { sessionId: string | null; treatment: string; date: string | null; moved: 0 | 1 }>(
      'SELECT session_id AS sessionId, treatment, date, moved FROM plan_sessions WHERE patient_seq = ? ORDER BY position',
    ),
    deleteSessions: db.prepare('DELETE FROM plan_sessions WHERE patient_seq = ?'),
    insertSession:
      db.prepare(`INSERT INTO plan_sessions (patient_seq, position, session_id, treatment, date, status, moved, discount_percent, line_sessions)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    getSetting: db.prepare<[string], { value_json: string }>('SELECT value_json FROM clinic_settings WHERE key = ?'),
    putSetting: db.prepare(`INSERT INTO clinic_settings (key, value_json, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`),
  };
  // The report rows follow the plan in the same transaction (a savepoint when the caller has one open).
  const writeSessions = db.transaction((patientSeq: number, plan: unknown) => {
    const rows = sessionRowsOf(plan, statements.sessionsOf.all(patientSeq));
    statements.deleteSessions.run(patientSeq);
    for (const row of rows) {
      statements.insertSession.run(
        patientSeq,
        row.position,
        row.sessionId,
        row.treatment,
        row.date,
        row.status,
        row.moved,
        row.discountPercent,
        row.lineSessions,
      );
    }
  });
  const writePlan = db.transaction((patientSeq: number, plan: unknown, current: number, now: string): 'saved' | 'conflict' => {
    // The changed-row count is the check that counts: the version read before may be stale by the time the write
    // runs on a back end that does not hold the write lock from the first read.
    const written =
      current === 0
        ? statements.insert.run(patientSeq, JSON.stringify(plan), now)
        : statements.update.run(JSON.stringify(plan), now, patientSeq, current);
    if (written.changes === 0) return 'conflict';
    writeSessions(patientSeq, plan);
    return 'saved';
  });
  return {
    get(patientSeq: number): { plan: unknown; version: number; updatedAt: string } | undefined {
      const row = statements.get.get(patientSeq);
      return row ? { plan: JSON.parse(row.plan_json) as unknown, version: row.version, updatedAt: row.updated_at } : undefined;
    },
    /**
     * Writes the plan if the stored version is the one the editor started from (0: no plan yet), and keeps it as a
     * new version beside the earlier ones. The caller wraps it in a transaction.
     */
    save(patientSeq: number, plan: unknown, expectedVersion: number, now: string, savedBy: string): 'saved' | 'conflict' {
      const current = statements.get.get(patientSeq)?.version ?? 0;
      if (current !== expectedVersion) return 'conflict';
      if (writePlan(patientSeq, plan, current, now) === 'conflict') return 'conflict';
      statements.insertVersion.run(patientSeq, expectedVersion + 1, JSON.stringify(plan), now, savedBy);
      return 'saved';
    },
    /** Every saved version of a patient's plan, newest first. */
    versions(patientSeq: number): { version: number; plan: unknown; savedAt: string; savedBy: string }[] {
      return statements.versions.all(patientSeq).map((row) => ({
        version: row.version,
        plan: JSON.parse(row.plan_json) as unknown,
        savedAt: row.saved_at,
        savedBy: row.saved_by,
      }));
    },
    /** Every saved plan with a session dated from `from` to `to` (inclusive), with the patient's id and names. */
    withSessionsBetween(from: string, to: string) {
      return statements.withSessionsBetween.all(from, to).map((row) => ({
        patientId: row.id,
        nativeName: row.native_name,
        latinName: row.latin_name,
        plan: JSON.parse(row.plan_json) as unknown,
        version: row.version,
      }));
    },
    getSetting(key: string): unknown {
      const row = statements.getSetting.get(key);
      return row ? (JSON.parse(row.value_json) as unknown) : undefined;
    },
    putSetting(key: string, value: unknown, now: string): void {
      statements.putSetting.run(key, JSON.stringify(value), now);
    },
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;

/**
 * One clinic setting read from a database that may be older than the code (before its migrations, for the backup
 * made before them): undefined when the settings table does not exist yet or the key is not set.
 */
export function readSettingBeforeMigration(db: Db, key: string): unknown {
  const table = db
    .prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'clinic_settings'")
    .get();
  if (!table?.n) return undefined;
  const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM clinic_settings WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value_json) as unknown) : undefined;
}
