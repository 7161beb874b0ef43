// The intake as data: the one zod schema that the case format, every door and the intake form validate with.
// Messages are issue codes (see contract/issues.ts) so the UI can show them in Korean or English beside the
// field, and the CLI in English.
import { z } from 'zod';
import { isCalendarDate, daysBetween } from './calendar-date';
import { isCountryCode, isCurrencyCode, isTimeZone, isValidE164 } from './identifiers';
import {
  ALLERGIES,
  CONSENT_KINDS,
  DATE_NOT_ASKED,
  MESSENGERS,
  PHOTO_ANGLES,
  REFERRAL_ROUTES,
  SEXES,
  SKIN_CONCERNS,
  SUPPORTED_LANGUAGES,
} from './vocabulary';

export const MAX_STAY_DAYS = 180;

const text = (max: number) => z.string().max(max, 'too_long');
const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');

export const calendarDateSchema = z.string().refine(isCalendarDate, 'invalid_date');
/** A date question: the date of the last exposure, null for "never", or DATE_NOT_ASKED. */
const dateAnswer = z
  .string()
  .refine((value) => value === DATE_NOT_ASKED || isCalendarDate(value), 'invalid_date')
  .nullable();
/** true / false / null, where null is "not asked yet". */
const answer = z.boolean().nullable();
/** A question added later: missing in older files, which never asked it. */
const laterAnswer = answer.default(null);

export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: 'invalid_datetime' });

/** Passport spelling: Latin letters (with diacritics), spaces, hyphens, apostrophes and dots. */
const LATIN_NAME = /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M} .'-]*$/u;

function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max, 'too_many')
    .superRefine((list, ctx) => {
      list.forEach((value, index) => {
        if (list.indexOf(value) !== index) ctx.addIssue({ code: 'custom', message: 'duplicate', path: [index] });
      });
    });
}

/**
 * Invisible characters a name must not carry: bidi embeddings, overrides, isolates and marks (U+202A-202E,
 * U+2066-2069, U+200E/200F, U+061C), which make a stored name display as another, and zero-width space, word
 * joiner, invisible operators and the zero-width no-break space (U+200B, U+2060-2064, U+FEFF), which make two
 * equal-looking names differ in search and on the passport check. ZWNJ and ZWJ (U+200C, U+200D) stay: Persian,
 * Indic scripts and emoji sequences need them.
 */
const HIDDEN_CHARACTERS = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const noHiddenCharacters = (name: string) => !HIDDEN_CHARACTERS.test(name);

export const namesSchema = z.strictObject({
  native: requiredText(200).refine(noHiddenCharacters, 'hidden_characters'),
  // One issue per name: a hidden character is the clearer one to fix, so it is reported instead of "Latin letters".
  latin: requiredText(200).superRefine((name, ctx) => {
    if (!noHiddenCharacters(name)) ctx.addIssue({ code: 'custom', message: 'hidden_characters' });
    else if (!LATIN_NAME.test(name)) ctx.addIssue({ code: 'custom', message: 'latin_letters_only' });
  }),
});

export const messengerSchema = z.strictObject({
  kind: z.enum(MESSENGERS, 'invalid_choice'),
  handle: requiredText(100),
});

export const tripSchema = z
  .strictObject({
    arrival: calendarDateSchema,
    departure: calendarDateSchema,
    stayAddress: text(500),
  })
  .superRefine((trip, ctx) => {
    if (!isCalendarDate(trip.arrival) || !isCalendarDate(trip.departure)) return;
    const days = daysBetween(trip.arrival, trip.departure);
    if (days < 0) ctx.addIssue({ code: 'custom', message: 'departure_before_arrival', path: ['departure'] });
    else if (days > MAX_STAY_DAYS) ctx.addIssue({ code: 'custom', message: 'stay_too_long', path: ['departure'] });
  });

export const skinSchema = z.strictObject({
  fitzpatrick: z.int('invalid_type').min(1, 'invalid_choice').max(6, 'invalid_choice').nullable(),
  concerns: uniqueList(z.enum(SKIN_CONCERNS, 'invalid_choice'), SKIN_CONCERNS.length),
});

export const allergiesSchema = z
  .strictObject({
    items: uniqueList(z.enum(ALLERGIES, 'invalid_choice'), ALLERGIES.length),
    other: text(500),
  })
  .superRefine((allergies, ctx) => {
    if (allergies.items.includes('other') && allergies.other.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'other_allergy_needs_text', path: ['other'] });
    }
  });

export const screeningSchema = z.strictObject({
  pregnant: answer,
  breastfeeding: answer,
  isotretinoinLastDose: dateAnswer,
  retinoidLastUse: dateAnswer,
  lastSunExposure: dateAnswer,
  anticoagulants: answer,
  bleedingDisorder: answer,
  keloidHistory: answer,
  herpesHistory: answer,
  activeInfection: answer,
  photosensitisingDrugs: answer,
  autoimmune: answer,
  diabetes: answer,
  recentFillerOrToxin: dateAnswer,
  implantedDevice: laterAnswer,
  metalImplantInArea: laterAnswer,
  koebnerCondition: laterAnswer,
  hyaluronidaseOrVenomAllergy: laterAnswer,
  asthmaOrSulfite: laterAnswer,
  allergies: allergiesSchema,
  medications: text(2000),
  notes: text(4000),
});

