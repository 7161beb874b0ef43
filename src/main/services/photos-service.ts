// Intake photos: strip, store by hash, reference from the patient's record.
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import { MAX_PHOTO_BYTES, type StoredPhoto } from '../../shared/contract/photos';
import type { PhotoRow } from '../db/repositories/photos-repository';
import { refuseIfRestricted } from './patients-service';
import type { Repositories } from '../db/store/store';
import type { ServiceContext } from './service-context';

export function createPhotosService(context: ServiceContext) {
  const toStoredPhoto = (patientId: string, row: PhotoRow): StoredPhoto => ({
    ...row,
    patientId,
    thumbnailDataUrl: context.photoStore.thumbnailDataUrl(row.sha256),
  });

  const handlers = {
    async addPhoto(input) {
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length > MAX_PHOTO_BYTES) return invalid([issue(['dataBase64'], 'file_too_large')]);
      const refusal = (tx: Repositories) => refusePhotoFor(tx, input.patientId);
      // Refused before the image is read and stored, and asked again in the transaction that inserts it (the
      // patient may have been erased or restricted while the image was processed).
      const early = await context.store.read(refusal);
      if (early) return early;
      const stored = await context.photoStore.add(bytes);
      if (stored === 'unreadable') return invalid([issue(['dataBase64'], 'unreadable_image')]);
      const id = context.newId();
      const addedAt = context.now().toISOString();
      const photo = { visitDate: input.visitDate, angle: input.angle, sha256: stored.sha256, mediaType: stored.mediaType };
      const refused = await context.store.transaction(async (tx) => {
        const late = await refusal(tx);
        if (late) return late;
        await tx.photos.insert(id, (await tx.patients.seqOf(input.patientId))!, photo, addedAt);
        await tx.audit.record('photo.add', input.patientId, [`photos.${input.angle}`]);
        return null;
      });
      return refused ?? ok(toStoredPhoto(input.patientId, { id, addedAt, ...photo }));
    },

    async listPhotos(input) {
      const rows = await context.store.read(async (tx) => {
        const seq = await tx.patients.seqOf(input.patientId);
        return seq === undefined ? undefined : tx.photos.listByPatient(seq);
      });
      if (rows === undefined) return fail('not_found', `No patient with id ${input.patientId}.`);
      return ok(rows.map((row) => toStoredPhoto(input.patientId, row)));
    },
  } satisfies Pick<Handlers, 'addPhoto' | 'listPhotos'>;
  return handlers;
}

/** No photo for a patient who is not there, or whose record is restricted. */
async function refusePhotoFor(tx: Repositories, patientId: string) {
  if ((await tx.patients.seqOf(patientId)) === undefined) return fail('not_found', `No patient with id ${patientId}.`);
  return refuseIfRestricted(tx, patientId, ['patientId']);
}
