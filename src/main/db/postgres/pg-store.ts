// The clinic server's back end: PostgreSQL through a `pg` pool. Each transaction takes a connection of its own, so
// transactions of one door run side by side (the server orders them). Writes run READ COMMITTED: the repositories'
// own checks keep concurrent saves correct (a versioned UPDATE that changed no row is a conflict, create-if-absent
// with ON CONFLICT, the audit chain and quote numbers under transaction-scoped advisory locks; docs/store.md).
// Reads run REPEATABLE READ READ ONLY: one snapshot, as SQLite's deferred read transaction gives.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg, { type Pool, type PoolClient } from 'pg';
import { createAuditTrail } from '../../services/audit/audit-trail';
import type { FieldSeal } from '../../security/field-seal';
import { stderrLog, type StructuredLog } from '../../structured-log';
import { NestedTransactionError, type AuditDeps, type Store, type Tx } from '../store/store';
import { migratePostgres, type MigratePostgresOptions } from './migrate';
import { createPgRepositories } from './pg-repositories';
import { pgSql, type PgSql } from './pg-sql';
import { isConnectionFailure, ServerUnreachableError } from './server-unreachable';

/** pg_advisory_lock(bigint) of the scheduled work (backup, anchor, retention purge): one instance at a time across
 * the clinic's PCs. The one-bigint key space does not overlap the two-integer one of the repositories' locks. */
const SCHEDULED_WORK_LOCK = 0x636c696e; // "clin"

const BEGIN_WRITE = 'BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE';
const BEGIN_READ = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** Set on every new connection. The prototype measured both adding hundreds of milliseconds to the name search
 * (STORE-NOTES, "Search"): JIT compiling a query that runs in milliseconds, and parallel workers started for it. */
export const SESSION_SETTINGS_SQL = 'SET jit = off; SET max_parallel_workers_per_gather = 0';

/** A query made through a transaction's repositories after the transaction ended: its connection may already
 * serve another transaction, so the query is refused rather than run there. */
export class TransactionOverError extends Error {
  constructor() {
    super('A query was made through a store transaction that has already ended.');
  }
}

/** `seal`: what no query reads is sealed before it leaves this PC (security/field-seal.ts). */
export function createPostgresStore(pool: Pool, deps: AuditDeps, seal: FieldSeal): Store {
  const inside = new AsyncLocalStorage<true>();
  const inExclusive = new AsyncLocalStorage<true>();
  let pending = 0;
  let closing: Promise<void> | null = null;

  const txOf = (client: PoolClient, readOnly: boolean, isOpen: () => boolean): Tx => {
    const repositories = createPgRepositories(whileOpen(pgSql(client), isOpen), { writable: !readOnly, seal });
    return {
      ...repositories,
      readOnly,
      audit: createAuditTrail({
        audit: repositories.auditLog,
        canWrite: () => !readOnly && isOpen(),
        now: deps.now,
        actor: () => deps.actor(repositories),
      }),
    };
  };

  /** A lost connection is one typed error, whichever query met it: the services say `unreachable` and keep the
   * coordinator's typing on the PC. A save cut off at its COMMIT may still have landed on the server. */
  const unreachable = (error: unknown): unknown =>
    !(error instanceof ServerUnreachableError) && isConnectionFailure(error)
      ? new ServerUnreachableError(pool.options.connectionString ?? '', error, 'call')
      : error;

  async function run<T>(begin: string, readOnly: boolean, work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await runOnce(begin, readOnly, work);
    } catch (error) {
      throw unreachable(error);
    }
  }

  async function runOnce<T>(begin: string, readOnly: boolean, work: (tx: Tx) => Promise<T>): Promise<T> {
    if (inside.getStore()) throw new NestedTransactionError();
    if (closing) throw new Error('The database connection is closed.');
    pending += 1;
    try {
      const client = await connectConfigured(pool);
      let open = true;
      // A connection whose transaction could not be ended cleanly is dropped, not handed to the next caller.
      let broken: Error | undefined;
      try {
        return await inside.run(true, async () => {
          await client.query(begin).catch((error: Error) => {
            broken = error;
            throw error;
          });
          try {
            const result = await work(txOf(client, readOnly, () => open));
            await client.query('COMMIT');
            return result;
          } catch (error) {
            // After a failed COMMIT the transaction is already over; ROLLBACK then only warns.
            await client.query('ROLLBACK').catch((rollbackError: Error) => {
              broken = rollbackError;
            });
            throw error;
          }
        });
      } finally {
        open = false;
        client.release(broken);
      }
    } finally {
      pending -= 1;
    }
  }

  return {
    backend: 'postgres',
    transaction: (work) => run(BEGIN_WRITE, false, work),
    read: (work) => run(BEGIN_READ, true, work),
    async exclusive(work) {
      // Inside a transaction it would hold that transaction's connection while it waits; inside another exclusive()
      // it would wait, on a second connection, for the lock its caller holds: both refused at once.
      if (inside.getStore() || inExclusive.getStore()) throw new NestedTransactionError();
      if (closing) throw new Error('The database connection is closed.');
      pending += 1;
      try {
        const client = await connectConfigured(pool).catch((error: unknown) => {
          throw unreachable(error);
        });
        let broken: Error | undefined;
        try {
          // A session lock on a connection held for the whole work: a second PC's scheduled work waits here, then
          // runs, and finds the work done (it checks what is due under the lock, as the backup's timer does). The
          // work opens its own transactions (on other connections): the lock is not a transaction.
          await client.query('SELECT pg_advisory_lock($1)', [SCHEDULED_WORK_LOCK]);
          try {
            return await inExclusive.run(true, work);
          } finally {
            await client.query('SELECT pg_advisory_unlock($1)', [SCHEDULED_WORK_LOCK]).catch((error: Error) => {
              // Dropping the connection ends its session, and the lock with it.
              broken = error;
            });
          }
        } finally {
          client.release(broken);
        }
      } finally {
        pending -= 1;
      }
    },
    busy: () => pending > 0,
    close() {
      // pool.end() waits for the connections in use to be released: the work under way finishes first.
      closing ??= pool.end();
      return closing;
    },
  };
}

