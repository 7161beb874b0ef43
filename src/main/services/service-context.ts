// What every service is built from. Tests build one over a temporary database file and a fixed clock.
import { randomUUID } from 'node:crypto';
import type { DatabaseCheckStatus } from '../../shared/contract/app';
import type { Db } from '../db/open-database';
import { createDraftsRepository } from '../db/repositories/drafts-repository';
import { createPatientsRepository } from '../db/repositories/patients-repository';
import { createPhotosRepository } from '../db/repositories/photos-repository';
import { createPlansRepository } from '../db/repositories/plans-repository';
import { createQuotesRepository } from '../db/repositories/quotes-repository';
import { createFollowUpsRepository } from '../db/repositories/followups-repository';
import { createReportsRepository } from '../db/repositories/reports-repository';
import { createRightsRepository } from '../db/repositories/rights-repository';
import type { PhotoStore } from '../photos/photo-store';
import type { HandoutInput } from '../handouts/kinds/handout-input';
import { makeHandout, type HandoutRequest } from '../handouts/make-handout';

/** Makes a handout PDF: in this thread by default, through a worker pool where a door sets one up. */
export type RenderHandout = (input: HandoutInput, request: HandoutRequest) => Promise<Buffer>;
import { createAuditRepository } from '../db/repositories/audit-repository';
import { createAuditTrail, type AuditTrail } from './audit/audit-trail';
import { createCoordinatorsRepository } from '../db/repositories/coordinators-repository';
import { createPinAttemptsRepository, type PinAttemptsRepository } from '../db/repositories/pin-attempts-repository';

/** Who is signed in through this door connection (coordinators-service.ts); null when nobody is. */
export interface CoordinatorSession {
  current: { readonly id: string; readonly name: string } | null;
}

/** The clinic setting that named the coordinator at this computer before there were profiles: the audit log's
 * fallback when nobody is signed in (the CLI, or a clinic that has not made profiles yet). */
export const COORDINATOR_SETTING = 'coordinator';
/** Who the audit log names when no coordinator is set. */
export const UNKNOWN_COORDINATOR = 'unknown';

export interface ServiceContext {
  readonly db: Db;
  readonly databasePath: string;
  readonly patients: ReturnType<typeof createPatientsRepository>;
  readonly drafts: ReturnType<typeof createDraftsRepository>;
  readonly photos: ReturnType<typeof createPhotosRepository>;
  readonly plans: ReturnType<typeof createPlansRepository>;
  readonly quotes: ReturnType<typeof createQuotesRepository>;
  readonly followUps: ReturnType<typeof createFollowUpsRepository>;
  readonly reports: ReturnType<typeof createReportsRepository>;
  readonly rights: ReturnType<typeof createRightsRepository>;
  readonly photoStore: PhotoStore;
  readonly audit: AuditTrail;
  readonly coordinators: ReturnType<typeof createCoordinatorsRepository>;
  readonly pinAttempts: PinAttemptsRepository;
  /** Mutable: set by signIn, cleared by signOut. One per opened set of services, so one per door connection. */
  readonly session: CoordinatorSession;
  /** The name set for this computer for when nobody is signed in ('' until set). */
  readonly fallbackActor: () => string;
  /** Who is acting, for the audit log. */
  readonly actor: () => string;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly renderHandout: RenderHandout;
  /** The check of the database's pages after open (open-services.ts), for getAppInfo. */
  readonly databaseCheck: () => DatabaseCheckStatus;
}

export function createServiceContext(options: {
  db: Db;
  databasePath: string;
  photoStore: PhotoStore;
  now?: () => Date;
  newId?: () => string;
  renderHandout?: RenderHandout;
  databaseCheck?: () => DatabaseCheckStatus;
}): ServiceContext {
  const plans = createPlansRepository(options.db);
  const now = options.now ?? (() => new Date());
  const session: CoordinatorSession = { current: null };
  // The signed-in coordinator; else the name from the older clinic setting, read at each entry; else "unknown".
  const fallbackActor = () => {
    const name = plans.getSetting(COORDINATOR_SETTING);
    return typeof name === 'string' ? name.trim() : '';
  };
  const actor = () => session.current?.name ?? (fallbackActor() || UNKNOWN_COORDINATOR);
  return {
    db: options.db,
    databasePath: options.databasePath,
    patients: createPatientsRepository(options.db),
    drafts: createDraftsRepository(options.db),
    photos: createPhotosRepository(options.db),
    plans,
    quotes: createQuotesRepository(options.db),
    followUps: createFollowUpsRepository(options.db),
    reports: createReportsRepository(options.db),
    rights: createRightsRepository(options.db),
    photoStore: options.photoStore,
    audit: createAuditTrail({ db: options.db, audit: createAuditRepository(options.db), now, actor }),
    coordinators: createCoordinatorsRepository(options.db),
    pinAttempts: createPinAttemptsRepository(options.db),
    session,
    actor,
    fallbackActor,
    now,
    newId: options.newId ?? randomUUID,
    renderHandout: options.renderHandout ?? makeHandout,
    databaseCheck: options.databaseCheck ?? (() => ({ state: 'not_run' })),
  };
}
