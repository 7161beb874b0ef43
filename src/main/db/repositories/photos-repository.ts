// All SQL about intake photo references (the files themselves are in the photo store).
import type { Db } from '../open-database';
import type { PhotoRef } from '../../../shared/domain/intake/patient-schema';
import type { PhotoAngle } from '../../../shared/domain/intake/vocabulary';

export interface PhotoRow {
  id: string;
  visitDate: string;
  angle: PhotoAngle;
  sha256: string;
  mediaType: PhotoRef['mediaType'];
  addedAt: string;
}

export function createPhotosRepository(db: Db) {
  const statements = {
    insert: db.prepare(`INSERT INTO photos (id, patient_seq, visit_date, angle, sha256, media_type, added_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    byPatient: db.prepare<[number], PhotoRow>(`SELECT id, visit_date AS visitDate, angle, sha256,
        media_type AS mediaType, added_at AS addedAt
      FROM photos WHERE patient_seq = ? ORDER BY visit_date, angle, seq`),
  };
  return {
    insert(id: string, patientSeq: number, photo: PhotoRef, addedAt: string): void {
      statements.insert.run(id, patientSeq, photo.visitDate, photo.angle, photo.sha256, photo.mediaType, addedAt);
    },
    listByPatient(patientSeq: number): PhotoRow[] {
      return statements.byPatient.all(patientSeq);
    },
  };
}

export type PhotosRepository = ReturnType<typeof createPhotosRepository>;
