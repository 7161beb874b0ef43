// The single PC's back end: the encrypted SQLite file, through today's prepared statements. Transactions are
// serialised on the one connection (serial-lock.ts) and opened with BEGIN IMMEDIATE, so a writer holds the file's
// write lock from its first read (another process, the CLI beside the app, waits on busy_timeout instead of
// failing at COMMIT with a snapshot that went stale). Reads run in a deferred transaction: one snapshot.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { createAuditTrail } from '../../services/audit/audit-trail';
import type { Db } from '../open-database';
import { createAgenciesRepository } from '../repositories/agencies-repository';
import { createAuditRepository } from '../repositories/audit-repository';
import { createCoordinatorsRepository } from '../repositories/coordinators-repository';
import { createDraftsRepository } from '../repositories/drafts-repository';
import { createFollowUpsRepository } from '../repositories/followups-repository';
import { createPatientsRepository } from '../repositories/patients-repository';
import { createPhotoFilesRepository } from '../repositories/photo-files-repository';
import { createPaymentsRepository } from '../repositories/payments-repository';
import { createPhotosRepository } from '../repositories/photos-repository';
import { createPinAttemptsRepository } from '../repositories/pin-attempts-repository';
import { createPlanDraftsRepository } from '../repositories/plan-drafts-repository';
import { createPlansRepository } from '../repositories/plans-repository';
import { createQuotesRepository } from '../repositories/quotes-repository';
import { createReportsRepository } from '../repositories/reports-repository';
import { createRightsRepository } from '../repositories/rights-repository';
import { createTripsRepository } from '../repositories/trips-repository';
import { asyncOf, traceCalls } from './async-of';
import { createSerialLock } from './serial-lock';
import { NestedTransactionError, type AuditDeps, type Repositories, type Store, type Tx } from './store';

/** A transaction over this long is reported (Signal logs its queries over 40 ms): better-sqlite3 blocks the event
 * loop that serves every door while a statement runs. */
export const SLOW_TRANSACTION_MS = 40;

export interface SqliteStoreOptions {
  /** Told of each transaction that held the connection over SLOW_TRANSACTION_MS, with the repository methods it called. */
  readonly onSlowTransaction?: (transaction: {
    readonly kind: 'write' | 'read';
    readonly durationMs: number;
    readonly calls: readonly string[];
  }) => void;
  /** The encrypted photo folder beside the file (the photo files' repository); without it, photo files are refused. */
  readonly photoFolder?: string;
}

export function createSqliteStore(db: Db, deps: AuditDeps, options: SqliteStoreOptions = {}): Store {
  // The open transaction's repository calls, for the slow transaction's report (one transaction runs at a time).
  let calls: string[] = [];
  // Statements are prepared once, when the store is made (a damaged schema page fails here, at open).
  const untraced: Repositories = {
    patients: asyncOf(createPatientsRepository(db)),
    drafts: asyncOf(createDraftsRepository(db)),
    planDrafts: asyncOf(createPlanDraftsRepository(db)),
    photos: asyncOf(createPhotosRepository(db)),
    photoFiles: asyncOf(createPhotoFilesRepository(db, options.photoFolder ?? null)),
    plans: asyncOf(createPlansRepository(db)),
    quotes: asyncOf(createQuotesRepository(db)),
    payments: asyncOf(createPaymentsRepository(db)),
    agencies: asyncOf(createAgenciesRepository(db)),
    followUps: asyncOf(createFollowUpsRepository(db)),
    reports: asyncOf(createReportsRepository(db)),
    rights: asyncOf(createRightsRepository(db)),
    trips: asyncOf(createTripsRepository(db)),
    coordinators: asyncOf(createCoordinatorsRepository(db)),
    pinAttempts: asyncOf(createPinAttemptsRepository(db)),
    auditLog: asyncOf(createAuditRepository(db)),
    serverLogins: null,
  };
  const onSlow = options.onSlowTransaction;
  const repositories = onSlow ? traceCalls(untraced, (name) => void calls.push(name)) : untraced;
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
    return lock
      .run(() =>
        inside.run(true, async () => {
          if (closed) throw new Error('The database is closed.');
          let open = true;
          calls = [];
          const started = performance.now();
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
            const durationMs = performance.now() - started;
            // A report that fails must not turn a committed transaction into a failed call.
            if (onSlow && durationMs > SLOW_TRANSACTION_MS) {
              try {
                onSlow({ kind: readOnly ? 'read' : 'write', durationMs, calls });
              } catch {
                // The log is the one thing that could not be told.
              }
            }
          }
        }),
      )
      .finally(() => {
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
