// A generated year of patients for the report tests: varied nationalities, birth dates, sexes and referral routes
// (some never recorded), each with a saved plan whose sessions fall in the year, some marked done.
import type { OpenServices } from '../../src/main/services/open-services';
import type { Db } from '../../src/main/db/open-database';
import { FIXTURE_LANGUAGES, fixtureIntake, type IntakeInput, type PlanItemInput } from './temp-services';

export const REPORT_NATIONALITIES = ['CN', 'JP', 'TH', 'VN', 'MN', 'RU', 'SA', 'US', 'TW', 'AU', 'KR'] as const;
const ROUTES = [
  { route: 'direct' },
  { route: 'agency', agencyName: 'Seoul Medi Tour', agencyRegistrationNumber: 'A-2024-0117' },
  { route: 'hospital_referral', referrer: 'Dr. Tanaka, Osaka' },
  { route: 'online_platform', referrer: 'Gangnam Unni' },
  { route: 'returning' },
  undefined,
] as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Digits are not allowed in a passport name: 27 -> "Bb". */
export const letterName = (index: number) => `Patient ${LETTERS[Math.floor(index / 26) % 26]!.toUpperCase()}${LETTERS[index % 26]}`;

export interface GeneratedReportPatient {
  readonly id: string;
  readonly latinName: string;
  readonly nationality: string;
  readonly birthYear: number;
  readonly sex: string;
  readonly hasRoute: boolean;
  readonly done: boolean;
  readonly inYear: boolean;
}

export async function addReportPatients(
  services: Pick<OpenServices<Db | null>, 'dispatch'>,
  count: number,
  year = 2026,
): Promise<GeneratedReportPatient[]> {
  const made: GeneratedReportPatient[] = [];
  for (let index = 0; index < count; index++) {
    const base = fixtureIntake(FIXTURE_LANGUAGES[index % FIXTURE_LANGUAGES.length]!);
    // One in twelve is seen the year before: it must not appear in this year's report.
    const inYear = index % 12 !== 11;
    const month = String((index % 10) + 1).padStart(2, '0');
    const arrival = `${inYear ? year : year - 1}-${month}-10`;
    const referral = ROUTES[index % ROUTES.length];
    const nationality = REPORT_NATIONALITIES[index % REPORT_NATIONALITIES.length]!;
    const birthYear = 1960 + (index % 40);
    const sex = index % 9 === 4 ? 'other' : index % 2 === 0 ? 'female' : 'male';
    const patient: IntakeInput = {
      ...base,
      names: { native: `환자${index}`, latin: letterName(index) },
      nationality,
      birthDate: `${birthYear}-0${(index % 9) + 1}-15`,
      sex,
      trip: { arrival, departure: `${arrival.slice(0, 8)}20`, stayAddress: '' },
      ...(referral ? { referral } : {}),
    };
    const created = await services.dispatch('createPatient', { patient });
    if (!created.ok) throw new Error(`createPatient ${index}: ${JSON.stringify(created.error)}`);
    const done = index % 7 !== 3;
    const item: PlanItemInput = {
      treatment: 'hydrafacial',
      date: arrival,
      ...(done ? { status: 'done', record: { doctor: 'Dr. Kim Soo-jin' } } : {}),
    };
    const saved = await services.dispatch('savePatientPlan', { patientId: created.value.id, expectedVersion: 0, plan: { items: [item] } });
    if (!saved.ok) throw new Error(`savePatientPlan ${index}: ${JSON.stringify(saved.error)}`);
    made.push({
      id: created.value.id,
      latinName: letterName(index),
      nationality,
      birthYear,
      sex,
      hasRoute: referral !== undefined,
      done,
      inYear,
    });
  }
  return made;
}
