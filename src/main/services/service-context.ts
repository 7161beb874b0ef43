// What every service is built from. Tests build one over a temporary database file and a fixed clock.
import { randomUUID } from 'node:crypto';
import type { DatabaseCheckStatus } from '../../shared/contract/app';
import type { Db } from '../db/open-database';
import { stderrAppLog, type AppLog } from '../logging/app-log';
import { createSqliteStore } from '../db/store/sqlite-store';
import type { AuditDeps, Repositories, Store } from '../db/store/store';
import type { PhotoStore } from '../photos/photo-store';
import type { OfflineDrafts } from '../offline/offline-drafts';
import type { HandoutInput } from '../handouts/kinds/handout-input';
import { makeHandout, type HandoutRequest } from '../handouts/make-handout';
import { ok, type Result } from '../../shared/contract';
import type { JobProgress } from '../jobs/job-progress';
import { runKhidiJob, type KhidiJobResult, type KhidiRequest, type KhidiRows } from '../jobs/khidi-job';

/** Makes a handout PDF: in this thread by default, through a worker pool where a door sets one up. */
export type RenderHandout = (input: HandoutInput, request: HandoutRequest) => Promise<Buffer>;

/** Builds the KHIDI year (and its workbook): in this thread by default, in a worker thread where a door that serves
 * a window or requests asks (open-services.ts). `readRows` reads the year through the store, for where the job does
 * not read the file itself. */
export type RunKhidi = (
  request: KhidiRequest,
  readRows: () => Promise<KhidiRows>,
  onProgress?: (progress: JobProgress) => void,
) => Promise<Result<KhidiJobResult>>;

/** The KHIDI job in the calling thread: the same function the worker runs. */
export const runKhidiInThread: RunKhidi = async (request, readRows, onProgress) =>
  ok(await runKhidiJob({ kind: 'khidi', ...request, source: { rows: await readRows() } }, onProgress));
import { createAuditAnchors, type AuditAnchors } from './audit/audit-anchoring';
import { anchorsPathOf } from './audit/anchor-file';
import type { AnchorKey } from '../security/anchor-key';

import { newCoordinatorSession, sessionInScope, type CoordinatorSession } from './sessions/coordinator-session';

export type { CoordinatorSession } from './sessions/coordinator-session';

/** The clinic setting that named the coordinator at this computer before there were profiles: the audit log's
 * fallback when nobody is signed in (the CLI, or a clinic that has not made profiles yet). */
export const COORDINATOR_SETTING = 'coordinator';
/** Who the audit log names when no coordinator is set. */
export const UNKNOWN_COORDINATOR = 'unknown';

export interface ServiceContext<D extends Db | null = Db | null> {
  /** The SQLite file under the store, for what concerns the file itself (backups, page checks); null on the clinic
   * server, whose database its IT backs up and checks. */
  readonly db: D;
  readonly databasePath: string;
  /** Every repository, reached through a transaction: `await context.store.transaction(async (tx) => ...)`. */
  readonly store: Store;
  readonly photoStore: PhotoStore;
  /** On a clinic server, the drafts kept on this PC while the server does not answer; null on a single PC. */
  readonly offlineDrafts: OfflineDrafts | null;
  /** The audit chain's anchors outside the database (README, "Audit log and hardening"). */
  readonly anchors: AuditAnchors;
  /** The session of the call being served (sessions/coordinator-session.ts): the browser's in the preview, else the
   * services' own. Mutable: set by signIn, cleared by signOut and by the idle expiry. */
  readonly session: CoordinatorSession;
  /** The services' own session: the desktop app's window and the CLI use it. */
  readonly ownSession: CoordinatorSession;
  /** The name set for this computer for when nobody is signed in ('' until set). */
  readonly fallbackActor: (tx: Repositories) => Promise<string>;
  /** Who is acting, for the audit log. */
  readonly actor: (tx: Repositories) => Promise<string>;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly renderHandout: RenderHandout;
  readonly runKhidi: RunKhidi;
  /** The check of the database's pages after open (open-services.ts), for getAppInfo. */
  readonly databaseCheck: () => DatabaseCheckStatus;
  /** The support log (logging/app-log.ts): typed entries only, never patient data. */
  readonly log: AppLog;
  /** Which door opened these services ('desktop app', 'preview', 'command line'), for the diagnostics bundle. */
  readonly door: string;
}

export function createServiceContext<D extends Db | null>(options: {
  /** The SQLite file (its store is made here), or null with `store` (the clinic server's). */
  db: D;
  store?: (deps: AuditDeps) => Store;
  databasePath: string;
  photoStore: PhotoStore;
  /** The SQLite file's photo folder, where its store keeps the sealed photo files (none for the clinic server's). */
  photoFolder?: string;
  offlineDrafts?: OfflineDrafts;
  now?: () => Date;
  newId?: () => string;
  renderHandout?: RenderHandout;
  runKhidi?: RunKhidi;
  databaseCheck?: () => DatabaseCheckStatus;
  /** Authenticates the audit anchors; without it nothing is anchored. */
  anchorKey?: AnchorKey;
  /** Where the anchors file is kept (beside the database file by default; a PC's data folder for the server). */
  anchorsPath?: string;
  log?: AppLog;
  door?: string;
}): ServiceContext<D> {
  const now = options.now ?? (() => new Date());
  const ownSession = newCoordinatorSession();
  const current = () => sessionInScope(ownSession);
  // The signed-in coordinator; else the name from the older clinic setting, read at each entry; else "unknown".
  const fallbackActor = async (tx: Repositories) => {
    const name = await tx.plans.getSetting(COORDINATOR_SETTING);
    return typeof name === 'string' ? name.trim() : '';
  };
  const actor = async (tx: Repositories) => current().current?.name ?? ((await fallbackActor(tx)) || UNKNOWN_COORDINATOR);
  const deps: AuditDeps = { now, actor };
  const log = options.log ?? stderrAppLog;
  const store = options.store
    ? options.store(deps)
    : createSqliteStore(options.db!, deps, {
        onSlowTransaction: (transaction) => log.slowTransaction(transaction),
        ...(options.photoFolder === undefined ? {} : { photoFolder: options.photoFolder }),
      });
  return {
    db: options.db,
    databasePath: options.databasePath,
    store,
    photoStore: options.photoStore,
    offlineDrafts: options.offlineDrafts ?? null,
    anchors: createAuditAnchors({ path: options.anchorsPath ?? anchorsPathOf(options.databasePath), key: options.anchorKey, store }),
    get session() {
      return current();
    },
    ownSession,
    actor,
    fallbackActor,
    now,
    newId: options.newId ?? randomUUID,
    renderHandout: options.renderHandout ?? makeHandout,
    runKhidi: options.runKhidi ?? runKhidiInThread,
    databaseCheck: options.databaseCheck ?? (() => ({ state: 'not_run' })),
    log,
    door: options.door ?? 'ClinicDesk program',
  };
}
