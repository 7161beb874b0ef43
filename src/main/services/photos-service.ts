// Intake photos: strip, store by hash, reference from the patient's record.
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import { MAX_PHOTO_BYTES, type StoredPhoto } from '../../shared/contract/photos';
import type { PhotoRow } from '../db/repositories/photos-repository';
import { refuseIfRestricted } from './patients-service';
import type { ServiceContext } from './service-context';

export function createPhotosService(context: ServiceContext) {
  const toStoredPhoto = (patientId: string, row: PhotoRow): StoredPhoto => ({
    ...row,
    patientId,
    thumbnailDataUrl: context.photoStore.thumbnailDataUrl(row.sha256),
  });

  const handlers = {
    async addPhoto(input) {
      const seq = context.patients.seqOf(input.patientId);
      if (seq === undefined) return fail('not_found', `No patient with id ${input.patientId}.`);
      const restricted = refuseIfRestricted(context, input.patientId, ['patientId']);
      if (restricted) return restricted;
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length > MAX_PHOTO_BYTES) return invalid([issue(['dataBase64'], 'file_too_large')]);
      const stored = await context.photoStore.add(bytes);
      if (stored === 'unreadable') return invalid([issue(['dataBase64'], 'unreadable_image')]);
      const id = context.newId();
      const addedAt = context.now().toISOString();
      const photo = { visitDate: input.visitDate, angle: input.angle, sha256: stored.sha256, mediaType: stored.mediaType };
      // The patient may have been looked up before the await; insert checks the foreign key again.
      context.db.transaction(() => {
        context.photos.insert(id, seq, photo, addedAt);
        context.audit.record('photo.add', input.patientId, [`photos.${input.angle}`]);
      })();
      return ok(toStoredPhoto(input.patientId, { id, addedAt, ...photo }));
    },

    listPhotos(input) {
      const seq = context.patients.seqOf(input.patientId);
      if (seq === undefined) return fail('not_found', `No patient with id ${input.patientId}.`);
      return ok(context.photos.listByPatient(seq).map((row) => toStoredPhoto(input.patientId, row)));
    },
  } satisfies Pick<Handlers, 'addPhoto' | 'listPhotos'>;
  return handlers;
}
