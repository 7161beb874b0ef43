// The composition root every door uses: open the database and the photo store in a data folder, build the
// handlers, hand back one dispatch function.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backupBeforeMigration, backupFolderFor, runScheduledBackup, type ScheduledBackup } from '../backup/automatic-backups';
import { newestBackupFile } from '../backup/newest-backup';
import { DatabaseDamagedError, describeProblems, isCorruptionError } from '../db/database-damage';
import { registerHolder } from '../db/database-holders';
import { openDatabase, SCHEMA_VERSION, type DatabaseEncryption, type Db } from '../db/open-database';
import { MIGRATIONS, type Migration } from '../db/migrations';
import { encryptLegacyPhotos } from '../photos/encrypt-legacy-photos';
import { createPhotoStore } from '../photos/photo-store';
import { createHandoutPool } from '../handouts/handout-pool';
import { runOffThread } from '../jobs/run-off-thread';
import { deriveKey, KEY_PURPOSES } from '../security/database-key';
import type { AnchorKey } from '../security/anchor-key';
import { ANCHORS_FILE_NAME } from './audit/anchor-file';
import type { AnchorOutcome, AuditAnchors } from './audit/audit-anchoring';
import { createDispatch, typed, type Dispatch, type RawDispatch } from './dispatch';
import { APP_VERSION } from './app-service';
import { createRightsService } from './rights-service';
import { createHandlers } from './handlers';
import { requireSignIn } from './sign-in-gate';
import { clinicSettingsOf } from './plan-service';
import { createServiceContext, type ServiceContext } from './service-context';
import { startDatabaseCheck } from './database-check';
import { stderrLog, type StructuredLog } from '../structured-log';
import { stderrAppLog, type AppLog } from '../logging/app-log';
import { logFolderOf, openFileLog } from '../logging/file-log';
import type { Result } from '../../shared/contract';
import { runInSession, type CoordinatorSession } from './sessions/coordinator-session';
import { noteCall } from './sessions/session-expiry';

export const DATABASE_FILE_NAME = 'clinicdesk.sqlite';
export const PHOTO_FOLDER_NAME = 'clinicdesk-photos';

export interface OpenServices<D extends Db | null = Db> {
  /** Calls in the services' own session: the desktop app's window (one per PC), the CLI. Typed by channel. */
  readonly dispatch: Dispatch;
  /** The same, untyped: for the doors, whose callers' payloads are unknown until parsed (IPC), and the fuzz tests. */
  readonly dispatchRaw: RawDispatch;
  /** Calls in a session of the door's (the preview's, one per browser): its sign-in expires after the clinic's
   * idle time without a call (sessions/session-expiry.ts). */
  dispatchIn(session: CoordinatorSession, channel: string, payload: unknown): Promise<Result<unknown>>;
  readonly context: ServiceContext<D>;
  /** The daily backup, for the door's timer: removes a killed backup's temporary files, and backs up if the newest
   * backup is 24 hours old (README, "Automatic backups"). */
  runScheduledBackup(now: Date): Promise<ScheduledBackup & { readonly anchored?: AnchorOutcome }>;
  /** The daily audit anchor for the same timer (a backup anchors too); refused over a log that no longer matches. */
  anchorAuditLog(now: Date): ReturnType<AuditAnchors['anchorIfDue']>;
  /** Destroys the restricted records whose retention has ended (README, "The patient's rights"), for the same timer. */
  purgeExpiredRecords(now: Date): Promise<{ readonly erased: readonly string[] }>;
  /** Waits for the transaction under way, then closes the database. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The database file; photos are stored in a folder beside it. */
  readonly databasePath: string;
  /** The database key (photos use a key derived from it). 'unencrypted' only for the benchmark's plain baseline. */
  readonly key: DatabaseEncryption;
  /** Who opens it ('desktop app', 'preview', 'command line'): named to a restore that is refused while it runs. */
  readonly door?: string;
  readonly now?: () => Date;
  /** Make handouts in worker threads (the app, the preview and batch CLI runs), off the event loop that serves requests. */
  readonly handoutWorkers?: boolean;
  /** Build the KHIDI year in a worker thread on a read-only connection of its own (the app and the preview), off the
   * event loop that serves the window and the requests. */
  readonly offThreadJobs?: boolean;
  /** The desktop app and the preview: with profiles, nothing but signing in until someone is (sign-in-gate.ts). */
  readonly requireSignIn?: boolean;
  /** Authenticates the audit chain's anchors (security/anchor-key.ts); without it nothing is anchored. */
  readonly anchorKey?: AnchorKey | undefined;
  /** For tests of the backup before migrations: the migrations to open with (all of them by default). */
  readonly migrations?: readonly Migration[];
  /** The app and the preview: PRAGMA quick_check in a worker thread after open (database-check.ts). */
  readonly checkInBackground?: boolean;
  /** Where the database check reports (one JSON line on stderr by default). */
  readonly log?: StructuredLog;
  /** The doors: write the support log (refusals, failures, slow transactions) into clinicdesk-logs beside the
   * database (logging/file-log.ts). Without it failures go to stderr, as in tests. */
  readonly logFiles?: boolean;
  /** For tests: this log instead (it is closed with the services). */
  readonly appLog?: AppLog;
}