/** The transaction's queries, refused once it has ended. */
function whileOpen(sql: PgSql, isOpen: () => boolean): PgSql {
  const check = () => {
    if (!isOpen()) throw new TransactionOverError();
  };
  return {
    all: async (text, values) => (check(), sql.all(text, values)),
    one: async (text, values) => (check(), sql.one(text, values)),
    run: async (text, values) => (check(), sql.run(text, values)),
  };
}

export interface OpenPostgresStoreOptions extends AuditDeps {
  readonly seal: FieldSeal;
  /** Connections of this door's pool; 10 by default (pg's own default). */
  readonly maxConnections?: number;
  /** Passed to the migration runner (a backup before migrating an older schema, a prefix in tests). */
  readonly migrate?: MigratePostgresOptions;
  /** Where a connection's trouble outside any call is reported (an idle connection dropped by the server). */
  readonly log?: StructuredLog;
}

/**
 * Connects to the clinic server's database at `url` (a postgres:// URL; TLS from its sslmode and sslrootcert, which
 * pg's connection-string parser reads, the CA file included), brings its schema up to date and returns the store.
 * A database of a newer app, or one the schema cannot serve, is refused before anything is written (migrate.ts).
 */
export async function openPostgresStore(url: string, options: OpenPostgresStoreOptions): Promise<Store> {
  const pool = createPostgresPool(url, options);
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client, options.migrate);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return createPostgresStore(pool, { now: options.now, actor: options.actor }, options.seal);
}

/** The pool of openPostgresStore: TLS from the URL's sslmode and sslrootcert. */
export function createPostgresPool(url: string, options: Pick<OpenPostgresStoreOptions, 'maxConnections' | 'log'> = {}): Pool {
  const log = options.log ?? stderrLog;
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, application_name: 'ClinicDesk' });
  // An idle connection's error (the server restarted) would otherwise be an unhandled 'error' event: the pool drops
  // that connection and opens another on the next call.
  pool.on('error', (error) => log({ event: 'postgres_connection_error', message: error.message }));
  return pool;
}

const configured = new WeakSet<PoolClient>();

/**
 * A connection of the pool with SESSION_SETTINGS_SQL applied: once, awaited, the first time the pool hands it out
 * (the pool reuses the same client object for the connection's life). Not in the pool's 'connect' event: its
 * handler cannot be awaited, so the settings would rely on pg queueing them ahead of the caller's first query, a
 * behaviour pg deprecates; here a failure is the caller's error, and the connection is dropped.
 */
export async function connectConfigured(pool: Pool): Promise<PoolClient> {
  const client = await pool.connect();
  if (!configured.has(client)) {
    try {
      await client.query(SESSION_SETTINGS_SQL);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    configured.add(client);
  }
  return client;
}
