// All SQL about the agencies that refer patients: saved with a version (two coordinators editing one agency cannot
// overwrite each other), archived rather than deleted (commissions name them).
import type { Agency, AgencyInput } from '../../../shared/domain/payments/agency';
import type { Db } from '../open-database';

export interface AgencyRow {
  readonly id: string;
  readonly name: string;
  readonly registration_number: string;
  readonly registration_expires: string;
  readonly contact: string;
  readonly terms_json: string;
  readonly version: number;
  readonly archived_at: string | null;
}

export const AGENCY_COLUMNS = 'id, name, registration_number, registration_expires, contact, terms_json, version, archived_at';

export interface StoredAgency extends Agency {
  readonly archivedAt: string | null;
}

export function agencyOf(row: AgencyRow): StoredAgency {
  return {
    id: row.id,
    name: row.name,
    registrationNumber: row.registration_number,
    registrationExpires: row.registration_expires,
    contact: row.contact,
    terms: JSON.parse(row.terms_json) as Agency['terms'],
    version: row.version,
    archivedAt: row.archived_at,
  };
}

/** An agency's written columns, in the order both dialects' INSERT and UPDATE name them (name, registration
 * number, its expiry, contact, terms), so the two can never write a column differently. */
export const agencyValues = (agency: AgencyInput) =>
  [agency.name, agency.registrationNumber, agency.registrationExpires, agency.contact, JSON.stringify(agency.terms)] as const;

export function createAgenciesRepository(db: Db) {
  const statements = {
    list: db.prepare<[], AgencyRow>(`SELECT ${AGENCY_COLUMNS} FROM agencies ORDER BY archived_at IS NOT NULL, name, id`),
    get: db.prepare<[string], AgencyRow>(`SELECT ${AGENCY_COLUMNS} FROM agencies WHERE id = ?`),
    byRegistration: db.prepare<[string], AgencyRow>(
      `SELECT ${AGENCY_COLUMNS} FROM agencies WHERE registration_number = ? AND archived_at IS NULL`,
    ),
    insert:
      db.prepare(`INSERT INTO agencies (id, name, registration_number, registration_expires, contact, terms_json, version, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`),
    update: db.prepare(`UPDATE agencies SET name = ?, registration_number = ?, registration_expires = ?, contact = ?, terms_json = ?,
      version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND archived_at IS NULL`),
    archive: db.prepare(
      'UPDATE agencies SET archived_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND archived_at IS NULL',
    ),
  };
  return {
    list(): StoredAgency[] {
      return statements.list.all().map(agencyOf);
    },
    get(id: string): StoredAgency | undefined {
      const row = statements.get.get(id);
      return row && agencyOf(row);
    },
    /** The agency in use under a registration number (the intake's referral names one by it). */
    byRegistration(registrationNumber: string): StoredAgency | undefined {
      const row = statements.byRegistration.get(registrationNumber);
      return row && agencyOf(row);
    },
    insert(id: string, agency: AgencyInput, now: string): void {
      statements.insert.run(id, ...agencyValues(agency), now, now);
    },
    /** 'conflict' when someone saved it after `expectedVersion` was read (or it was archived). */
    update(id: string, agency: AgencyInput, expectedVersion: number, now: string): 'saved' | 'conflict' {
      const changed = statements.update.run(...agencyValues(agency), now, id, expectedVersion).changes;
      return changed === 1 ? 'saved' : 'conflict';
    },
    archive(id: string, expectedVersion: number, now: string): 'saved' | 'conflict' {
      return statements.archive.run(now, now, id, expectedVersion).changes === 1 ? 'saved' : 'conflict';
    },
  };
}

export type AgenciesRepository = ReturnType<typeof createAgenciesRepository>;
