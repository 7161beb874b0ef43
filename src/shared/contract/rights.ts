// The patient's rights (PIPA; issue 7, part 5): everything about one patient as one archive, and the deletion
// request, which restricts the record at once and erases what no law makes the clinic keep.
import { z } from 'zod';
import { channel } from './define-channel';
import { absoluteFolder } from './folder';

const patientId = z.uuid('invalid');

export interface PatientArchive {
  /** The .zip written, e.g. /exports/maria-garcia-0389e218-archive.zip */
  readonly path: string;
  readonly bytes: number;
  /** The names inside the archive, in order. */
  readonly entries: readonly string[];
}

export interface ErasureOutcome {
  readonly restrictedAt: string;
  /** The last day the record is kept (a calendar date in Korea time); destroyed after it. */
  readonly retentionUntil: string;
  /** What was erased at once, as field paths (e.g. "messengers", "email", "consents.photos_marketing", "photos"). */
  readonly erased: readonly string[];
}

export const rightsChannels = {
  exportPatientArchive: channel<PatientArchive>()(
    z.strictObject({
      patientId,
      /** An absolute folder path; created if missing. */
      folder: absoluteFolder,
    }),
  ),
  requestErasure: channel<ErasureOutcome>()(z.strictObject({ patientId, reason: z.string('invalid_type').trim().max(500, 'too_long') })),
};
