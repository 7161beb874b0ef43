// Every repository over one PostgreSQL connection (one transaction's), as the services see them: the same
// asynchronous faces as the SQLite repositories (AsyncOf of each), so `Repositories` is one type for both back ends.
import type { FieldSeal } from '../../security/field-seal';
import type { Repositories } from '../store/store';
import type { PgSql } from './pg-sql';
import { createPgAgenciesRepository } from './repositories/agencies-repository';
import { createPgAuditRepository } from './repositories/audit-repository';
import { createPgCoordinatorsRepository } from './repositories/coordinators-repository';
import { createPgDraftsRepository } from './repositories/drafts-repository';
import { createPgFollowUpsRepository } from './repositories/followups-repository';
import { createPgPatientsRepository } from './repositories/patients-repository';
import { createPgPhotoFilesRepository } from './repositories/photo-files-repository';
import { createPgPaymentsRepository } from './repositories/payments-repository';
import { createPgPhotosRepository } from './repositories/photos-repository';
import { createPgPinAttemptsRepository } from './repositories/pin-attempts-repository';
import { createPgPlanDraftsRepository } from './repositories/plan-drafts-repository';
import { createPgPlansRepository } from './repositories/plans-repository';
import { createPgQuotesRepository } from './repositories/quotes-repository';
import { createPgReportsRepository } from './repositories/reports-repository';
import { createPgRightsRepository } from './repositories/rights-repository';
import { createPgTripsRepository } from './repositories/trips-repository';
import { createPgServerLoginsRepository } from './repositories/server-logins-repository';

export interface PgRepositoriesOptions {
  /** A write transaction: the audit log's head is read under the chain's lock (./repositories/audit-repository.ts). */
  readonly writable: boolean;
  /** Seals the columns no query reads (security/field-seal.ts). */
  readonly seal: FieldSeal;
}

export function createPgRepositories(sql: PgSql, options: PgRepositoriesOptions): Repositories {
  return {
    patients: createPgPatientsRepository(sql, options.seal),
    drafts: createPgDraftsRepository(sql, options.seal),
    planDrafts: createPgPlanDraftsRepository(sql, options.seal),
    photos: createPgPhotosRepository(sql),
    photoFiles: createPgPhotoFilesRepository(sql),
    plans: createPgPlansRepository(sql, options.seal),
    quotes: createPgQuotesRepository(sql),
    payments: createPgPaymentsRepository(sql),
    agencies: createPgAgenciesRepository(sql),
    followUps: createPgFollowUpsRepository(sql, options.seal),
    reports: createPgReportsRepository(sql),
    rights: createPgRightsRepository(sql),
    trips: createPgTripsRepository(sql),
    coordinators: createPgCoordinatorsRepository(sql),
    pinAttempts: createPgPinAttemptsRepository(sql),
    auditLog: createPgAuditRepository(sql, { writable: options.writable }),
    serverLogins: createPgServerLoginsRepository(sql),
  };
}
