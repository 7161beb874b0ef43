// The annual foreign-patient report for KHIDI (Korea Health Industry Development Institute): one line per patient
// seen in the year, with the fields KHIDI asks for, and every gap named per patient so that it is fixed at the
// intake rather than left out of the upload. Pure: rows in, report out (see docs/khidi-report.md).
import { isCalendarDate } from '../intake/calendar-date';
import { isCountryCode } from '../intake/identifiers';
import { REFERRAL_ROUTES, type ReferralRoute } from '../intake/vocabulary';

/** One session of the year that counts as a visit, with its patient's reported fields (reports repository). */
export interface KhidiVisitRow {
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
  readonly referral: { readonly route: ReferralRoute; readonly agencyName: string; readonly agencyRegistration: string; readonly referrer: string } | null;
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

/** A session dated in the year counts as a visit when it was done, or is still "scheduled" on a day already past
 * (coordinators do not always mark sessions done; such a patient carries the `unconfirmed_visit` gap). */
export function countsAsVisit(status: string, date: string, today: string): boolean {
  return status === 'done' || (status === 'scheduled' && date <= today);
}

const isRoute = (value: string | null): value is ReferralRoute => value !== null && (REFERRAL_ROUTES as readonly string[]).includes(value);

function gapsOf(first: KhidiVisitRow, anyDone: boolean): KhidiGap[] {
  const gaps: KhidiGap[] = [];
  if (!isCountryCode(first.nationality)) gaps.push('nationality');
  if (!isCalendarDate(first.birthDate)) gaps.push('birth_year');
  if (first.sex !== 'female' && first.sex !== 'male') gaps.push('sex');
  if (!isRoute(first.referralRoute)) gaps.push('referral_route');
  else if (first.referralRoute === 'agency' && (first.agencyName.trim() === '' || first.agencyRegistration.trim() === '')) gaps.push('agency_details');
  if (first.nationality === 'KR') gaps.push('korean_national');
  if (!anyDone) gaps.push('unconfirmed_visit');
  return gaps;
}

export function buildKhidiReport(
  year: number,
  rows: readonly KhidiVisitRow[],
  followUps: ReadonlyMap<string, { readonly done: number; readonly total: number }>,
): KhidiReport {
  const byPatient = new Map<string, KhidiVisitRow[]>();
  for (const row of rows) {
    const list = byPatient.get(row.patientId);
    if (list) list.push(row);
    else byPatient.set(row.patientId, [row]);
  }
  const patients: KhidiPatient[] = [];
  for (const [patientId, visits] of byPatient) {
    const sorted = [...visits].sort((a, b) => a.date.localeCompare(b.date));
    const first = sorted[0]!;
    const gaps = gapsOf(first, sorted.some((visit) => visit.status === 'done'));
    patients.push({
      patientId,
      nativeName: first.nativeName,
      latinName: first.latinName,
      nationality: isCountryCode(first.nationality) ? first.nationality : null,
      birthYear: isCalendarDate(first.birthDate) ? Number(first.birthDate.slice(0, 4)) : null,
      sex: first.sex === 'female' || first.sex === 'male' ? first.sex : null,
      referral: isRoute(first.referralRoute)
        ? { route: first.referralRoute, agencyName: first.agencyName, agencyRegistration: first.agencyRegistration, referrer: first.referrer }
        : null,
      treatments: [...new Set(sorted.map((visit) => visit.treatment))],
      sessions: sorted.length,
      firstVisit: first.date,
      lastVisit: sorted.at(-1)!.date,
      followUps: followUps.get(patientId) ?? { done: 0, total: 0 },
      gaps,
    });
  }
  patients.sort((a, b) => a.firstVisit.localeCompare(b.firstVisit) || a.latinName.localeCompare(b.latinName) || a.patientId.localeCompare(b.patientId));
  const withGaps = patients
    .filter((patient) => patient.gaps.length > 0)
    .map(({ patientId, nativeName, latinName, gaps }) => ({ patientId, nativeName, latinName, gaps }));
  return { year, patients, withGaps };
}
