// Who lands and who flies home on given days, on PostgreSQL (the SQLite twin: ../../repositories/trips-repository.ts).
// The planner combines the arrival and departure indexes with a bitmap OR.
import { travellerOf, type TripsRepository } from '../../repositories/trips-repository';
import type { AsyncOf } from '../../store/async-of';
import type { PgSql } from '../pg-sql';

export const POSTGRES_TRAVELLERS_SQL = `SELECT id, native_name AS "nativeName", latin_name AS "latinName", nationality,
    languages_json AS "languagesJson", home_time_zone AS "homeTimeZone", arrival, departure
  FROM patients
  WHERE (arrival BETWEEN $1 AND $2 OR departure BETWEEN $1 AND $2)
    AND NOT EXISTS (SELECT 1 FROM patient_restrictions r WHERE r.patient_seq = patients.seq)
  ORDER BY latin_name COLLATE "C", id`;

export function createPgTripsRepository(sql: PgSql): AsyncOf<TripsRepository> {
  return {
    async travellingBetween(from, to) {
      const rows = await sql.all<Parameters<typeof travellerOf>[0]>(POSTGRES_TRAVELLERS_SQL, [from, to]);
      return rows.map(travellerOf);
    },
  };
}
