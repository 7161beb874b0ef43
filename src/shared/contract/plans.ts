// Channels of treatment plans: the catalog, a patient's plan (read, evaluate live, schedule, save), the clinic's
// settings, and checking or scheduling the plan of a case file (the CLI's `plan check` and `plan schedule`).
import { z } from 'zod';
import { channel } from './define-channel';
import type { Catalog } from '../domain/catalog/catalog-schema';
import { caseFileSchema } from '../domain/intake/case-file';
import type { PlanEvaluation } from '../domain/plan/evaluate-plan';
import { planSchema, type Plan } from '../domain/plan/plan-schema';
import type { Finding } from '../domain/rules/check-plan';
import type { Schedule } from '../domain/schedule/schedule-plan';
import { clinicSettingsSchema, type ClinicSettings } from '../domain/settings/clinic-settings';

const patientId = z.uuid('invalid');

export interface PatientPlan {
  readonly plan: Plan;
  /** 0 while the patient has no saved plan. */
  readonly version: number;
  readonly evaluation: PlanEvaluation;
}

export const plansChannels = {
  getCatalog: channel<Catalog>()(z.strictObject({})),
  getPatientPlan: channel<PatientPlan>()(z.strictObject({ patientId })),
  evaluatePatientPlan: channel<PlanEvaluation>()(z.strictObject({ patientId, plan: planSchema })),
  schedulePatientPlan: channel<PatientPlan & { readonly nextVisit: Schedule['nextVisit'] }>()(
    z.strictObject({ patientId, plan: planSchema }),
  ),
  savePatientPlan: channel<PatientPlan>()(
    z.strictObject({ patientId, expectedVersion: z.int('invalid_type').min(0, 'invalid'), plan: planSchema }),
  ),
  getClinicSettings: channel<ClinicSettings>()(z.strictObject({})),
  saveClinicSettings: channel<ClinicSettings>()(z.strictObject({ settings: clinicSettingsSchema })),
  checkCasePlan: channel<{ readonly findings: readonly Finding[] }>()(z.strictObject({ caseFile: caseFileSchema })),
  scheduleCasePlan: channel<Schedule>()(z.strictObject({ caseFile: caseFileSchema })),
};
