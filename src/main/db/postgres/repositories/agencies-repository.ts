// All SQL about the agencies that refer patients, on PostgreSQL (the SQLite twin: ../../repositories/agencies-repository.ts).
import { AGENCY_COLUMNS, agencyOf, agencyValues, type AgenciesRepository, type AgencyRow } from '../../repositories/agencies-repository';
import type { AsyncOf } from '../../store/async-of';
import type { PgSql } from '../pg-sql';

export function createPgAgenciesRepository(sql: PgSql): AsyncOf<AgenciesRepository> {
  return {
    async list() {
      return (await sql.all<AgencyRow>(`SELECT ${AGENCY_COLUMNS} FROM agencies ORDER BY archived_at IS NOT NULL, name, id`)).map(agencyOf);
    },
    async get(id) {
      const row = await sql.one<AgencyRow>(`SELECT ${AGENCY_COLUMNS} FROM agencies WHERE id = $1`, [id]);
      return row && agencyOf(row);
    },
    async byRegistration(registrationNumber) {
      const row = await sql.one<AgencyRow>(
        `SELECT ${AGENCY_COLUMNS} FROM agencies WHERE registration_number = $1 AND archived_at IS NULL`,
        [registrationNumber],
      );
      return row && agencyOf(row);
    },
    async insert(id, agency, now) {
      await sql.run(
        `INSERT INTO agencies (id, name, registration_number, registration_expires, contact, terms_json, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7)`,
        [id, ...agencyValues(agency), now],
      );
    },
    async update(id, agency, expectedVersion, now) {
      const changed = await sql.run(
        `UPDATE agencies SET name = $1, registration_number = $2, registration_expires = $3, contact = $4, terms_json = $5,
           version = version + 1, updated_at = $6 WHERE id = $7 AND version = $8 AND archived_at IS NULL`,
        [...agencyValues(agency), now, id, expectedVersion],
      );
      return changed === 1 ? 'saved' : 'conflict';
    },
    async archive(id, expectedVersion, now) {
      const changed = await sql.run(
        'UPDATE agencies SET archived_at = $1, version = version + 1, updated_at = $1 WHERE id = $2 AND version = $3 AND archived_at IS NULL',
        [now, id, expectedVersion],
      );
      return changed === 1 ? 'saved' : 'conflict';
    },
  };
}
