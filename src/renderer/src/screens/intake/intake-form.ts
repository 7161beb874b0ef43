// The intake form's state: what the coordinator has typed, as typed. It is converted to the contract's intake
// only to validate or save, so a half-typed phone number or date survives in the draft exactly as it was.
import { formatPhone, toE164 } from '../../../../shared/domain/intake/identifiers';
import type { Consent, PatientIntake, PatientIntakeInput } from '../../../../shared/domain/intake/patient-schema';
import {
  DATE_NOT_ASKED,
  MESSENGERS,
  SCREENING_DATES,
  SCREENING_FLAGS,
  type Allergy,
  type LanguageTag,
  type MessengerKind,
  type ScreeningDate,
  type ScreeningFlag,
  type SkinConcern,
} from '../../../../shared/domain/intake/vocabulary';
import type { IssuePath } from '../../../../shared/contract';

export type Answer = 'yes' | 'no' | '';

/** A date question's state: not asked yet, asked and never exposed, or the date of the last exposure. */
export type DateState = 'not_asked' | 'never' | 'date';

export interface IntakeForm {
  nativeName: string;
  latinName: string;
  birthDate: string;
  sex: string;
  nationality: string;
  languages: LanguageTag[];
  phone: string;
  email: string;
  messengers: Record<MessengerKind, string>;
  /** The saved order of the patient's messengers: the first is the one the patient prefers to be reached on. */
  messengerOrder: MessengerKind[];
  homeTimeZone: string;
  homeCurrency: string;
  arrival: string;
  departure: string;
  stayAddress: string;
  fitzpatrick: string;
  concerns: SkinConcern[];
  answers: Record<ScreeningFlag, Answer>;
  /** Which of the three answers each date question has; the date typed is kept in `dates` whichever is chosen,
   * so switching to "Never" and back does not lose it. */
  dateStates: Record<ScreeningDate, DateState>;
  dates: Record<ScreeningDate, string>;
  allergies: Allergy[];
  allergyOther: string;
  medications: string;
  notes: string;
  consents: Consent[];
  /** '' while the route is not recorded (then the intake is saved without one; the KHIDI report lists it). */
  referralRoute: string;
  agencyName: string;
  agencyRegistrationNumber: string;
  referrer: string;
}

const byKey = <K extends string, V>(keys: readonly K[], value: (key: K) => V) =>
  Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;

export function emptyForm(): IntakeForm {
  return {
    nativeName: '',
    latinName: '',
    birthDate: '',
    sex: '',
    nationality: '',
    languages: [],
    phone: '',
    email: '',
    messengers: byKey(MESSENGERS, () => ''),
    messengerOrder: [],
    homeTimeZone: '',
    homeCurrency: '',
    arrival: '',
    departure: '',
    stayAddress: '',
    fitzpatrick: '',
    concerns: [],
    answers: byKey(SCREENING_FLAGS, () => ''),
    // A new intake has asked nothing yet: "not asked" gives the rules' cautions, never a silent pass.
    dateStates: byKey(SCREENING_DATES, () => 'not_asked'),
    dates: byKey(SCREENING_DATES, () => ''),
    allergies: [],
    allergyOther: '',
    medications: '',
    notes: '',
    consents: [],
    referralRoute: '',
    agencyName: '',
    agencyRegistrationNumber: '',
    referrer: '',
  };
}

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());
const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());
const answerValue = (answer: Answer) => (answer === '' ? null : answer === 'yes');

/** A date question as the intake stores it; "date" without a date typed is left out, so it reads "Required". */
function dateValue(state: DateState, typed: string): string | null | undefined {
  if (state === 'not_asked') return DATE_NOT_ASKED;
  if (state === 'never') return null;
  return blankToUndefined(typed);
}

/** The form as the contract's intake input; empty required fields become undefined so they read "Required". */
export function formToIntake(form: IntakeForm): PatientIntakeInput {
  const typedPhone = form.phone.trim();
  return {
    names: { native: form.nativeName, latin: form.latinName },
    birthDate: blankToUndefined(form.birthDate) as string,
    sex: blankToUndefined(form.sex) as PatientIntakeInput['sex'],
    nationality: blankToUndefined(form.nationality)?.toUpperCase() as string,
    languages: form.languages,
    phone: typedPhone === '' ? null : (toE164(typedPhone) ?? typedPhone),
    messengers: orderedMessengers(form).map((kind) => ({
      kind,
      handle: form.messengers[kind].trim(),
    })),
    email: blankToNull(form.email),
    homeTimeZone: blankToUndefined(form.homeTimeZone) as string,
    homeCurrency: blankToUndefined(form.homeCurrency)?.toUpperCase() as string,
    trip: {
      arrival: blankToUndefined(form.arrival) as string,
      departure: blankToUndefined(form.departure) as string,
      stayAddress: form.stayAddress.trim(),
    },
    skin: { fitzpatrick: form.fitzpatrick === '' ? null : Number(form.fitzpatrick), concerns: form.concerns },
    screening: {
      ...byKey(SCREENING_FLAGS, (flag) => answerValue(form.answers[flag])),
      ...byKey(SCREENING_DATES, (date) => dateValue(form.dateStates[date], form.dates[date])),
      allergies: { items: form.allergies, other: form.allergyOther.trim() },
      medications: form.medications.trim(),
      notes: form.notes.trim(),
    } as PatientIntakeInput['screening'],
    consents: form.consents,
    ...(form.referralRoute === ''
      ? {}
      : {
          referral: {
            route: form.referralRoute as NonNullable<PatientIntakeInput['referral']>['route'],
            // Agency details belong to the agency route only; switching away keeps them in the draft, not the record.
            agencyName: form.referralRoute === 'agency' ? form.agencyName.trim() : '',
            agencyRegistrationNumber: form.referralRoute === 'agency' ? form.agencyRegistrationNumber.trim() : '',
            referrer: form.referralRoute === 'hospital_referral' || form.referralRoute === 'online_platform' ? form.referrer.trim() : '',
          },
        }),
  };
}

