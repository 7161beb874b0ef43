// One store, two back ends (the encrypted SQLite file of a single PC, PostgreSQL for a clinic server): the services
// reach every repository through a transaction of the store, and await them, whichever back end answers.
// docs/store.md says why there is no query builder and how the two back ends differ.
import type { AuditTrail } from '../../services/audit/audit-trail';
import type { AgenciesRepository } from '../repositories/agencies-repository';
import type { AuditRepository } from '../repositories/audit-repository';
import type { CoordinatorsRepository } from '../repositories/coordinators-repository';
import type { DraftsRepository } from '../repositories/drafts-repository';
import type { FollowUpsRepository } from '../repositories/followups-repository';
import type { PatientsRepository } from '../repositories/patients-repository';
import type { PhotoFilesRepository } from '../repositories/photo-files-repository';
import type { PaymentsRepository } from '../repositories/payments-repository';
import type { PhotosRepository } from '../repositories/photos-repository';
import type { PinAttemptsRepository } from '../repositories/pin-attempts-repository';
import type { PlanDraftsRepository } from '../repositories/plan-drafts-repository';
import type { PlansRepository } from '../repositories/plans-repository';
import type { QuotesRepository } from '../repositories/quotes-repository';
import type { ReportsRepository } from '../repositories/reports-repository';
import type { RightsRepository } from '../repositories/rights-repository';
import type { TripsRepository } from '../repositories/trips-repository';
import type { ServerLoginsRepository } from '../postgres/repositories/server-logins-repository';
import type { AsyncOf } from './async-of';

export type StoreBackend = 'sqlite' | 'postgres';

/** Every repository, as the services see it: asynchronous, bound to one transaction. */
export interface Repositories {
  readonly patients: AsyncOf<PatientsRepository>;
  readonly drafts: AsyncOf<DraftsRepository>;
  readonly planDrafts: AsyncOf<PlanDraftsRepository>;
  readonly photos: AsyncOf<PhotosRepository>;
  /** The sealed photo files: the photo folder on a single PC, a table on the clinic server. */
  readonly photoFiles: AsyncOf<PhotoFilesRepository>;
  readonly plans: AsyncOf<PlansRepository>;
  readonly quotes: AsyncOf<QuotesRepository>;
  readonly payments: AsyncOf<PaymentsRepository>;
  readonly agencies: AsyncOf<AgenciesRepository>;
  readonly followUps: AsyncOf<FollowUpsRepository>;
  readonly reports: AsyncOf<ReportsRepository>;
  readonly rights: AsyncOf<RightsRepository>;
  readonly trips: AsyncOf<TripsRepository>;
  readonly coordinators: AsyncOf<CoordinatorsRepository>;
  readonly pinAttempts: AsyncOf<PinAttemptsRepository>;
  readonly auditLog: AsyncOf<AuditRepository>;
  /** The clinic server's database logins; null on a SQLite file, which has none. */
  readonly serverLogins: ServerLoginsRepository | null;
}

/** A transaction: its repositories, and the audit trail that writes inside it (a change is never saved without its
 * entry, nor an entry without its change). */
export interface Tx extends Repositories {
  readonly audit: AuditTrail;
  /** True for a read: the audit trail refuses to write in one. */
  readonly readOnly: boolean;
}

export interface Store {
  readonly backend: StoreBackend;
  /** Runs `work` in one write transaction: committed when it resolves, rolled back when it throws. Transactions do
   * not nest: a service that already holds `tx` passes it down. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work` over one consistent snapshot, writing nothing. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work` while no transaction of this store is open and none can start: the SQLite file's backup (VACUUM
   * cannot run inside a transaction); on PostgreSQL, under an advisory lock, so one instance of the scheduled work
   * (backup, anchor, retention purge) runs at a time across the clinic's PCs. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** A transaction is under way or waiting: closing now would wait for it. */
  busy(): boolean;
  /** Refuses new work at once and resolves when the work under way has finished. */
  close(): Promise<void>;
}

/** What the audit trail of each transaction needs from the services: the clock and who is acting. */
export interface AuditDeps {
  readonly now: () => Date;
  /** The signed-in coordinator, else the computer's fallback name (a setting read through `repositories`). */
  readonly actor: (repositories: Repositories) => Promise<string>;
}

/** A nested transaction on the same store would wait for itself (SQLite) or run apart from its caller's
 * (PostgreSQL): refused at once, naming the mistake. */
export class NestedTransactionError extends Error {
  constructor() {
    super('A store transaction was opened inside another one: pass the open transaction down instead.');
  }
}
