// All SQL about intake photo references, on PostgreSQL (the SQLite twin: ../../repositories/photos-repository.ts).
import type { PhotoRow, PhotosRepository } from '../../repositories/photos-repository';
import type { AsyncOf } from '../../store/async-of';
import type { PgSql } from '../pg-sql';

export function createPgPhotosRepository(sql: PgSql): AsyncOf<PhotosRepository> {
  return {
    async insert(id, patientSeq, photo, addedAt) {
      await sql.run(
        `INSERT INTO photos (id, patient_seq, visit_date, angle, sha256, media_type, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, patientSeq, photo.visitDate, photo.angle, photo.sha256, photo.mediaType, addedAt],
      );
    },
    listByPatient(patientSeq) {
      return sql.all<PhotoRow>(
        `SELECT id, visit_date AS "visitDate", angle, sha256, media_type AS "mediaType", added_at AS "addedAt"
         FROM photos WHERE patient_seq = $1 ORDER BY visit_date, angle, seq`,
        [patientSeq],
      );
    },
  };
}
