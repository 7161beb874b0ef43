// The patient's rights (PIPA; issue 7, part 5): everything about one patient as one archive; the deletion request,
// which restricts the record at once and erases what no law makes the clinic keep; and the destruction of
// restricted records whose retention (Medical Service Act) has ended.
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

export function createRightsService(context: ServiceContext) {
  /** Photo files no record points at any more (the store keeps one file per content hash, shared by records). */
  const removeUnreferencedPhotos = (photos: readonly StoredPhotoFile[]) => {
    for (const photo of photos) {
      if (!context.rights.photoStillReferenced(photo.sha256)) context.photoStore.remove(photo.sha256, photo.mediaType);
    }
  };

  const handlers = {
    async exportPatientArchive({ patientId, folder }) {
      const record = context.patients.get(patientId);
      const seq = context.patients.seqOf(patientId);
      if (!record || seq === undefined) return fail('not_found', `No patient with id ${patientId}.`);
      const zip = new JSZip();
      const entries: string[] = [];
      const add = (name: string, content: string | Buffer) => {
        zip.file(name, content, { date: context.now() });
        entries.push(name);
      };
      const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

      const caseFile = caseFileOf(context, record.patient, patientId);
      add('case.clinicdesk.json', json(caseFile));
      for (const photo of context.photos.listByPatient(seq)) {
        // The originals, decrypted: the photo store refuses a changed file, so the archive never holds one.
        add(`photos/${photo.visitDate}-${photo.angle}-${photo.sha256}.${EXTENSIONS[photo.mediaType]}`, context.photoStore.readOriginal(photo.sha256, photo.mediaType));
      }
      const versions = context.plans.versions(seq).map((kept) => ({ ...kept, plan: planSchema.parse(kept.plan) }));
      add('plan-versions.json', json(versions));
      add('audit-history.json', json(context.audit.history(patientId).entries));

      // The five handouts in the patient's first language, when there is a plan to make them from.
      const plan = caseFile.plan ?? null;
      if (plan && plan.items.length > 0) {
        const input = handoutInputOf(context, record.patient, plan);
        const stem = patientFileStem(record.patient, patientId);
        for (const kind of HANDOUT_KIND_NAMES) {
          const request: HandoutRequest = { kind: kind as HandoutKind, language: record.patient.languages[0]!, bilingual: false };
          add(`handouts/${handoutFileName(stem, request)}`, await context.renderHandout(input, request));
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
      context.db.transaction(() => context.audit.record('export', patientId, ['archive']))();
      return ok({ path, bytes: bytes.length, entries });
    },

    requestErasure({ patientId, reason }) {
      const now = context.now();
      const outcome = context.db.transaction(() => {
        const record = context.patients.get(patientId);
        const seq = context.patients.seqOf(patientId);
        if (!record || seq === undefined) return null;
        if (record.restriction) return 'already' as const;
        const photos = context.rights.photosOf(seq);
        const erased = erasedFieldPaths(record.patient, photos.length);
        const until = retentionUntil({
          lastTreatmentDate: context.rights.lastTreatmentDate(seq),
          intakeDate: todayIn(CLINIC_TIME_ZONE, new Date(record.createdAt)),
          years: clinicSettingsOf(context).retentionYears,
        });
        // Restricted at once; what no law makes the clinic keep is erased in the same transaction.
        context.rights.restrict(seq, now.toISOString(), until, reason);
        context.patients.update(patientId, record.version, eraseUnrequiredData(record.patient), now.toISOString());
        const erasePhotos = photos.length > 0 && photosOnlyForMarketing(record.patient.consents);
        if (erasePhotos) context.rights.deletePhotosOf(seq);
        // Unsaved edits may hold the erased handles (the intake's) or doctors' names and session records (the
        // plan's); unanswered follow-up reminders are messages no longer sent.
        context.rights.deleteDraftOf(patientId);
        context.planDrafts.discard(seq);
        context.followUps.replaceOpen(seq, [], context.newId);
        context.audit.record('patient.restrict', patientId, ['restriction']);
        if (erased.length > 0) context.audit.record('erase', patientId, erased);
        return { restrictedAt: now.toISOString(), retentionUntil: until, erased, removedPhotos: erasePhotos ? photos : [] };
      })();
      if (outcome === null) return fail('not_found', `No patient with id ${patientId}.`);
      if (outcome === 'already') {
        return fail('record_restricted', 'This record is already restricted.', [issue(['patientId'], 'already_restricted')]);
      }
      removeUnreferencedPhotos(outcome.removedPhotos);
      return ok({ restrictedAt: outcome.restrictedAt, retentionUntil: outcome.retentionUntil, erased: outcome.erased });
    },
  } satisfies Pick<Handlers, 'exportPatientArchive' | 'requestErasure'>;

  /**
   * Destroys every restricted record whose retention ended before `now` (Korea time): the patient row and every
   * dependent row (consents, photos, plan and its versions and draft, sessions, follow-ups, search text), its intake
   * draft and its photo files. One audit entry 'erase' per record, with the patient id only.
   */
  function purgeExpired({ now }: { readonly now: Date }): PurgeReport {
    const today = todayIn(CLINIC_TIME_ZONE, now);
    const erased: string[] = [];
    for (const { seq, id, retentionUntil: until } of context.rights.expired(today)) {
      if (!isRetentionOver(until, today)) continue;
      const photos = context.db.transaction(() => {
        const files = context.rights.photosOf(seq);
        context.rights.deleteDraftOf(id);
        context.rights.deletePatient(seq);
        context.audit.record('erase', id, ['record']);
        return files;
      })();
      removeUnreferencedPhotos(photos);
      erased.push(id);
    }
    return { erased };
  }

  return { handlers, purgeExpired };
}
