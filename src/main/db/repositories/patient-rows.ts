// A patient's row and back, shared by both back ends' repositories (SQLite's and PostgreSQL's), so the two can
// never map a column differently.
import type { PatientRecord, PatientSummary } from '../../../shared/contract/patients';
import { countOpenScreening } from '../../../shared/domain/intake/open-screening';
import { screeningSchema, type Consent, type PatientIntake, type Referral } from '../../../shared/domain/intake/patient-schema';
import { tripStatus } from '../../../shared/domain/intake/trip-status';

export interface PatientRow {
  seq: number;
  id: string;
  native_name: string;
  latin_name: string;
  birth_date: string;
  sex: PatientIntake['sex'];
  nationality: string;
  languages_json: string;
  phone: string | null;
  email: string | null;
  messengers_json: string;
  home_time_zone: string;
  home_currency: string;
  arrival: string;
  departure: string;
  stay_address: string;
  fitzpatrick: number | null;
  concerns_json: string;
  screening_json: string;
  screening_open: number;
  version: number;
  created_at: string;
  updated_at: string;
  referral_route: Referral['route'] | null;
  referral_agency_name: string;
  referral_agency_registration: string;
  referral_referrer: string;
}

export interface ConsentRow {
  kind: Consent['kind'];
  granted_at: string;
  withdrawn_at: string | null;
  text_version: string;
  language: Consent['language'] | null;
}

/** A patient's columns as both back ends write them. */
export function patientColumns(patient: PatientIntake) {
  return {
    native_name: patient.names.native,
    latin_name: patient.names.latin,
    birth_date: patient.birthDate,
    sex: patient.sex,
    nationality: patient.nationality,
    languages_json: JSON.stringify(patient.languages),
    phone: patient.phone,
    email: patient.email,
    messengers_json: JSON.stringify(patient.messengers),
    home_time_zone: patient.homeTimeZone,
    home_currency: patient.homeCurrency,
    arrival: patient.trip.arrival,
    departure: patient.trip.departure,
    stay_address: patient.trip.stayAddress,
    fitzpatrick: patient.skin.fitzpatrick,
    concerns_json: JSON.stringify(patient.skin.concerns),
    screening_json: JSON.stringify(patient.screening),
    screening_open: countOpenScreening(patient.screening),
    referral_route: patient.referral?.route ?? null,
    referral_agency_name: patient.referral?.agencyName ?? '',
    referral_agency_registration: patient.referral?.agencyRegistrationNumber ?? '',
    referral_referrer: patient.referral?.referrer ?? '',
  };
}

/** The record from its row, its consents in position order and its restriction, if any. */
export function patientRecordOf(
  row: PatientRow,
  consentRows: readonly ConsentRow[],
  restriction: { readonly restrictedAt: string; readonly retentionUntil: string } | null,
): PatientRecord {
  const consents: Consent[] = consentRows.map((consent) => ({
    kind: consent.kind,
    grantedAt: consent.granted_at,
    withdrawnAt: consent.withdrawn_at,
    textVersion: consent.text_version,
    // Absent, not null, when never recorded (consents from before migration 0013).
    ...(consent.language === null ? {} : { language: consent.language }),
  }));
  const patient: PatientIntake = {
    id: row.id,
    names: { native: row.native_name, latin: row.latin_name },
    birthDate: row.birth_date,
    sex: row.sex,
    nationality: row.nationality,
    languages: JSON.parse(row.languages_json) as PatientIntake['languages'],
    phone: row.phone,
    messengers: JSON.parse(row.messengers_json) as PatientIntake['messengers'],
    email: row.email,
    homeTimeZone: row.home_time_zone,
    homeCurrency: row.home_currency,
    trip: { arrival: row.arrival, departure: row.departure, stayAddress: row.stay_address },
    skin: { fitzpatrick: row.fitzpatrick, concerns: JSON.parse(row.concerns_json) as PatientIntake['skin']['concerns'] },
    // Through the schema, so a row written before a question existed reads it as "not asked" (null), never as
    // undefined, which no rule would match.
    screening: screeningSchema.parse(JSON.parse(row.screening_json)),
    consents,
    // Absent, not null, when never recorded: a case file from before referral routes exports as it came in.
    ...(row.referral_route === null
      ? {}
      : {
          referral: {
            route: row.referral_route,
            agencyName: row.referral_agency_name,
            agencyRegistrationNumber: row.referral_agency_registration,
            referrer: row.referral_referrer,
          },
        }),
  };
  return {
    id: row.id,
    patient,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    restriction,
  };
}

/** A search result's row as the list shows it. */
export function patientSummaryOf(row: Record<string, unknown>, today: string): PatientSummary {
  const arrival = row.arrival as string;
  const departure = row.departure as string;
  return {
    id: row.id as string,
    nativeName: row.native_name as string,
    latinName: row.latin_name as string,
    birthDate: row.birth_date as string,
    sex: row.sex as PatientSummary['sex'],
    nationality: row.nationality as string,
    languages: JSON.parse(row.languages_json as string) as PatientSummary['languages'],
    phone: row.phone as string | null,
    arrival,
    departure,
    tripStatus: tripStatus({ arrival, departure }, today),
    screeningOpen: row.screening_open as number,
    updatedAt: row.updated_at as string,
    restricted: row.restricted === 1,
  };
}
