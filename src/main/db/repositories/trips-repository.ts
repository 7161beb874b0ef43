// The SQL of who lands and who flies home on given days, for Today (the PostgreSQL twin:
// ../postgres/repositories/trips-repository.ts). Both dates have their own index (migration 0001), and SQLite
// answers the OR by a union of the two index ranges, so the query reads only the travellers, whatever the clinic's
// size. Restricted records (a deletion request) are left out, as in the patient list.
import type { Db } from '../open-database';
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';

export interface TravellerRow {
  readonly id: string;
  readonly nativeName: string;
  readonly latinName: string;
  readonly nationality: string;
  readonly languages: readonly LanguageTag[];
  readonly homeTimeZone: string;
  readonly arrival: string;
  readonly departure: string;
}

interface TravellerColumns {
  id: string;
  nativeName: string;
  latinName: string;
  nationality: string;
  languagesJson: string;
  homeTimeZone: string;
  arrival: string;
  departure: string;
}

/** Shared by both back ends, so they never map a row differently. */
export const travellerOf = ({ languagesJson, ...row }: TravellerColumns): TravellerRow => ({
  ...row,
  languages: JSON.parse(languagesJson) as LanguageTag[],
});

export const TRAVELLERS_SQL = `SELECT id, native_name AS nativeName, latin_name AS latinName, nationality,
    languages_json AS languagesJson, home_time_zone AS homeTimeZone, arrival, departure
  FROM patients
  WHERE (arrival BETWEEN :from AND :to OR departure BETWEEN :from AND :to)
    AND seq NOT IN (SELECT patient_seq FROM patient_restrictions)
  ORDER BY latin_name, id`;

export function createTripsRepository(db: Db) {
  const travellers = db.prepare<{ from: string; to: string }, TravellerColumns>(TRAVELLERS_SQL);
  return {
    /** Patients arriving or leaving on a day from `from` to `to` (Korean calendar dates), by passport name. */
    travellingBetween(from: string, to: string): TravellerRow[] {
      return travellers.all({ from, to }).map(travellerOf);
    },
  };
}

export type TripsRepository = ReturnType<typeof createTripsRepository>;
