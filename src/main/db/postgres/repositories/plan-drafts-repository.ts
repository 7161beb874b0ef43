// All SQL about unsaved plans (one per patient), on PostgreSQL (the SQLite twin: ../../repositories/plan-drafts-repository.ts).
import type { PlanDraftsRepository } from '../../repositories/plan-drafts-repository';
import type { AsyncOf } from '../../store/async-of';
import type { FieldSeal } from '../../../security/field-seal';
import type { PgSql } from '../pg-sql';

export function createPgPlanDraftsRepository(sql: PgSql, seal: FieldSeal): AsyncOf<PlanDraftsRepository> {
  return {
    async save(patientSeq, baseVersion, plan, savedAt) {
      await sql.run(
        `INSERT INTO plan_drafts (patient_seq, base_version, plan_json, saved_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (patient_seq) DO UPDATE SET base_version = excluded.base_version, plan_json = excluded.plan_json,
           saved_at = excluded.saved_at`,
        [patientSeq, baseVersion, seal.seal('plan_drafts.plan_json', JSON.stringify(plan)), savedAt],
      );
    },
    async get(patientSeq) {
      const row = await sql.one<{ base_version: number; plan_json: string; saved_at: string }>(
        'SELECT base_version, plan_json, saved_at FROM plan_drafts WHERE patient_seq = $1',
        [patientSeq],
      );
      return row
        ? {
            baseVersion: row.base_version,
            plan: JSON.parse(seal.open('plan_drafts.plan_json', row.plan_json)) as unknown,
            savedAt: row.saved_at,
          }
        : null;
    },
    async discard(patientSeq) {
      return (await sql.run('DELETE FROM plan_drafts WHERE patient_seq = $1', [patientSeq])) > 0;
    },
  };
}