export function openServices(options: OpenOptions): OpenServices {
  const databasePath = resolve(options.databasePath);
  mkdirSync(dirname(databasePath), { recursive: true });
  const photoRoot = photoRootOf(databasePath);
  const now = options.now ?? (() => new Date());
  const door = options.door ?? 'ClinicDesk program';
  const appLog = options.appLog ?? (options.logFiles ? openFileLog({ folder: logFolderOf(databasePath), door }) : stderrAppLog);
  const stderrOrGiven = options.log ?? stderrLog;
  // The database check's result goes to the support log too, as its typed facts (its messages name paths).
  const log: StructuredLog = (entry) => {
    stderrOrGiven(entry);
    if (entry.event !== 'database_check') return;
    const { when, result, problems } = entry as { when?: unknown; result?: unknown; problems?: unknown };
    if (
      (when === 'open_after_unclean_shutdown' || when === 'background') &&
      (result === 'ok' || result === 'damaged' || result === 'failed')
    ) {
      appLog.databaseCheck({ when, result, problemCount: Array.isArray(problems) ? problems.length : 0 });
    }
  };
  const key = options.key;
  const newestBackup = (db: Db | null) => newestBackupFile(backupFolderFor(db, databasePath));
  // Registered before the first read and released at close (database-holders.ts), so no restore replaces the files
  // under these services. A registration left by a holder that never closed means its session ended uncleanly.
  const registration = registerHolder(databasePath, { door });
  let db: Db | undefined;
  try {
    db = openDatabase(databasePath, key, options.migrations ?? MIGRATIONS, {
      holder: registration,
      quickCheckFirst: registration.uncleanShutdown,
      newestBackup,
      // A database with a schema that the pending migrations would change is backed up first, as it is.
      ...(key === 'unencrypted' ? {} : { beforeMigration: backupBeforeMigration({ databasePath, photoRoot, key, now }) }),
    });
    return servicesOver(db);
  } catch (error) {
    // The repositories read the schema as they are built: a damaged schema page fails there, said as damage.
    const thrown = isCorruptionError(error)
      ? new DatabaseDamagedError(databasePath, `reading it failed (${(error as Error).message})`, newestBackup(null))
      : error;
    db?.close();
    registration.release();
    void appLog.close();
    throw thrown;
  }

  function servicesOver(db: Db): OpenServices {
    // The plain baseline still encrypts photos (with a throwaway key): the benchmark compares database writes only.
    const photoKey = key === 'unencrypted' ? randomBytes(32) : deriveKey(key, KEY_PURPOSES.photos);
    mkdirSync(photoRoot, { recursive: true });
    encryptLegacyPhotos(photoRoot, photoKey);
    const photoStore = createPhotoStore(photoKey);
    const describeDamage = (problem: string) => new DatabaseDamagedError(databasePath, problem, newestBackup(db)).message;
    const check = startDatabaseCheck({
      databasePath,
      keyHex: key === 'unencrypted' ? null : key.toString('hex'),
      checkedAtOpen: registration.uncleanShutdown,
      background: options.checkInBackground ?? false,
      describeDamage: (problems) => describeDamage(`PRAGMA quick_check found ${describeProblems(problems)}`),
      log,
      now: () => new Date(),
    });
    const pool = options.handoutWorkers ? createHandoutPool() : null;
    const context = createServiceContext({
      db,
      databasePath,
      photoStore,
      photoFolder: photoRoot,
      databaseCheck: check.status,
      ...(options.now ? { now: options.now } : {}),
      ...(pool ? { renderHandout: pool.make } : {}),
      ...(options.offThreadJobs && key !== 'unencrypted'
        ? {
            runKhidi: (request, _readRows, onProgress) =>
              runOffThread(
                { kind: 'khidi', ...request, source: { sqlite: { path: databasePath, keyHex: key.toString('hex') } } },
                onProgress,
              ),
          }
        : {}),
      ...(options.anchorKey ? { anchorKey: options.anchorKey } : {}),
      log: appLog,
      door,
    });
    appLog.opened({ appVersion: APP_VERSION, schemaVersion: SCHEMA_VERSION });
    // A page that fails to read back in any channel: answered with what is damaged and the backup to restore.
    const damaged = (error: unknown): string | null => {
      if (!isCorruptionError(error)) return null;
      const message = describeDamage(`reading it failed (${(error as Error).message})`);
      log({ event: 'database_damaged', databasePath, message });
      return message;
    };
    return {
      ...dispatchOver(context, { requireSignIn: options.requireSignIn ?? false, damaged }),
      context,
      async runScheduledBackup(at) {
        const settings = (await context.store.read((tx) => clinicSettingsOf(tx))).backup;
        // With no transaction open: the backup copies the file as the last commit left it.
        const result = await context.store.exclusive(async () => {
          if (!options.offThreadJobs || key === 'unencrypted')
            return runScheduledBackup({ db, databasePath, photoRoot, key, settings, now: at });
          // The quick check, the snapshot and the sealing in a worker thread, on its own read-only connection: the
          // writes wait for it (exclusive), the window's reads and its event loop do not.
          const done = await runOffThread({
            kind: 'backup',
            databasePath,
            photoRoot,
            keyHex: key.toString('hex'),
            settings,
            now: at.toISOString(),
          });
          if (!done.ok) throw new Error(done.error.message);
          const { threadId: _threadId, ...outcome } = done.value;
          return outcome;
        });
        if (!result.made) return result;
        await context.store.transaction((tx) => tx.audit.record('backup', null));
        // The head after the backup's own entry, beside the database and in the backup folder (which may leave the
        // machine). A failed anchor must not read as a failed backup (the backup is written); the daily anchor retries.
        try {
          return { ...result, anchored: await context.anchors.anchor(at, { copies: [join(dirname(result.file), ANCHORS_FILE_NAME)] }) };
        } catch (error) {
          console.error('ClinicDesk: anchoring the audit log after the backup failed', error);
          appLog.failedOutsideCall('audit_anchor', error);
          return result;
        }
      },
      anchorAuditLog: (at) => context.anchors.anchorIfDue(at),
      purgeExpiredRecords: (at) => createRightsService(context).purgeExpired({ now: at }),
      close() {
        check.stop();
        void pool?.close();
        const finish = () => {
          db.close();
          registration.release();
        };
        // Closed at once when nothing is under way (the usual case, and what a test's clean-up expects); else after
        // the save under way has committed. The log last: it may still be told of that save.
        const drained = context.store.close();
        if (!context.store.busy()) {
          finish();
          return appLog.close();
        }
        return drained.then(finish).then(() => appLog.close());
      },
    };
  }
}

