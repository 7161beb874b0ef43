// All SQL about unsaved intake drafts.
import type { Db } from '../open-database';
import type { Draft } from '../../../shared/contract/drafts';

interface DraftRow {
  key: string;
  label: string;
  base_version: number | null;
  form_json: string;
  saved_at: string;
}

export function createDraftsRepository(db: Db) {
  const statements = {
    // The owner is the coordinator who first saved it; a later save by someone else keeps it theirs.
    upsert: db.prepare(`INSERT INTO drafts (key, label, base_version, form_json, saved_at, coordinator_id) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET label = excluded.label, base_version = excluded.base_version,
        form_json = excluded.form_json, saved_at = excluded.saved_at`),
    exists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM drafts WHERE key = ?'),
    countOwned: db.prepare<[string | null], { n: number }>('SELECT count(*) AS n FROM drafts WHERE coordinator_id IS ?'),
    get: db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE key = ?'),
    list: db.prepare<[], Omit<DraftRow, 'form_json'>>('SELECT key, label, base_version, saved_at FROM drafts ORDER BY saved_at DESC'),
    delete: db.prepare('DELETE FROM drafts WHERE key = ?'),
  };

  return {
    save(key: string, label: string, baseVersion: number | null, form: unknown, now: string, coordinatorId: string | null = null): void {
      statements.upsert.run(key, label, baseVersion, JSON.stringify(form), now, coordinatorId);
    },
    exists(key: string): boolean {
      return statements.exists.get(key) !== undefined;
    },
    /** Drafts first saved by `coordinatorId` (null: by nobody signed in). */
    countOwnedBy(coordinatorId: string | null): number {
      return statements.countOwned.get(coordinatorId)?.n ?? 0;
    },
    get(key: string): Draft | null {
      const row = statements.get.get(key);
      if (!row) return null;
      return {
        key: row.key,
        label: row.label,
        baseVersion: row.base_version,
        form: JSON.parse(row.form_json) as unknown,
        savedAt: row.saved_at,
      };
    },
    list(): Omit<Draft, 'form'>[] {
      return statements.list.all().map((row) => ({
        key: row.key,
        label: row.label,
        baseVersion: row.base_version,
        savedAt: row.saved_at,
      }));
    },
    discard(key: string): boolean {
      return statements.delete.run(key).changes > 0;
    },
  };
}

export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
