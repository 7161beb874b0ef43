// Every channel's handler, from the one service that owns it.
import type { Handlers } from '../../shared/contract';
import { createAppService } from './app-service';
import { createAuditService } from './audit-service';
import { createCalendarService } from './calendar-service';
import { createCoordinatorsService } from './coordinators-service';
import { createDraftsService } from './drafts-service';
import { createImportService } from './import-service';
import { createPatientsService } from './patients-service';
import { createPhotosService } from './photos-service';
import { createPlanDraftsService } from './plan-drafts-service';
import { createPlanService } from './plan-service';
import { createFollowUpsService } from './followups-service';
import { createHandoutsService } from './handouts-service';
import { createReportsService } from './reports-service';
import { createRightsService } from './rights-service';
import { createServerLoginsService } from './server-logins-service';
import type { ServiceContext } from './service-context';

export function createHandlers(context: ServiceContext): Handlers {
  return {
    ...createPatientsService(context),
    ...createImportService(context),
    ...createDraftsService(context),
    ...createPhotosService(context),
    ...createAppService(context),
    ...createPlanService(context),
    ...createPlanDraftsService(context),
    ...createFollowUpsService(context),
    ...createCalendarService(context),
    ...createHandoutsService(context),
    ...createReportsService(context),
    ...createAuditService(context),
    ...createCoordinatorsService(context),
    ...createRightsService(context).handlers,
    ...createServerLoginsService(context),
  };
}
