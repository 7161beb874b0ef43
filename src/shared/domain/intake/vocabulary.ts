// The closed vocabularies of the intake. They are data the case format, the forms and (later) the rules share,
// so each lives here once and every other file imports it.

/** Patient languages ClinicDesk can serve (UI, messages, handouts), BCP 47. The first of a patient's list is preferred. */
export const SUPPORTED_LANGUAGES = ['ko', 'en', 'zh-Hans', 'zh-Hant', 'ja', 'th', 'vi', 'ru', 'mn', 'ar'] as const;
export type LanguageTag = (typeof SUPPORTED_LANGUAGES)[number];

export const SEXES = ['female', 'male', 'other'] as const;
export type Sex = (typeof SEXES)[number];

export const MESSENGERS = ['kakaotalk', 'wechat', 'line', 'whatsapp', 'telegram'] as const;
export type MessengerKind = (typeof MESSENGERS)[number];

export const SKIN_CONCERNS = [
  'melasma',
  'sun_spots',
  'freckles',
  'pih',
  'pie',
  'scar_icepick',
  'scar_boxcar',
  'scar_rolling',
  'scar_hypertrophic',
  'enlarged_pores',
  'fine_lines',
  'laxity',
  'dehydration',
  'dullness',
  'redness',
  'active_acne',
] as const;
export type SkinConcern = (typeof SKIN_CONCERNS)[number];

export const FITZPATRICK_TYPES = [1, 2, 3, 4, 5, 6] as const;

export const ALLERGIES = ['lidocaine', 'fish', 'hyaluronic_acid', 'latex', 'aspirin', 'other'] as const;
export type Allergy = (typeof ALLERGIES)[number];

/** Yes/no screening questions. `null` means "not asked yet": a booking from an agency has no answers, and an
 * unanswered question must never read as "no" to a later contraindication check. */
export const SCREENING_FLAGS = [
  'pregnant',
  'breastfeeding',
  'anticoagulants',
  'bleedingDisorder',
  'keloidHistory',
  'herpesHistory',
  'activeInfection',
  'photosensitisingDrugs',
  'autoimmune',
  'diabetes',
] as const;
export type ScreeningFlag = (typeof SCREENING_FLAGS)[number];

/** Screening questions answered with the date of the last exposure, or null for "never / not in question". */
export const SCREENING_DATES = ['isotretinoinLastDose', 'retinoidLastUse', 'lastSunExposure', 'recentFillerOrToxin'] as const;
export type ScreeningDate = (typeof SCREENING_DATES)[number];

/** Separate consents (PIPA): none is ever implied by another. */
export const CONSENT_KINDS = ['sensitive_data', 'photos_medical_record', 'photos_marketing'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** The seeds' three-angle intake photos (000_0389e218a6a15942.txt): front, 45 degrees, 90 degrees. */
export const PHOTO_ANGLES = ['front', 'oblique45', 'profile90'] as const;
export type PhotoAngle = (typeof PHOTO_ANGLES)[number];

export const TRIP_STATUSES = ['upcoming', 'in_korea', 'departed'] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];

/** How the patient came to the clinic, as KHIDI's annual report asks it: on their own, through an agency
 * registered to attract foreign patients (its name and registration number are reported), referred by a
 * hospital or doctor, through an online platform, or coming back after an earlier visit. */
export const REFERRAL_ROUTES = ['direct', 'agency', 'hospital_referral', 'online_platform', 'returning'] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];
