// All SQL of the patient's rights, on PostgreSQL (the SQLite twin: ../../repositories/rights-repository.ts).
import type { RightsRepository, StoredPhotoFile } from '../../repositories/rights-repository';
import type { AsyncOf } from '../../store/async-of';
import type { PgSql } from '../pg-sql';

export function createPgRightsRepository(sql: PgSql): AsyncOf<RightsRepository> {
  return {
    async restrict(seq, restrictedAt, retentionUntil, reason) {
      // A second request that read the record before the first committed waits here on the key, then inserts nothing
      // (rather than failing on the key, which reached the coordinator as an internal error).
      const inserted = await sql.run(
        'INSERT INTO patient_restrictions (patient_seq, restricted_at, retention_until, reason) VALUES ($1, $2, $3, $4) ON CONFLICT (patient_seq) DO NOTHING',
        [seq, restrictedAt, retentionUntil, reason],
      );
      return inserted === 1;
    },
    async isRestricted(seq) {
      return (await sql.one('SELECT 1 FROM patient_restrictions WHERE patient_seq = $1', [seq])) !== undefined;
    },
    async lastTreatmentDate(seq) {
      const row = await sql.one<{ last: string | null }>(
        "SELECT max(date) AS last FROM plan_sessions WHERE patient_seq = $1 AND status = 'done' AND date IS NOT NULL",
        [seq],
      );
      return row!.last;
    },
    photosOf: (seq) =>
      sql.all<StoredPhotoFile>(
        'SELECT sha256, media_type AS "mediaType" FROM photos WHERE patient_seq = $1 ORDER BY visit_date, angle, seq',
        [seq],
      ),
    async deletePhotosOf(seq) {
      await sql.run('DELETE FROM photos WHERE patient_seq = $1', [seq]);
    },
    async photoStillReferenced(sha256) {
      return (await sql.one('SELECT 1 FROM photos WHERE sha256 = $1 LIMIT 1', [sha256])) !== undefined;
    },
    expired: (today) =>
      sql.all<{ seq: number; id: string; retentionUntil: string }>(
        `SELECT p.seq, p.id, r.retention_until AS "retentionUntil"
         FROM patient_restrictions r JOIN patients p ON p.seq = r.patient_seq
         WHERE r.retention_until < $1 ORDER BY r.retention_until, p.seq`,
        [today],
      ),
    async deleteDraftOf(patientId) {
      await sql.run('DELETE FROM drafts WHERE key = $1', [patientId]);
    },
    async deletePatient(seq) {
      return (await sql.run('DELETE FROM patients WHERE seq = $1', [seq])) > 0;
    },
  };
}