/** The handlers behind the one dispatch, and the same in a door's session (the preview's, one per browser): its
 * sign-in expires after the clinic's idle time without a call (sessions/session-expiry.ts). Both back ends. */
export function dispatchOver(
  context: ServiceContext,
  options: { readonly requireSignIn: boolean; readonly damaged?: (error: unknown) => string | null },
): Pick<OpenServices<Db | null>, 'dispatch' | 'dispatchRaw' | 'dispatchIn'> {
  const handlers = options.requireSignIn ? requireSignIn(createHandlers(context), context) : createHandlers(context);
  // The context's support log: every refused call and error with its channel and reference.
  const dispatch = createDispatch(handlers, context.log, options.damaged);
  return {
    dispatch: typed(dispatch),
    dispatchRaw: dispatch,
    dispatchIn: (session, channel, payload) =>
      runInSession(session, async () => {
        // The idle check first: an expired sign-in is locked before this call is served.
        await noteCall(context, session);
        return dispatch(channel, payload);
      }),
  };
}

/** Photos are kept in a folder beside the database file. */
export function photoRootOf(databasePath: string): string {
  return join(dirname(resolve(databasePath)), PHOTO_FOLDER_NAME);
}

/** --db FILE, else CLINICDESK_DB, else the app's own data folder. */
export function chooseDatabasePath(flag: string | undefined, defaultFolder: string): string {
  return flag ?? process.env.CLINICDESK_DB ?? join(defaultFolder, DATABASE_FILE_NAME);
}
