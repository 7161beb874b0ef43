// Channels of follow-ups after the flight home.
import { z } from 'zod';
import { channel } from './define-channel';
import type { TreatmentId } from '../domain/catalog/catalog-schema';
import type { FollowUpState } from '../domain/followups/due-time';
import type { LanguageTag, MessengerKind } from '../domain/intake/vocabulary';

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
  readonly photos: readonly ('front' | 'oblique45' | 'profile90')[];
  /** An outcome that keeps it open (a concern raised, a question for the doctor), with its note. */
  readonly outcome: FollowUpOutcome | null;
  readonly note: string;
  /** For the reminder message: the patient's languages (first preferred) and messengers. */
  readonly languages: readonly LanguageTag[];
  readonly messengers: readonly { readonly kind: MessengerKind; readonly handle: string }[];
}

/** What came of a follow-up. Photos received or done close it; a concern or a question for the doctor keeps it
 * open and flagged until someone closes it. */
export const FOLLOW_UP_OUTCOMES = ['photos_received', 'concern_raised', 'needs_doctor', 'done'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
export const CLOSING_OUTCOMES: readonly FollowUpOutcome[] = ['photos_received', 'done'];

export interface PatientFollowUp {
  readonly id: string;
  readonly step: string;
  readonly treatments: readonly TreatmentId[];
  readonly localDate: string;
  readonly dueAt: string;
  readonly dueKorea: string;
  readonly state: FollowUpState;
  readonly outcome: FollowUpOutcome | null;
  readonly outcomeAt: string | null;
  readonly note: string;
}

export const followUpsChannels = {
  listPatientFollowUps: channel<readonly PatientFollowUp[]>()(z.strictObject({ patientId: z.uuid('invalid') })),
  recordFollowUpOutcome: channel<PatientFollowUp>()(
    z.strictObject({
      id: z.uuid('invalid'),
      outcome: z.enum(FOLLOW_UP_OUTCOMES, 'invalid_choice'),
      note: z.string().max(2000, 'too_long'),
    }),
  ),
  listDueFollowUps: channel<{ readonly at: string; readonly followUps: readonly DueFollowUp[]; readonly truncated: boolean }>()(
    z.strictObject({
      /** The instant to look from (ISO 8601 with offset); now when omitted. */
      at: z.iso.datetime({ offset: true, error: 'invalid_datetime' }).optional(),
      limit: z.int('invalid_type').min(1, 'invalid').max(5000, 'too_many').default(500),
    }),
  ),
};
