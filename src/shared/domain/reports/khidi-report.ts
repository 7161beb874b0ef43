// The annual foreign-patient report for KHIDI (Korea Health Industry Development Institute): one line per patient
// seen in the year, with the fields KHIDI asks for, and every gap named per patient so that it is fixed at the
// intake rather than left out of the upload. Pure: rows in, report out (see docs/khidi-report.md).
import { isCalendarDate } from '../intake/calendar-date';
import { isCountryCode } from '../intake/identifiers';
import { REFERRAL_ROUTES, type ReferralRoute } from '../intake/vocabulary';

/** A patient seen in the year, with the fields KHIDI asks for (reports repository). */
export interface KhidiPatientRow {
  readonly seq: number;
  readonly patientId: string;
  readonly nativeName: string;
  readonly latinName: string;
  readonly nationality: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly referralRoute: string | null;
  readonly agencyName: string;
  readonly agencyRegistration: string;
  readonly referrer: string;
}

/** One session of the year that counts as a visit. */
export interface KhidiVisitRow {
  readonly patientSeq: number;
  readonly treatment: string;
  readonly date: string;
  readonly status: string;
}

/** Why a patient's line is not ready to upload. */
export const KHIDI_GAPS = [
  'nationality', // no ISO country code
  'birth_year', // no valid birth date
  'sex', // KHIDI asks female or male; "other" must be checked against the passport
  'referral_route', // never recorded (every patient saved before referral routes existed)
  'agency_details', // an agency without its name or registration number
  'korean_national', // a Korean national counts only when living abroad: the app cannot know, the coordinator checks
  'unconfirmed_visit', // seen only through sessions nobody marked done
] as const;
export type KhidiGap = (typeof KHIDI_GAPS)[number];

export interface KhidiPatient {
  readonly patientId: string;
  readonly nativeName: string;
  readonly latinName: string;
  readonly nationality: string | null;
  readonly birthYear: number | null;
  readonly sex: 'female' | 'male' | null;
  readonly referral: {
    readonly route: ReferralRoute;
    readonly agencyName: string;
    readonly agencyRegistration: string;
    readonly referrer: string;
  } | null;
  /** Treatments given in the year, each once, in the order first given. */
  readonly treatments: readonly string[];
  readonly sessions: number;
  readonly firstVisit: string;
  readonly lastVisit: string;
  /** Care after the visit: the follow-ups after the flight home, done of all planned. */
  readonly followUps: { readonly done: number; readonly total: number };
  readonly gaps: readonly KhidiGap[];
}

export interface KhidiReport {
  readonly year: number;
  readonly patients: readonly KhidiPatient[];
  /** The patients with at least one gap: they stay in `patients` too, never silently dropped. */
  readonly withGaps: readonly Pick<KhidiPatient, 'patientId' | 'nativeName' | 'latinName' | 'gaps'>[];
}

/** A session dated in the year counts as a visit when it was done, or is still "scheduled" on a day already past,
 * and never when its date is still to come
 * (coordinators do not always mark sessions done; such a patient carries the `unconfirmed_visit` gap). */
export function countsAsVisit(status: string, date: string, today: string): boolean {
  return date <= today && (status === 'done' || status === 'scheduled');
}

/** By code unit, not localeCompare: a year of 100,000 patients sorts in milliseconds, and the order is the same on
 * every computer whatever its locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const isRoute = (value: string | null): value is ReferralRoute => value !== null && (REFERRAL_ROUTES as readonly string[]).includes(value);

function gapsOf(patient: KhidiPatientRow, anyDone: boolean): KhidiGap[] {
  const gaps: KhidiGap[] = [];
  if (!isCountryCode(patient.nationality)) gaps.push('nationality');
  if (!isCalendarDate(patient.birthDate)) gaps.push('birth_year');
  if (patient.sex !== 'female' && patient.sex !== 'male') gaps.push('sex');
  if (!isRoute(patient.referralRoute)) gaps.push('referral_route');
  else if (patient.referralRoute === 'agency' && (patient.agencyName.trim() === '' || patient.agencyRegistration.trim() === ''))
    gaps.push('agency_details');
  if (patient.nationality === 'KR') gaps.push('korean_national');
  if (!anyDone) gaps.push('unconfirmed_visit');
  return gaps;
}

/** `visits` are the year's visits of `patients` (by seq); `followUps` are counted per patient seq. A patient
 * without a visit is not in the report; a visit whose patient is missing is ignored (it cannot be reported). */
export function buildKhidiReport(
  year: number,
  patients: readonly KhidiPatientRow[],
  visits: readonly KhidiVisitRow[],
  followUps: ReadonlyMap<number, { readonly done: number; readonly total: number }>,
): KhidiReport {
  const visitsOf = new Map<number, KhidiVisitRow[]>();
  for (const visit of visits) {
    const list = visitsOf.get(visit.patientSeq);
    if (list) list.push(visit);
    else visitsOf.set(visit.patientSeq, [visit]);
  }
  const lines: KhidiPatient[] = [];
  for (const patient of patients) {
    const mine = visitsOf.get(patient.seq);
    if (!mine) continue;
    const sorted = mine.length > 1 ? [...mine].sort((a, b) => compare(a.date, b.date)) : mine;
    lines.push({
      patientId: patient.patientId,
      nativeName: patient.nativeName,
      latinName: patient.latinName,
      nationality: isCountryCode(patient.nationality) ? patient.nationality : null,
      birthYear: isCalendarDate(patient.birthDate) ? Number(patient.birthDate.slice(0, 4)) : null,
      sex: patient.sex === 'female' || patient.sex === 'male' ? patient.sex : null,
      referral: isRoute(patient.referralRoute)
        ? {
            route: patient.referralRoute,
            agencyName: patient.agencyName,
            agencyRegistration: patient.agencyRegistration,
            referrer: patient.referrer,
          }
        : null,
      treatments: [...new Set(sorted.map((visit) => visit.treatment))],
      sessions: sorted.length,
      firstVisit: sorted[0]!.date,
      lastVisit: sorted.at(-1)!.date,
      followUps: followUps.get(patient.seq) ?? { done: 0, total: 0 },
      gaps: gapsOf(
        patient,
        sorted.some((visit) => visit.status === 'done'),
      ),
    });
  }
  lines.sort((a, b) => compare(a.firstVisit, b.firstVisit) || compare(a.latinName, b.latinName) || compare(a.patientId, b.patientId));
  const withGaps = lines
    .filter((line) => line.gaps.length > 0)
    .map(({ patientId, nativeName, latinName, gaps }) => ({ patientId, nativeName, latinName, gaps }));
  return { year, patients: lines, withGaps };
}
