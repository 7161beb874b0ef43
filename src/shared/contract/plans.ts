// Channels of treatment plans: checking and scheduling a plan of a case file (the CLI's `plan check` and
// `plan schedule`), and the catalog the plan screen picks from.
import { z } from 'zod';
import { channel } from './define-channel';
import type { Catalog } from '../domain/catalog/catalog-schema';
import { caseFileSchema } from '../domain/intake/case-file';
import type { Finding } from '../domain/rules/check-plan';
import type { Schedule } from '../domain/schedule/schedule-plan';

export const plansChannels = {
  getCatalog: channel<Catalog>()(z.strictObject({})),
  checkCasePlan: channel<{ readonly findings: readonly Finding[] }>()(z.strictObject({ caseFile: caseFileSchema })),
  scheduleCasePlan: channel<Schedule>()(z.strictObject({ caseFile: caseFileSchema })),
};
