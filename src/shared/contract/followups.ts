// Channels of follow-ups after the flight home.
import { z } from 'zod';
import { channel } from './define-channel';
import type { TreatmentId } from '../domain/catalog/catalog-schema';
import type { FollowUpState } from '../domain/followups/due-time';

export interface DueFollowUp {
  readonly id: string;
  readonly patientId: string;
  readonly nativeName: string;
  readonly latinName: string;
  readonly step: string;
  readonly treatments: readonly TreatmentId[];
  /** Due at 10:00 on the patient's clock, on this date, in this zone. */
  readonly localDate: string;
  readonly homeTimeZone: string;
  /** The same instant in UTC (ISO) and on a Korean clock ("YYYY-MM-DD HH:mm"). */
  readonly dueAt: string;
  readonly dueKorea: string;
  readonly state: Exclude<FollowUpState, 'upcoming' | 'done'>;
  readonly ask: { readonly ko: string; readonly en: string };
  readonly photos: readonly string[];
}

export const followUpsChannels = {
  listDueFollowUps: channel<{ readonly at: string; readonly followUps: readonly DueFollowUp[]; readonly truncated: boolean }>()(
    z.strictObject({
      /** The instant to look from (ISO 8601 with offset); now when omitted. */
      at: z.iso.datetime({ offset: true, error: 'invalid_datetime' }).optional(),
      limit: z.int('invalid_type').min(1, 'invalid').max(5000, 'too_many').default(500),
    }),
  ),
};
