// Channels of treatment plans: the catalog, a patient's plan (read, evaluate live, schedule, save), the clinic's
// settings, and checking or scheduling the plan of a case file (the CLI's `plan check` and `plan schedule`).
import { z } from 'zod';
import { channel } from './define-channel';
import type { Catalog } from '../domain/catalog/catalog-schema';
import { caseFileSchema } from '../domain/intake/case-file';
import type { PlanEvaluation } from '../domain/plan/evaluate-plan';
import { calendarDateSchema } from '../domain/intake/patient-schema';
import { daysBetween } from '../domain/intake/calendar-date';
import {
  planSchema,
  SESSION_STATUSES,
  sessionRecordSchema,
  type Plan,
  type SessionRecord,
  type SessionStatus,
} from '../domain/plan/plan-schema';
import type { TreatmentId } from '../domain/catalog/catalog-schema';
import type { SentQuote } from '../domain/plan/quote-versions';
import type { Finding } from '../domain/rules/check-plan';
import type { Schedule } from '../domain/schedule/schedule-plan';
import { clinicSettingsSchema, type ClinicSettings } from '../domain/settings/clinic-settings';

const patientId = z.uuid('invalid');

export interface PatientPlan {
  readonly plan: Plan;
  /** 0 while the patient has no saved plan. */
  readonly version: number;
  readonly evaluation: PlanEvaluation;
}

/** One dated session of a saved plan, for the week view. */
export interface SessionListing {
  readonly patientId: string;
  readonly nativeName: string;
  readonly latinName: string;
  /** The session's index in the patient's plan items (what setSessionStatus takes). */
  readonly index: number;
  /** The session's own id (setSessionStatus's sessionId). */
  readonly sessionId: string;
  readonly treatment: TreatmentId;
  readonly date: string;
  /** Korea time "HH:MM", or null when the plan has no time for it. */
  readonly time: string | null;
  /** The catalog's longest session for the treatment. */
  readonly minutes: number;
  readonly status: SessionStatus;
  readonly record: SessionRecord | null;
  /** The plan version, for setSessionStatus's expectedVersion. */
  readonly version: number;
  /** The room it takes, or null when none is set. */
  readonly room: string | null;
  /** Indexes of the same patient's sessions that overlap this one in time on the same day. */
  readonly conflicts: readonly number[];
  /** Other sessions (any patient) in the same room that overlap this one in time. */
  readonly roomConflicts: readonly { readonly patientId: string; readonly index: number }[];
  /** The plan's open checks for this session (its treatment on its date): cautions and blocks, with the doctor
   * who acknowledged a block, if one did. */
  readonly findings: readonly SessionFinding[];
}

export interface SessionFinding {
  readonly rule: string;
  readonly severity: 'caution' | 'block';
  readonly message: { readonly ko: string; readonly en: string };
  readonly acknowledgedBy: string | null;
}

/** The most days listSessions covers in one call. */
export const MAX_SESSION_RANGE_DAYS = 31;

const sessionRange = z.strictObject({ from: calendarDateSchema, to: calendarDateSchema }).superRefine(({ from, to }, context) => {
  const days = daysBetween(from, to);
  if (days < 0 || days >= MAX_SESSION_RANGE_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: 'invalid' });
});

const sessionStatusInput = z
  .strictObject({
    patientId,
    index: z.int('invalid_type').min(0, 'invalid').max(59, 'invalid'),
    /** The session's id: when given, it names the session (the index is where the caller last saw it). */
    sessionId: z.uuid('invalid').optional(),
    expectedVersion: z.int('invalid_type').min(1, 'invalid'),
    status: z.enum(SESSION_STATUSES, 'invalid_choice'),
    record: sessionRecordSchema.optional(),
  })
  .superRefine(({ status, record }, context) => {
    // A done session needs the doctor who did it; a record belongs to a done session only.
    if (status === 'done' && record === undefined) context.addIssue({ code: 'custom', path: ['record', 'doctor'], message: 'required' });
    if (status !== 'done' && record !== undefined) context.addIssue({ code: 'custom', path: ['record'], message: 'invalid' });
  });

export const plansChannels = {
  listSessions: channel<readonly SessionListing[]>()(sessionRange),
  setSessionStatus: channel<PatientPlan>()(sessionStatusInput),
  getCatalog: channel<Catalog>()(z.strictObject({})),
  getPatientPlan: channel<PatientPlan>()(z.strictObject({ patientId })),
  evaluatePatientPlan: channel<PlanEvaluation>()(z.strictObject({ patientId, plan: planSchema })),
  schedulePatientPlan: channel<PatientPlan & { readonly nextVisit: Schedule['nextVisit'] }>()(
    z.strictObject({ patientId, plan: planSchema }),
  ),
  savePatientPlan: channel<PatientPlan>()(
    z.strictObject({ patientId, expectedVersion: z.int('invalid_type').min(0, 'invalid'), plan: planSchema }),
  ),
  /** "Mark as sent": keeps the saved plan's quote as the patient received it, as the next quote version. The plan
   * must be saved at `expectedVersion` (what is on screen), and priced throughout (a final quote). */
  markQuoteSent: channel<SentQuote>()(z.strictObject({ patientId, expectedVersion: z.int('invalid_type').min(1, 'invalid') })),
  /** Every quote version the patient was sent, newest first. */
  listQuoteVersions: channel<readonly SentQuote[]>()(z.strictObject({ patientId })),
  getClinicSettings: channel<ClinicSettings>()(z.strictObject({})),
  saveClinicSettings: channel<ClinicSettings>()(z.strictObject({ settings: clinicSettingsSchema })),
  checkCasePlan: channel<{ readonly findings: readonly Finding[] }>()(z.strictObject({ caseFile: caseFileSchema })),
  scheduleCasePlan: channel<Schedule>()(z.strictObject({ caseFile: caseFileSchema })),
};
