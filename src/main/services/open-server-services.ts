// The composition root for a clinic server: the same services over PostgreSQL (docs/clinic-server.md). What is
// the SQLite file's alone stays off: no file backup (the server's IT backs PostgreSQL up with pg_dump or
// pgBackRest), no page check. Photo files are kept on the server, sealed with a key derived from the clinic key
// before they leave this PC; this PC's data folder keeps the audit anchors and the support log.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createPostgresPool, createPostgresStore, connectConfigured } from '../db/postgres/pg-store';
import { migratePostgres } from '../db/postgres/migrate';
import { ServerUnreachableError } from '../db/postgres/server-unreachable';
import { DatabaseTooNewError } from '../db/connect-database';
import { createHandoutPool } from '../handouts/handout-pool';
import { createOfflineDrafts } from '../offline/offline-drafts';
import { runOffThread } from '../jobs/run-off-thread';
import { createPhotoStore } from '../photos/photo-store';
import { stderrAppLog } from '../logging/app-log';
import { logFolderOf, openFileLog } from '../logging/file-log';
import type { AnchorKey } from '../security/anchor-key';
import { serverFieldSeal } from '../security/field-seal';
import { urlWithLogin, type ServerLogin } from '../security/server-login-file';
import { deriveKey, KEY_PURPOSES, type DatabaseKey } from '../security/database-key';
import { ANCHORS_FILE_NAME } from './audit/anchor-file';
import { dispatchOver, type OpenServices } from './open-services';
import { createRightsService } from './rights-service';
import { createServiceContext } from './service-context';

export interface ServerOpenOptions {
  /** libpq URL: postgres://user:password@host:port/db?sslmode=verify-full&sslrootcert=FILE */
  readonly url: string;
  /** This PC's folder: audit anchors, the support log. */
  readonly dataFolder: string;
  /** The clinic key: photos, and the server's sealed columns (security/field-seal.ts), are sealed under keys derived
   * from it before they are written. */
  readonly key: DatabaseKey;
  readonly now?: () => Date;
  readonly handoutWorkers?: boolean;
  /** Build the KHIDI year in a worker thread (the app and the preview): the rows are read here, over the pool. */
  readonly offThreadJobs?: boolean;
  readonly requireSignIn?: boolean;
  readonly anchorKey?: AnchorKey | undefined;
  /** This PC's own database login (security/server-login-file.ts; the desktop app's keychain), used instead of the
   * URL's user and password. Without it the URL's login (or PGPASSWORD, ~/.pgpass) is used, as before logins. */
  readonly login?: ServerLogin;
  /** Connections this door may hold (each transaction takes one). */
  readonly maxConnections?: number;
  /** Which door opens it, for the support log's file name and the diagnostics. */
  readonly door?: string;
  /** The support log in files in this PC's folder (the app, the preview, the CLI); stderr otherwise (tests). */
  readonly logFiles?: boolean;
}

export { ServerUnreachableError } from '../db/postgres/server-unreachable';

/** True for a `--db` that names a PostgreSQL server rather than a file. */
export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value);

export async function openServerServices(options: ServerOpenOptions): Promise<OpenServices<null>> {
  // The password joins the URL in memory only: errors name the server by host, port and database (below).
  const connectTo = options.login ? urlWithLogin(options.url, options.login) : options.url;
  const pool = createPostgresPool(connectTo, options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections });
  try {
    const client = await connectConfigured(pool);
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error instanceof DatabaseTooNewError ? error : new ServerUnreachableError(options.url, error);
  }
  const dataFolder = resolve(options.dataFolder);
  mkdirSync(dataFolder, { recursive: true });
  const workers = options.handoutWorkers ? createHandoutPool() : null;
  const databasePath = join(dataFolder, 'clinic-server');
  const door = options.door ?? 'clinic server';
  const log = options.logFiles ? openFileLog({ folder: logFolderOf(databasePath), door }) : stderrAppLog;
  const context = createServiceContext({
    db: null,
    store: (deps) => createPostgresStore(pool, deps, serverFieldSeal(options.key)),
    // The anchors file and the database-holders registry are keyed by a path: this PC's folder stands for it.
    databasePath,
    log,
    door,
    anchorsPath: join(dataFolder, ANCHORS_FILE_NAME),
    photoStore: createPhotoStore(deriveKey(options.key, KEY_PURPOSES.photos)),
    offlineDrafts: createOfflineDrafts(dataFolder, options.key),
    ...(options.now ? { now: options.now } : {}),
    ...(workers ? { renderHandout: workers.make } : {}),
    ...(options.offThreadJobs
      ? {
          runKhidi: async (request, readRows, onProgress) =>
            runOffThread({ kind: 'khidi', ...request, source: { rows: await readRows() } }, onProgress),
        }
      : {}),
    ...(options.anchorKey ? { anchorKey: options.anchorKey } : {}),
  });
  return {
    ...dispatchOver(context, { requireSignIn: options.requireSignIn ?? false }),
    context,
    // The server is backed up by its IT, not by each PC.
    runScheduledBackup: async () => ({ made: false, reason: 'server', newest: null }),
    anchorAuditLog: (at) => context.anchors.anchorIfDue(at),
    // Under the store's advisory lock: with several PCs, one purges and the others wait, then find nothing due.
    purgeExpiredRecords: (at) => context.store.exclusive(() => createRightsService(context).purgeExpired({ now: at })),
    async close() {
      void workers?.close();
      await context.store.close();
      await log.close();
    },
  };
}