export const consentSchema = z
  .strictObject({
    kind: z.enum(CONSENT_KINDS, 'invalid_choice'),
    grantedAt: isoDateTimeSchema,
    withdrawnAt: isoDateTimeSchema.nullable(),
    /** Which wording the patient agreed to; consent texts change and the record must say which one. */
    textVersion: requiredText(40),
    /** The language of the text the patient read (migration 0011). Optional: records from before it have none. */
    language: z.enum(SUPPORTED_LANGUAGES, 'unsupported_language').optional(),
  })
  .superRefine((consent, ctx) => {
    if (consent.withdrawnAt !== null && Date.parse(consent.withdrawnAt) < Date.parse(consent.grantedAt)) {
      ctx.addIssue({ code: 'custom', message: 'withdrawn_before_granted', path: ['withdrawnAt'] });
    }
  });

/** The referral route (migration 0008). Optional: intakes and case files from before it have none, and a
 * missing route is listed as a gap of the KHIDI report, never guessed. */
export const referralSchema = z
  .strictObject({
    route: z.enum(REFERRAL_ROUTES, 'invalid_choice'),
    /** Only for `agency`: the registered agency's name and its KHIDI registration number. */
    agencyName: text(200).default(''),
    agencyRegistrationNumber: text(40).default(''),
    /** The referring hospital or doctor, or the online platform; free text, may stay empty. */
    referrer: text(200).default(''),
  })
  .superRefine((referral, ctx) => {
    if (referral.route !== 'agency') return;
    if (referral.agencyName.trim() === '') ctx.addIssue({ code: 'custom', message: 'required', path: ['agencyName'] });
    if (referral.agencyRegistrationNumber.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'required', path: ['agencyRegistrationNumber'] });
    }
  });

export const photoRefSchema = z.strictObject({
  visitDate: calendarDateSchema,
  angle: z.enum(PHOTO_ANGLES, 'invalid_choice'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'invalid'),
  mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp'], 'invalid_choice'),
});

const patientFields = {
  id: z.uuid('invalid').optional(),
  names: namesSchema,
  birthDate: calendarDateSchema,
  sex: z.enum(SEXES, 'invalid_choice'),
  nationality: z.string().refine(isCountryCode, 'invalid_country'),
  languages: uniqueList(z.enum(SUPPORTED_LANGUAGES, 'unsupported_language'), SUPPORTED_LANGUAGES.length).min(1, 'required'),
  phone: z.string().refine(isValidE164, 'invalid_phone').nullable(),
  messengers: z.array(messengerSchema).max(MESSENGERS.length, 'too_many'),
  email: z.email('invalid_email').max(254, 'too_long').nullable(),
  homeTimeZone: z.string().refine(isTimeZone, 'invalid_time_zone'),
  homeCurrency: z.string().refine(isCurrencyCode, 'invalid_currency'),
  trip: tripSchema,
  skin: skinSchema,
  screening: screeningSchema,
  consents: z.array(consentSchema).max(50, 'too_many'),
  referral: referralSchema.optional(),
};

function checkAcrossFields(
  patient: { messengers: { kind: string }[]; consents: { kind: string; withdrawnAt: string | null }[] },
  ctx: z.RefinementCtx,
): void {
  patient.messengers.forEach((messenger, index) => {
    if (patient.messengers.findIndex((other) => other.kind === messenger.kind) !== index) {
      ctx.addIssue({ code: 'custom', message: 'duplicate', path: ['messengers', index, 'kind'] });
    }
  });
  patient.consents.forEach((consent, index) => {
    const inForceBefore = patient.consents.slice(0, index).some((earlier) => earlier.kind === consent.kind && earlier.withdrawnAt === null);
    if (inForceBefore) ctx.addIssue({ code: 'custom', message: 'consent_granted_twice', path: ['consents', index] });
  });
}

/** The intake as the form edits it and the services store it. Photos are added one by one (photos channels). */
export const patientSchema = z.strictObject(patientFields).superRefine(checkAcrossFields);

/** The patient of a case file: the intake plus references to its photos in the clinic's photo store. */
export const casePatientSchema = z
  .strictObject({ ...patientFields, photos: z.array(photoRefSchema).max(300, 'too_many') })
  .superRefine(checkAcrossFields);

export type PatientIntake = z.output<typeof patientSchema>;
export type PatientIntakeInput = z.input<typeof patientSchema>;
export type CasePatient = z.output<typeof casePatientSchema>;
export type Screening = z.output<typeof screeningSchema>;
export type Consent = z.output<typeof consentSchema>;
export type Referral = z.output<typeof referralSchema>;
export type PhotoRef = z.output<typeof photoRefSchema>;