/** Messengers with a handle: the saved order first, then any newly typed ones. */
function orderedMessengers(form: IntakeForm): MessengerKind[] {
  const kinds = [...form.messengerOrder, ...MESSENGERS.filter((kind) => !form.messengerOrder.includes(kind))];
  return kinds.filter((kind) => (form.messengers[kind] ?? '').trim() !== '');
}

const answerOf = (value: boolean | null): Answer => (value === null ? '' : value ? 'yes' : 'no');
const dateStateOf = (value: string | null): DateState => (value === null ? 'never' : value === DATE_NOT_ASKED ? 'not_asked' : 'date');

export function intakeToForm(patient: PatientIntake): IntakeForm {
  return {
    nativeName: patient.names.native,
    latinName: patient.names.latin,
    birthDate: patient.birthDate,
    sex: patient.sex,
    nationality: patient.nationality,
    languages: [...patient.languages],
    // Grouped as the country writes it ("+82 10 1234 5678"), as in the list; saving turns it back into E.164.
    phone: patient.phone ? formatPhone(patient.phone) : '',
    email: patient.email ?? '',
    messengers: byKey(MESSENGERS, (kind) => patient.messengers.find((m) => m.kind === kind)?.handle ?? ''),
    messengerOrder: patient.messengers.map((messenger) => messenger.kind),
    homeTimeZone: patient.homeTimeZone,
    homeCurrency: patient.homeCurrency,
    arrival: patient.trip.arrival,
    departure: patient.trip.departure,
    stayAddress: patient.trip.stayAddress,
    fitzpatrick: patient.skin.fitzpatrick === null ? '' : String(patient.skin.fitzpatrick),
    concerns: [...patient.skin.concerns],
    answers: byKey(SCREENING_FLAGS, (flag) => answerOf(patient.screening[flag])),
    dateStates: byKey(SCREENING_DATES, (date) => dateStateOf(patient.screening[date])),
    dates: byKey(SCREENING_DATES, (date) => (dateStateOf(patient.screening[date]) === 'date' ? patient.screening[date]! : '')),
    allergies: [...patient.screening.allergies.items],
    allergyOther: patient.screening.allergies.other,
    medications: patient.screening.medications,
    notes: patient.screening.notes,
    consents: [...patient.consents],
    referralRoute: patient.referral?.route ?? '',
    agencyName: patient.referral?.agencyName ?? '',
    agencyRegistrationNumber: patient.referral?.agencyRegistrationNumber ?? '',
    referrer: patient.referral?.referrer ?? '',
  };
}

/** Which form field an issue belongs to, from its path inside the intake ("trip.departure" -> "departure"). */
export function fieldOfIssue(path: IssuePath): string {
  const [head, second, third] = path;
  switch (head) {
    case 'names':
      return second === 'native' ? 'nativeName' : 'latinName';
    case 'trip':
      return String(second);
    case 'skin':
      return second === 'concerns' ? 'concerns' : 'fitzpatrick';
    case 'screening':
      if (second === 'allergies') return third === 'other' ? 'allergyOther' : 'allergies';
      return String(second);
    case 'messengers': {
      return 'messengers';
    }
    case 'consents':
    case 'languages':
      return head;
    case 'referral':
      return second === 'route' || second === undefined ? 'referralRoute' : String(second);
    default:
      return String(head ?? '');
  }
}

/** A short label for the draft list: the names typed so far. */
export function draftLabel(form: IntakeForm): string {
  return [form.nativeName.trim(), form.latinName.trim()].filter(Boolean).join(' · ');
}

/** Drafts come back from storage as unknown JSON; anything not shaped like a form falls back to empty fields. */
export function formFromDraft(value: unknown): IntakeForm {
  const empty = emptyForm();
  if (typeof value !== 'object' || value === null) return empty;
  const draft = value as Partial<IntakeForm>;
  return {
    ...empty,
    ...draft,
    messengers: { ...empty.messengers, ...(draft.messengers ?? {}) },
    messengerOrder: Array.isArray(draft.messengerOrder) ? draft.messengerOrder.filter((kind) => MESSENGERS.includes(kind)) : [],
    answers: { ...empty.answers, ...(draft.answers ?? {}) },
    dates: { ...empty.dates, ...(draft.dates ?? {}) },
    dateStates: { ...empty.dateStates, ...(draft.dateStates ?? olderDateStates(draft.dates)) },
  };
}

/** A draft saved before date questions had three answers: an empty date meant "never or not asked", which cannot
 * be told apart, so it comes back as "not asked" (a caution, never a silent pass); a typed date stays a date. */
function olderDateStates(dates: Partial<Record<ScreeningDate, string>> | undefined): Partial<Record<ScreeningDate, DateState>> {
  return Object.fromEntries(SCREENING_DATES.filter((date) => (dates?.[date] ?? '').trim() !== '').map((date) => [date, 'date' as const]));
}
