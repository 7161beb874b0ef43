// The patient's rights (PIPA) against what the Medical Service Act makes the clinic keep: when a restricted
// record's retention ends, what an erasure request removes at once, and whether the patient has withdrawn consent
// to the processing of sensitive data. Pure: no clock, no database.
import { isCalendarDate } from '../intake/calendar-date';
import type { Consent, PatientIntake } from '../intake/patient-schema';

/** Treatment records (진료기록부) are kept 10 years (Medical Service Act, Enforcement Rule art. 15). */
export const DEFAULT_RETENTION_YEARS = 10;
/** The Medical Service Act keeps treatment records 10 years: the setting cannot go below it. */
export const MIN_RETENTION_YEARS = 10;
export const MAX_RETENTION_YEARS = 50;

/**
 * `years` after `from` (a calendar date), on the same month and day; 29 February becomes 28 February in a year
 * that has none.
 */
export function addYears(from: string, years: number): string {
  if (!isCalendarDate(from)) throw new RangeError(`Not a calendar date: ${from}`);
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`Not a whole number of years: ${years}`);
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(target).padStart(4, '0')}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
}

/**
 * The last day the record must be kept: the last treatment (a session marked done) plus the clinic's retention
 * years, or the intake date plus those years when no treatment was ever recorded. The record is destroyed on
 * the day after (see isRetentionOver).
 */
export function retentionUntil(input: {
  readonly lastTreatmentDate: string | null;
  readonly intakeDate: string;
  readonly years: number;
}): string {
  const start = input.lastTreatmentDate !== null && input.lastTreatmentDate > input.intakeDate ? input.lastTreatmentDate : input.intakeDate;
  return addYears(start, input.years);
}

/** True once `today` (a calendar date in Korea time) is past the retention date. */
export function isRetentionOver(retentionUntilDate: string, today: string): boolean {
  return today > retentionUntilDate;
}

/** The kinds of consent the erasure request removes at once: no law makes the clinic keep marketing consent. */
export const ERASED_CONSENT_KINDS: readonly Consent['kind'][] = ['photos_marketing'];

/**
 * Whether the patient's photos were taken only under marketing consent: a marketing consent was recorded and a
 * consent to photos for the medical record never was. The photos carry no consent of their own, so this is the
 * most the record can tell; a patient with both consents keeps the photos as part of the medical record.
 */
export function photosOnlyForMarketing(consents: readonly Consent[]): boolean {
  return consents.some((c) => c.kind === 'photos_marketing') && !consents.some((c) => c.kind === 'photos_medical_record');
}

/**
 * The intake after an erasure request: messenger handles, the e-mail address and the marketing consent records
 * go; identity, phone, trip, skin, screening and the other consents (what a treatment record holds) stay.
 */
export function eraseUnrequiredData(patient: PatientIntake): PatientIntake {
  return {
    ...patient,
    messengers: [],
    email: null,
    consents: patient.consents.filter((consent) => !ERASED_CONSENT_KINDS.includes(consent.kind)),
  };
}

/** The field paths an erasure request empties, for the audit entry (never the values). */
export function erasedFieldPaths(patient: PatientIntake, photoCount: number): string[] {
  const paths: string[] = [];
  if (patient.messengers.length > 0) paths.push('messengers');
  if (patient.email !== null) paths.push('email');
  if (patient.consents.some((c) => ERASED_CONSENT_KINDS.includes(c.kind))) paths.push('consents.photos_marketing');
  if (photoCount > 0 && photosOnlyForMarketing(patient.consents)) paths.push('photos');
  return paths;
}

/**
 * True when the patient gave consent to the processing of sensitive (health) data and withdrew it, with no later
 * consent in force. A record with no sensitive_data consent at all (an agency booking before the clinic visit)
 * is not "withdrawn": consent is taken at the clinic, and the intake shows it missing.
 */
export function sensitiveDataConsentWithdrawn(consents: readonly Consent[]): boolean {
  const records = consents.filter((c) => c.kind === 'sensitive_data');
  return records.length > 0 && records.every((c) => c.withdrawnAt !== null);
}
