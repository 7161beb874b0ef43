// All SQL of the patient's rights (issue 7, part 5): restricting a record, the photos an erasure removes, the
// records whose retention has ended, and destroying one record with every dependent row.
import type { Db } from '../open-database';
import type { PhotoRef } from '../../../shared/domain/intake/patient-schema';

export interface StoredPhotoFile {
  readonly sha256: string;
  readonly mediaType: PhotoRef['mediaType'];
}

export function createRightsRepository(db: Db) {
  const statements = {
    restrict: db.prepare(`INSERT INTO patient_restrictions (patient_seq, restricted_at, retention_until, reason)
      VALUES (?, ?, ?, ?) ON CONFLICT (patient_seq) DO NOTHING`),
    isRestricted: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM patient_restrictions WHERE patient_seq = ?'),
    lastTreatmentDate: db.prepare<[number], { last: string | null }>(
      "SELECT max(date) AS last FROM plan_sessions WHERE patient_seq = ? AND status = 'done' AND date IS NOT NULL",
    ),
    photosOf: db.prepare<[number], StoredPhotoFile>('SELECT sha256, media_type AS mediaType FROM photos WHERE patient_seq = ?'),
    deletePhotosOf: db.prepare('DELETE FROM photos WHERE patient_seq = ?'),
    photoStillReferenced: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM photos WHERE sha256 = ?'),
    expired: db.prepare<
      [string],
      { seq: number; id: string; retentionUntil: string }
    >(`SELECT p.seq, p.id, r.retention_until AS retentionUntil
      FROM patient_restrictions r JOIN patients p ON p.seq = r.patient_seq
      WHERE r.retention_until < ? ORDER BY r.retention_until, p.seq`),
    deleteDraft: db.prepare('DELETE FROM drafts WHERE key = ?'),
    deletePatient: db.prepare('DELETE FROM patients WHERE seq = ?'),
  };

  return {
    /** Marks the record restricted; the caller wraps it in the transaction of the erasure. False when it already was:
     * on a server a second request may have restricted it after this transaction read the record (PostgreSQL's
     * READ COMMITTED), and the write, not that read, is what decides. */
    restrict(seq: number, restrictedAt: string, retentionUntil: string, reason: string): boolean {
      return statements.restrict.run(seq, restrictedAt, retentionUntil, reason).changes === 1;
    },
    isRestricted(seq: number): boolean {
      return statements.isRestricted.get(seq)!.n > 0;
    },
    /** The date of the last session marked done, or null when no treatment was recorded. */
    lastTreatmentDate(seq: number): string | null {
      return statements.lastTreatmentDate.get(seq)!.last;
    },
    photosOf(seq: number): StoredPhotoFile[] {
      return statements.photosOf.all(seq);
    },
    deletePhotosOf(seq: number): void {
      statements.deletePhotosOf.run(seq);
    },
    /** Whether any record still points at a photo file (the store keeps one file per content hash). */
    photoStillReferenced(sha256: string): boolean {
      return statements.photoStillReferenced.get(sha256)!.n > 0;
    },
    /** Restricted records whose retention ended before `today` (a calendar date). */
    expired(today: string): { seq: number; id: string; retentionUntil: string }[] {
      return statements.expired.all(today);
    },
    /** The unsaved edits of a saved record (drafts are keyed by the patient's id). */
    deleteDraftOf(patientId: string): void {
      statements.deleteDraft.run(patientId);
    },
    /** Deletes the record; consents, photos, plan, plan versions, sessions, follow-ups, search text and the
     * restriction go with it (ON DELETE CASCADE). The audit log keeps its entries: they hold no personal data.
     * False when there was no such record. */
    deletePatient(seq: number): boolean {
      return statements.deletePatient.run(seq).changes > 0;
    },
  };
}

export type RightsRepository = ReturnType<typeof createRightsRepository>;
