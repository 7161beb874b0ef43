// All SQL about unsaved intake drafts, on PostgreSQL (the SQLite twin: ../../repositories/drafts-repository.ts).
import type { DraftsRepository } from '../../repositories/drafts-repository';
import type { AsyncOf } from '../../store/async-of';
import type { FieldSeal } from '../../../security/field-seal';
import type { PgSql } from '../pg-sql';

export function createPgDraftsRepository(sql: PgSql, seal: FieldSeal): AsyncOf<DraftsRepository> {
  return {
    async save(key, label, baseVersion, form, now, coordinatorId = null) {
      // The owner is the coordinator who first saved it; a later save by someone else keeps it theirs.
      await sql.run(
        `INSERT INTO drafts (key, label, base_version, form_json, saved_at, coordinator_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key) DO UPDATE SET label = excluded.label, base_version = excluded.base_version,
           form_json = excluded.form_json, saved_at = excluded.saved_at`,
        [key, label, baseVersion, seal.seal('drafts.form_json', JSON.stringify(form)), now, coordinatorId],
      );
    },
    async exists(key) {
      return (await sql.one('SELECT 1 FROM drafts WHERE key = $1', [key])) !== undefined;
    },
    async countOwnedBy(coordinatorId) {
      // SQLite's `IS ?` matches null to null: IS NOT DISTINCT FROM.
      return (await sql.one<{ n: number }>('SELECT count(*)::integer AS n FROM drafts WHERE coordinator_id IS NOT DISTINCT FROM $1::text', [
        coordinatorId,
      ]))!.n;
    },
    async get(key) {
      const row = await sql.one<{ key: string; label: string; base_version: number | null; form_json: string; saved_at: string }>(
        'SELECT key, label, base_version, form_json, saved_at FROM drafts WHERE key = $1',
        [key],
      );
      if (!row) return null;
      return {
        key: row.key,
        label: row.label,
        baseVersion: row.base_version,
        form: JSON.parse(seal.open('drafts.form_json', row.form_json)) as unknown,
        savedAt: row.saved_at,
      };
    },
    async list() {
      // key breaks ties of saved_at, which SQLite leaves to its sorter.
      const rows = await sql.all<{ key: string; label: string; base_version: number | null; saved_at: string }>(
        'SELECT key, label, base_version, saved_at FROM drafts ORDER BY saved_at DESC, key',
      );
      return rows.map((row) => ({ key: row.key, label: row.label, baseVersion: row.base_version, savedAt: row.saved_at }));
    },
    async discard(key) {
      return (await sql.run('DELETE FROM drafts WHERE key = $1', [key])) > 0;
    },
  };
}
