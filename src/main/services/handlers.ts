// Every channel's handler, from the one service that owns it.
import type { Handlers } from '../../shared/contract';
import { createAppService } from './app-service';
import { createAuditService } from './audit-service';
import { createCalendarService } from './calendar-service';
import { createCoordinatorsService } from './coordinators-service';
import { createDraftsService } from './drafts-service';
import { createImportService } from './import-service';
import { createOfflineDraftsService, keepTypingWhileUnreachable } from './offline-drafts-service';
import { createPatientsService } from './patients-service';
import { createPaymentsService } from './payments-service';
import { createPhotosService } from './photos-service';
import { createPlanDraftsService } from './plan-drafts-service';
import { createPlanService } from './plan-service';
import { createReceiptsService } from './receipts-service';
import { createFollowUpsService } from './followups-service';
import { createHandoutsService } from './handouts-service';
import { createReportsService } from './reports-service';
import { createRightsService } from './rights-service';
import { createTodayService } from './today-service';
import { createServerLoginsService } from './server-logins-service';
import type { ServiceContext } from './service-context';

export function createHandlers(context: ServiceContext): Handlers {
  const patients = createPatientsService(context);
  const drafts = createDraftsService(context);
  const intake = { saveDraft: drafts.saveDraft, createPatient: patients.createPatient, updatePatient: patients.updatePatient };
  return {
    ...patients,
    ...drafts,
    // On a clinic server: the intake's typing kept on the PC while the server does not answer.
    ...keepTypingWhileUnreachable(intake, context),
    ...createOfflineDraftsService(context, intake),
    ...createImportService(context),
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
    ...createTodayService(context),
    ...createPaymentsService(context),
    ...createReceiptsService(context),
    ...createServerLoginsService(context),
  };
}
