// All SQL about unsaved plans (one per patient, keyed by the patient's row).
import type { Db } from '../open-database';

interface PlanDraftRow {
  base_version: number;
  plan_json: string;
  saved_at: string;
}

export interface StoredPlanDraft {
  readonly baseVersion: number;
  /** As saved: the service parses it with the plan schema before it goes out. */
  readonly plan: unknown;
  readonly savedAt: string;
}

export function createPlanDraftsRepository(db: Db) {
  const statements = {
    upsert: db.prepare(`INSERT INTO plan_drafts (patient_seq, base_version, plan_json, saved_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (patient_seq) DO UPDATE SET base_version = excluded.base_version, plan_json = excluded.plan_json,
        saved_at = excluded.saved_at`),
    get: db.prepare<[number], PlanDraftRow>('SELECT base_version, plan_json, saved_at FROM plan_drafts WHERE patient_seq = ?'),
    delete: db.prepare('DELETE FROM plan_drafts WHERE patient_seq = ?'),
  };

  return {
    save(patientSeq: number, baseVersion: number, plan: unknown, savedAt: string): void {
      statements.upsert.run(patientSeq, baseVersion, JSON.stringify(plan), savedAt);
    },
    get(patientSeq: number): StoredPlanDraft | null {
      const row = statements.get.get(patientSeq);
      return row ? { baseVersion: row.base_version, plan: JSON.parse(row.plan_json) as unknown, savedAt: row.saved_at } : null;
    },
    discard(patientSeq: number): boolean {
      return statements.delete.run(patientSeq).changes > 0;
    },
  };
}

export type PlanDraftsRepository = ReturnType<typeof createPlanDraftsRepository>;
