// The exchange format `clinicdesk.case/1` (docs/case-format.md): one patient per JSON file. Later versions add
// top-level sections (the treatment-plan issue adds `plan`); a reader refuses a format it does not know.
import { z } from 'zod';
import { planSchema } from '../plan/plan-schema';
import { casePatientSchema, type CasePatient } from './patient-schema';

export const CASE_FORMAT = 'clinicdesk.case/1';

export const caseFileSchema = z.strictObject({
  format: z.literal(CASE_FORMAT, 'unsupported_format'),
  patient: casePatientSchema,
  /** Added by the treatment-plan work; absent in a file that holds only the intake. */
  plan: planSchema.optional(),
});

export type CaseFile = z.output<typeof caseFileSchema>;

export function toCaseFile(patient: CasePatient): CaseFile {
  return { format: CASE_FORMAT, patient };
}
