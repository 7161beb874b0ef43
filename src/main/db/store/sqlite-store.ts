// The single PC's back end: the encrypted SQLite file, through today's prepared statements. Transactions are
// serialised on the one connection (serial-lock.ts) and opened with BEGIN IMMEDIATE, so a writer holds the file's
// write lock from its first read (another process, the CLI beside the app, waits on busy_timeout instead of
// failing at COMMIT with a snapshot that went stale). Reads run in a deferred transaction: one snapshot.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createAuditTrail } from '../../services/audit/audit-trail';
import type { Db } from '../open-database';
import { createAuditRepository } from '../repositories/audit-repository';
import { createCoordinatorsRepository } from '../repositories/coordinators-repository';
import { createDraftsRepository } from '../repositories/drafts-repository';
import { createFollowUpsRepository } from '../repositories/followups-repository';
import { createPatientsRepository } from '../repositories/patients-repository';
import { createPhotosRepository } from '../repositories/photos-repository';
import { createPinAttemptsRepository } from '../repositories/pin-attempts-repository';
import { createPlanDraftsRepository } from '../repositories/plan-drafts-repository';
import { createPlansRepository } from '../repositories/plans-repository';
import { createQuotesRepository } from '../repositories/quotes-repository';
import { createReportsRepository } from '../repositories/reports-repository';
import { createRightsRepository } from '../repositories/rights-repository';
import { asyncOf } from './async-of';
import { createSerialLock } from './serial-lock';
import { NestedTransactionError, type AuditDeps, type Repositories, type Store, type Tx } from './store';

export function createSqliteStore(db: Db, deps: AuditDeps): Store {
  // Statements are prepared once, when the store is made (a damaged schema page fails here, at open).
  const repositories: Repositories = {
    patients: asyncOf(createPatientsRepository(db)),
    drafts: asyncOf(createDraftsRepository(db)),
    planDrafts: asyncOf(createPlanDraftsRepository(db)),
    photos: asyncOf(createPhotosRepository(db)),
    plans: asyncOf(createPlansRepository(db)),
    quotes: asyncOf(createQuotesRepository(db)),
    followUps: asyncOf(createFollowUpsRepository(db)),
    reports: asyncOf(createReportsRepository(db)),
    rights: asyncOf(createRightsRepository(db)),
    coordinators: asyncOf(createCoordinatorsRepository(db)),
    pinAttempts: asyncOf(createPinAttemptsRepository(db)),
    auditLog: asyncOf(createAuditRepository(db)),
  };
  const lock = createSerialLock();
  const inside = new AsyncLocalStorage<true>();
  let closed = false;
  let pending = 0;

  const txOf = (readOnly: boolean, isOpen: () => boolean): Tx => ({
    ...repositories,
    readOnly,
    audit: createAuditTrail({
      audit: repositories.auditLog,
      canWrite: () => !readOnly && isOpen() && db.inTransaction,
      now: deps.now,
      actor: () => deps.actor(repositories),
    }),
  });

  async function run<T>(begin: 'BEGIN IMMEDIATE' | 'BEGIN', readOnly: boolean, work: (tx: Tx) => Promise<T>): Promise<T> {
    if (inside.getStore()) throw new NestedTransactionError();
    if (closed) throw new Error('The database is closed.');
    pending += 1;
    return lock.run(() =>
      inside.run(true, async () => {
        if (closed) throw new Error('The database is closed.');
        let open = true;
        db.exec(begin);
        try {
          const result = await work(txOf(readOnly, () => open));
          // A read commits too: it only ends the snapshot.
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        } finally {
          open = false;
        }
      }),
    ).finally(() => {
      pending -= 1;
    });
  }

  return {
    backend: 'sqlite',
    transaction: (work) => run('BEGIN IMMEDIATE', false, work),
    read: (work) => run('BEGIN', true, work),
    exclusive(work) {
      if (inside.getStore()) return Promise.reject(new NestedTransactionError());
      return lock.run(() => inside.run(true, work));
    },
    busy: () => pending > 0,
    close() {
      // The caller closes the connection once the work under way is done (open-services.ts owns it).
      closed = true;
      return lock.run(async () => undefined);
    },
  };
}
