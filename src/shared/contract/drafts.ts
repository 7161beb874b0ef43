// Channels of intake drafts: what the coordinator has typed but not saved, kept so nothing is lost on reload,
// crash or a closed window. A draft is unvalidated by nature, so its shape is only bounded, not checked.
import { z } from 'zod';
import { channel } from './define-channel';

export const MAX_DRAFT_BYTES = 256 * 1024;
/** Unsaved intakes one coordinator may keep at once (new ones beyond it are refused; the ones kept still save):
 * far more than a day's work, and a bound on what one session can write. */
export const MAX_DRAFTS_PER_COORDINATOR = 50;

/** "new:<uuid>" for a patient not yet saved, or the patient's id for edits to a saved record. */
const draftKey = z.string().regex(/^(new:)?[0-9a-f-]{36}$/, 'invalid');

export interface Draft {
  readonly key: string;
  readonly form: unknown;
  readonly baseVersion: number | null;
  readonly label: string;
  readonly savedAt: string;
}

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string().max(10_000, 'too_long'), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

export const draftsChannels = {
  saveDraft: channel<{ readonly savedAt: string }>()(
    z.strictObject({
      key: draftKey,
      label: z.string().max(200, 'too_long'),
      baseVersion: z.int('invalid_type').min(1, 'invalid').nullable(),
      form: jsonValue.refine((form) => JSON.stringify(form).length <= MAX_DRAFT_BYTES, 'file_too_large'),
    }),
  ),
  getDraft: channel<Draft | null>()(z.strictObject({ key: draftKey })),
  listDrafts: channel<readonly Omit<Draft, 'form'>[]>()(z.strictObject({})),
  discardDraft: channel<{ readonly discarded: boolean }>()(z.strictObject({ key: draftKey })),
};
