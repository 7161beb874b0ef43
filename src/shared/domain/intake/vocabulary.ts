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

/** Yes/no questions added after the first release: absent in older case files, read there as "not asked". */
export const LATER_SCREENING_FLAGS = [
  'implantedDevice', // pacemaker or defibrillator: RF and HIFU labels exclude it
  'metalImplantInArea', // metal implant in the treatment area: RF and HIFU labels exclude it
  'koebnerCondition', // active vitiligo, psoriasis or lichen planus: wounds can start new lesions there
  'hyaluronidaseOrVenomAllergy', // the drug that dissolves HA filler may not be usable
  'asthmaOrSulfite', // glutathione IV can set off bronchospasm
] as const;

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
  ...LATER_SCREENING_FLAGS,
] as const;
export type ScreeningFlag = (typeof SCREENING_FLAGS)[number];

/** Screening questions answered with the date of the last exposure, `null` for "never", or `DATE_NOT_ASKED`. */
export const SCREENING_DATES = ['isotretinoinLastDose', 'retinoidLastUse', 'lastSunExposure', 'recentFillerOrToxin'] as const;
export type ScreeningDate = (typeof SCREENING_DATES)[number];

/** A date question nobody asked yet. Distinct from `null` ("never"), which older files and forms meant by an empty
 * field: an agency booking imports with this, so its rules give cautions instead of passing silently. */
export const DATE_NOT_ASKED = 'not_asked';

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
