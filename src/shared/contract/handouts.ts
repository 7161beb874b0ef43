// The handout channels: make one handout as a PDF (to preview or print), or write one into a folder (the app's
// "export all" calls it once per handout, so it can show progress).
import { z } from 'zod';
import { channel } from './define-channel';
import { absoluteFolder } from './folder';
import { SUPPORTED_LANGUAGES } from '../domain/intake/vocabulary';
import { caseFileSchema } from '../domain/intake/case-file';

export const HANDOUT_KIND_NAMES = ['aftercare', 'precare', 'plan', 'consent', 'followup'] as const;

const handoutRequest = {
  patientId: z.uuid('invalid'),
  kind: z.enum(HANDOUT_KIND_NAMES, 'invalid_choice'),
  language: z.enum(SUPPORTED_LANGUAGES, 'unsupported_language'),
  /** Korean beside the patient's language. */
  bilingual: z.boolean('invalid_type'),
  /** The plan and quote as a draft, marked so on every page: the only way to make it while a treatment on the
   * quote has no clinic price (the final one is refused, naming them). Only for the plan kind. */
  draft: z.boolean('invalid_type').optional(),
};

export interface HandoutFile {
  /** e.g. "Sara-Al-Enezi-aftercare-ar-ko.pdf" */
  readonly fileName: string;
  readonly pdfBase64: string;
  readonly bytes: number;
}

export interface ExportedHandout {
  readonly path: string;
  readonly bytes: number;
}

export const handoutsChannels = {
  makeHandout: channel<HandoutFile>()(z.strictObject(handoutRequest)),
  exportHandout: channel<ExportedHandout>()(
    z.strictObject({
      ...handoutRequest,
      /** An absolute folder path; created if missing. */
      folder: absoluteFolder,
    }),
  ),
  /** A handout from a case file with a plan (the CLI's `handout --case`), with this database's clinic settings. */
  makeCaseHandout: channel<HandoutFile>()(
    z.strictObject({
      caseFile: caseFileSchema,
      kind: handoutRequest.kind,
      language: handoutRequest.language,
      bilingual: handoutRequest.bilingual,
      draft: handoutRequest.draft,
    }),
  ),
  /** Where exported handouts go unless the coordinator picks another folder. */
  defaultHandoutFolder: channel<{ readonly folder: string }>()(z.strictObject({})),
};
