// Treatment plans: the contraindication findings of a plan, and placing its sessions inside the stay.
import type { Handlers } from '../../shared/contract';
import { ok } from '../../shared/contract';
import { checkPlan } from '../../shared/domain/rules/check-plan';
import { DEFAULT_CLINIC_HOURS } from '../../shared/domain/schedule/clinic-hours';
import { checkSchedule, schedulePlan } from '../../shared/domain/schedule/schedule-plan';
import { clinicalContent } from '../content/clinical-content';
import type { ServiceContext } from './service-context';

export function createPlanService(_context: ServiceContext) {
  const handlers = {
    getCatalog() {
      return ok(clinicalContent().catalog);
    },

    checkCasePlan({ caseFile }) {
      const { catalog, rules } = clinicalContent();
      const { photos: _photos, ...patient } = caseFile.patient;
      const sessions = caseFile.plan?.items ?? [];
      const findings = [
        ...checkSchedule(patient.trip, sessions, catalog, DEFAULT_CLINIC_HOURS),
        ...checkPlan(patient, sessions, catalog, rules),
      ];
      return ok({ findings });
    },

    scheduleCasePlan({ caseFile }) {
      const { catalog, rules } = clinicalContent();
      const { photos: _photos, ...patient } = caseFile.patient;
      const schedule = schedulePlan(
        { arrival: patient.trip.arrival, departure: patient.trip.departure, items: caseFile.plan?.items ?? [] },
        catalog,
        DEFAULT_CLINIC_HOURS,
      );
      return ok({ ...schedule, findings: [...schedule.findings, ...checkPlan(patient, schedule.sessions, catalog, rules)] });
    },
  } satisfies Pick<Handlers, 'getCatalog' | 'checkCasePlan' | 'scheduleCasePlan'>;
  return handlers;
}
