// The patient's rights (PIPA; issue 7, part 5): everything about one patient as one archive; the deletion request,
// which restricts the record at once and erases what no law makes the clinic keep; and the destruction of
// restricted records whose retention (Medical Service Act) has ended. What is decided about the record is decided
// in the transaction that changes it; handouts are made outside transactions, and photo files removed after the
// transaction that deleted their rows.
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import { HANDOUT_KIND_NAMES } from '../../shared/contract/handouts';
import { CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import { planSchema } from '../../shared/domain/plan/plan-schema';
import {
  eraseUnrequiredData,
  erasedFieldPaths,
  isRetentionOver,
  photosOnlyForMarketing,
  retentionUntil,
} from '../../shared/domain/rights/patient-rights';
import type { HandoutKind } from '../handouts/kinds/handout-input';
import type { HandoutRequest } from '../handouts/make-handout';
import type { StoredPhotoFile } from '../db/repositories/rights-repository';
import type { Repositories } from '../db/store/store';
import { writePrivateFile } from '../files/write-private-file';
import { handoutFileName, handoutInputOf } from './handouts-service';
import { caseFileOf, patientFileStem } from './patients-service';
import { clinicSettingsOf } from './plan-service';
import type { ServiceContext } from './service-context';

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

export interface PurgeReport {
  /** The ids of the records destroyed (their retention ended before today). */
  readonly erased: readonly string[];
}

/** The record changed between its read and its erasure (a back end that does not lock it from the read): the whole
 * erasure is rolled back. */
class ErasureConflict extends Error {}

/** Of the photo files of rows just deleted, those no record points at any more (the store keeps one file per content
 * hash, shared by records): asked in the transaction that deleted the rows, removed after it commits. */
async function unreferencedPhotos(tx: Repositories, photos: readonly StoredPhotoFile[]): Promise<StoredPhotoFile[]> {
  const unreferenced: StoredPhotoFile[] = [];
  for (const photo of photos) if (!(await tx.rights.photoStillReferenced(photo.sha256))) unreferenced.push(photo);
  return unreferenced;
}

export function createRightsService(context: ServiceContext) {
  /** After the transaction that deleted the rows committed (a photo folder's file cannot be rolled back), each file
   * in a write transaction of its own that asks again whether a record points at it. */
  const removePhotoFiles = async (photos: readonly StoredPhotoFile[]) => {
    for (const photo of photos)
      await context.store.transaction((tx) => context.photoStore.removeUnreferenced(tx, photo.sha256, photo.mediaType));
  };

  const handlers = {
    async exportPatientArchive({ patientId, folder }) {
      // Everything from the database in one snapshot; the photo files, the handouts and the zip after it.
      const read = await context.store.read(async (tx) => {
        const record = await tx.patients.get(patientId);
        const seq = await tx.patients.seqOf(patientId);
        if (!record || seq === undefined) return null;
        const caseFile = await caseFileOf(tx, record.patient, patientId);
        const plan = caseFile.plan ?? null;
        const photos = [];
        // The originals, unsealed: the photo store refuses a changed file, so the archive never holds one.
        for (const photo of await tx.photos.listByPatient(seq)) {
          photos.push({ ...photo, bytes: await context.photoStore.readOriginal(tx, photo.sha256, photo.mediaType) });
        }
        return {
          record,
          caseFile,
          photos,
          versions: (await tx.plans.versions(seq)).map((kept) => ({ ...kept, plan: planSchema.parse(kept.plan) })),
          history: (await tx.audit.history(patientId)).entries,
          // The handouts, when there is a plan to make them from.
          handoutInput: plan && plan.items.length > 0 ? await handoutInputOf(context, tx, record.patient, plan) : null,
        };
      });
      if (!read) return fail('not_found', `No patient with id ${patientId}.`);
      const { record, caseFile, photos, versions, history, handoutInput } = read;
      const zip = new JSZip();
      const entries: string[] = [];
      const add = (name: string, content: string | Buffer) => {
        zip.file(name, content, { date: context.now() });
        entries.push(name);
      };
      const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

      add('case.clinicdesk.json', json(caseFile));
      for (const photo of photos)
        add(`photos/${photo.visitDate}-${photo.angle}-${photo.sha256}.${EXTENSIONS[photo.mediaType]}`, photo.bytes);
      add('plan-versions.json', json(versions));
      add('audit-history.json', json(history));

      // The five handouts in the patient's first language.
      if (handoutInput) {
        const stem = patientFileStem(record.patient, patientId);
        for (const kind of HANDOUT_KIND_NAMES) {
          const request: HandoutRequest = { kind: kind as HandoutKind, language: record.patient.languages[0]!, bilingual: false };
          add(`handouts/${handoutFileName(stem, request)}`, await context.renderHandout(handoutInput, request));
        }
      }
      add(
        'manifest.json',
        json({ format: 'clinicdesk.archive/1', patientId, exportedAt: context.now().toISOString(), entries: [...entries] }),
      );

      const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
      const path = join(folder, `${patientFileStem(record.patient, patientId)}-archive.zip`);
      try {
        writePrivateFile(path, bytes);
      } catch {
        return invalid([issue(['folder'], 'folder_not_writable')]);
      }
      await context.store.transaction((tx) => tx.audit.record('export', patientId, ['archive']));
      return ok({ path, bytes: bytes.length, entries });
    },

    async requestErasure({ patientId, reason }) {
      const now = context.now();
      let outcome;
      try {
        outcome = await context.store.transaction(async (tx) => {
          const record = await tx.patients.get(patientId);
          const seq = await tx.patients.seqOf(patientId);
          if (!record || seq === undefined) return null;
          if (record.restriction) return 'already' as const;
          const photos = await tx.rights.photosOf(seq);
          const erased = erasedFieldPaths(record.patient, photos.length);
          const until = retentionUntil({
            lastTreatmentDate: await tx.rights.lastTreatmentDate(seq),
            intakeDate: todayIn(CLINIC_TIME_ZONE, new Date(record.createdAt)),
            years: (await clinicSettingsOf(tx)).retentionYears,
          });
          // Restricted at once; what no law makes the clinic keep is erased in the same transaction.
          if (!(await tx.rights.restrict(seq, now.toISOString(), until, reason))) return 'already' as const;
          const updated = await tx.patients.update(patientId, record.version, eraseUnrequiredData(record.patient), now.toISOString());
          if (updated !== 'updated') throw new ErasureConflict();
          const erasePhotos = photos.length > 0 && photosOnlyForMarketing(record.patient.consents);
          if (erasePhotos) await tx.rights.deletePhotosOf(seq);
          // Unsaved edits may hold the erased handles (the intake's) or doctors' names and session records (the
          // plan's); unanswered follow-up reminders are messages no longer sent.
          await tx.rights.deleteDraftOf(patientId);
          await tx.planDrafts.discard(seq);
          await tx.followUps.replaceOpen(seq, [], context.newId);
          await tx.audit.record('patient.restrict', patientId, ['restriction']);
          if (erased.length > 0) await tx.audit.record('erase', patientId, erased);
          return {
            restrictedAt: now.toISOString(),
            retentionUntil: until,
            erased,
            removedPhotos: erasePhotos ? await unreferencedPhotos(tx, photos) : [],
          };
        });
      } catch (error) {
        if (!(error instanceof ErasureConflict)) throw error;
        return fail('conflict', 'This record was saved elsewhere while the request was made; nothing was changed. Make the request again.');
      }
      if (outcome === null) return fail('not_found', `No patient with id ${patientId}.`);
      if (outcome === 'already') {
        return fail('record_restricted', 'This record is already restricted.', [issue(['patientId'], 'already_restricted')]);
      }
      await removePhotoFiles(outcome.removedPhotos);
      return ok({ restrictedAt: outcome.restrictedAt, retentionUntil: outcome.retentionUntil, erased: outcome.erased });
    },
  } satisfies Pick<Handlers, 'exportPatientArchive' | 'requestErasure'>;

  /**
   * Destroys every restricted record whose retention ended before `now` (Korea time): the patient row and every
   * dependent row (consents, photos, plan and its versions and draft, sessions, follow-ups, search text), its intake
   * draft and its photo files. One audit entry 'erase' per record, with the patient id only. One transaction per
   * record, so a failure keeps the records destroyed before it.
   */
  async function purgeExpired({ now }: { readonly now: Date }): Promise<PurgeReport> {
    const today = todayIn(CLINIC_TIME_ZONE, now);
    const erased: string[] = [];
    for (const { seq, id, retentionUntil: until } of await context.store.read((tx) => tx.rights.expired(today))) {
      if (!isRetentionOver(until, today)) continue;
      const photos = await context.store.transaction(async (tx) => {
        // Still this patient's row (a row number freed by a purge elsewhere can be given to a new record; the
        // retention of a restriction never changes), and destroyed by this transaction, not another purge.
        if ((await tx.patients.seqOf(id)) !== seq) return null;
        const files = await tx.rights.photosOf(seq);
        if (!(await tx.rights.deletePatient(seq))) return null;
        await tx.rights.deleteDraftOf(id);
        await tx.audit.record('erase', id, ['record']);
        return unreferencedPhotos(tx, files);
      });
      if (photos === null) continue;
      await removePhotoFiles(photos);
      erased.push(id);
    }
    return { erased };
  }

  return { handlers, purgeExpired };
}
