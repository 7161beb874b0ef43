// Intake photos: strip, seal, store by hash, reference from the patient's record. The image work (sharp, sealing)
// is done before the transaction; the sealed files and the row are written in one (on the clinic server, both or
// neither; on a single PC the files are in the photo folder, written before the row).
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import { MAX_PHOTO_BYTES, type StoredPhoto } from '../../shared/contract/photos';
import type { PhotoRow } from '../db/repositories/photos-repository';
import { refuseIfRestricted } from './patients-service';
import type { Repositories } from '../db/store/store';
import type { ServiceContext } from './service-context';

export function createPhotosService(context: ServiceContext) {
  const toStoredPhoto = async (tx: Repositories, patientId: string, row: PhotoRow): Promise<StoredPhoto> => ({
    ...row,
    patientId,
    thumbnailDataUrl: await context.photoStore.thumbnailDataUrl(tx, row.sha256),
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
      const prepared = await context.photoStore.prepare(bytes);
      if (prepared === 'unreadable') return invalid([issue(['dataBase64'], 'unreadable_image')]);
      const id = context.newId();
      const addedAt = context.now().toISOString();
      const photo = { visitDate: input.visitDate, angle: input.angle, sha256: prepared.sha256, mediaType: prepared.mediaType };
      return context.store.transaction(async (tx) => {
        const late = await refusal(tx);
        if (late) return late;
        await context.photoStore.keep(tx, prepared);
        await tx.photos.insert(id, (await tx.patients.seqOf(input.patientId))!, photo, addedAt);
        await tx.audit.record('photo.add', input.patientId, [`photos.${input.angle}`]);
        return ok(await toStoredPhoto(tx, input.patientId, { id, addedAt, ...photo }));
      });
    },

    async listPhotos(input) {
      const photos = await context.store.read(async (tx) => {
        const seq = await tx.patients.seqOf(input.patientId);
        if (seq === undefined) return undefined;
        const stored: StoredPhoto[] = [];
        for (const row of await tx.photos.listByPatient(seq)) stored.push(await toStoredPhoto(tx, input.patientId, row));
        return stored;
      });
      if (photos === undefined) return fail('not_found', `No patient with id ${input.patientId}.`);
      return ok(photos);
    },
  } satisfies Pick<Handlers, 'addPhoto' | 'listPhotos'>;
  return handlers;
}

/** No photo for a patient who is not there, or whose record is restricted. */
async function refusePhotoFor(tx: Repositories, patientId: string) {
  if ((await tx.patients.seqOf(patientId)) === undefined) return fail('not_found', `No patient with id ${patientId}.`);
  return refuseIfRestricted(tx, patientId, ['patientId']);
}
