// What every service is built from. Tests build one over a temporary database file and a fixed clock.
import { randomUUID } from 'node:crypto';
import type { DatabaseCheckStatus } from '../../shared/contract/app';
import type { Db } from '../db/open-database';
import { createDraftsRepository } from '../db/repositories/drafts-repository';
import { createPlanDraftsRepository, type PlanDraftsRepository } from '../db/repositories/plan-drafts-repository';
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
import { createAuditAnchors, type AuditAnchors } from './audit/audit-anchoring';
import { anchorsPathOf } from './audit/anchor-file';
import type { AnchorKey } from '../security/anchor-key';
import { createCoordinatorsRepository } from '../db/repositories/coordinators-repository';
import { createPinAttemptsRepository, type PinAttemptsRepository } from '../db/repositories/pin-attempts-repository';

import { newCoordinatorSession, sessionInScope, type CoordinatorSession } from './sessions/coordinator-session';

export type { CoordinatorSession } from './sessions/coordinator-session';

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
  readonly planDrafts: PlanDraftsRepository;
  readonly photos: ReturnType<typeof createPhotosRepository>;
  readonly plans: ReturnType<typeof createPlansRepository>;
  readonly quotes: ReturnType<typeof createQuotesRepository>;
  readonly followUps: ReturnType<typeof createFollowUpsRepository>;
  readonly reports: ReturnType<typeof createReportsRepository>;
  readonly rights: ReturnType<typeof createRightsRepository>;
  readonly photoStore: PhotoStore;
  readonly audit: AuditTrail;
  /** The audit chain's anchors outside the database (README, "Audit log and hardening"). */
  readonly anchors: AuditAnchors;
  readonly coordinators: ReturnType<typeof createCoordinatorsRepository>;
  readonly pinAttempts: PinAttemptsRepository;
  /** The session of the call being served (sessions/coordinator-session.ts): the browser's in the preview, else the
   * services' own. Mutable: set by signIn, cleared by signOut and by the idle expiry. */
  readonly session: CoordinatorSession;
  /** The services' own session: the desktop app's window and the CLI use it. */
  readonly ownSession: CoordinatorSession;
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
  /** Authenticates the audit anchors; without it nothing is anchored. */
  anchorKey?: AnchorKey;
}): ServiceContext {
  const plans = createPlansRepository(options.db);
  const now = options.now ?? (() => new Date());
  const ownSession = newCoordinatorSession();
  const current = () => sessionInScope(ownSession);
  // The signed-in coordinator; else the name from the older clinic setting, read at each entry; else "unknown".
  const fallbackActor = () => {
    const name = plans.getSetting(COORDINATOR_SETTING);
    return typeof name === 'string' ? name.trim() : '';
  };
  const actor = () => current().current?.name ?? (fallbackActor() || UNKNOWN_COORDINATOR);
  const auditRepository = createAuditRepository(options.db);
  const audit = createAuditTrail({ db: options.db, audit: auditRepository, now, actor });
  return {
    db: options.db,
    databasePath: options.databasePath,
    patients: createPatientsRepository(options.db),
    drafts: createDraftsRepository(options.db),
    planDrafts: createPlanDraftsRepository(options.db),
    photos: createPhotosRepository(options.db),
    plans,
    quotes: createQuotesRepository(options.db),
    followUps: createFollowUpsRepository(options.db),
    reports: createReportsRepository(options.db),
    rights: createRightsRepository(options.db),
    photoStore: options.photoStore,
    audit,
    anchors: createAuditAnchors({ path: anchorsPathOf(options.databasePath), key: options.anchorKey, audit: auditRepository, verifyChain: () => audit.verify() }),
    coordinators: createCoordinatorsRepository(options.db),
    pinAttempts: createPinAttemptsRepository(options.db),
    get session() {
      return current();
    },
    ownSession,
    actor,
    fallbackActor,
    now,
    newId: options.newId ?? randomUUID,
    renderHandout: options.renderHandout ?? makeHandout,
    databaseCheck: options.databaseCheck ?? (() => ({ state: 'not_run' })),
  };
}
