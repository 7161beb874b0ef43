// Channels of the patient list and the intake record.
import { z } from 'zod';
import { channel } from './define-channel';
import type { Issue } from './issues';
import { patientSchema, type PatientIntake } from '../domain/intake/patient-schema';
import { TRIP_STATUSES, type LanguageTag, type Sex, type TripStatus } from '../domain/intake/vocabulary';

export const MAX_SEARCH_RESULTS = 1000;
const patientId = z.uuid('invalid');

export interface PatientSummary {
  readonly id: string;
  readonly nativeName: string;
  readonly latinName: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly nationality: string;
  readonly languages: readonly LanguageTag[];
  readonly phone: string | null;
  readonly arrival: string;
  readonly departure: string;
  readonly tripStatus: TripStatus;
  /** Screening questions still unanswered: later checks must not read them as "no". */
  readonly screeningOpen: number;
  readonly updatedAt: string;
  /** Restricted by a deletion request: read-only, kept until its retention ends (listed only when asked for). */
  readonly restricted: boolean;
}

export interface PatientSearchResult {
  readonly rows: readonly PatientSummary[];
  /** True when more patients matched than `limit`: the list says "refine the search". */
  readonly truncated: boolean;
}

export interface PatientRecord {
  readonly id: string;
  readonly patient: PatientIntake;
  /** Bumped on every save; an update names the version it edited, so two coordinators never overwrite each other. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Set once a deletion request restricted the record (issue 7, part 5); null otherwise. */
  readonly restriction: PatientRestriction | null;
}

export interface PatientRestriction {
  readonly restrictedAt: string;
  /** The last day the record is kept (a calendar date); it is destroyed after it. */
  readonly retentionUntil: string;
}

export interface ImportSource {
  readonly name: string;
  readonly text: string;
}

export interface ImportProblem {
  readonly source: string;
  /** 1-based line in the source file (the CSV row's line, or 1 for a JSON case file). */
  readonly line: number;
  readonly issues: readonly Issue[];
}

export interface ImportReport {
  readonly imported: readonly { readonly id: string; readonly latinName: string }[];
}

export const patientsChannels = {
  searchPatients: channel<PatientSearchResult>()(
    z.strictObject({
      query: z.string().max(200, 'too_long'),
      tripStatus: z.enum(['all', ...TRIP_STATUSES], 'invalid_choice'),
      limit: z.int('invalid_type').min(1, 'invalid').max(MAX_SEARCH_RESULTS, 'too_many'),
      /** List restricted records too (hidden by default). */
      includeRestricted: z.boolean('invalid_type').optional(),
    }),
  ),
  getPatient: channel<PatientRecord>()(z.strictObject({ id: patientId })),
  createPatient: channel<PatientRecord>()(z.strictObject({ patient: patientSchema })),
  updatePatient: channel<PatientRecord>()(
    z.strictObject({ id: patientId, expectedVersion: z.int('invalid_type').min(1, 'invalid'), patient: patientSchema }),
  ),
  exportPatient: channel<{ readonly caseFile: unknown; readonly fileName: string }>()(z.strictObject({ id: patientId })),
  importPatients: channel<ImportReport>()(
    z.strictObject({
      sources: z
        .array(
          z.strictObject({
            name: z.string().min(1, 'required').max(500, 'too_long'),
            text: z.string().max(20_000_000, 'file_too_large'),
          }),
        )
        .min(1, 'required')
        .max(1000, 'too_many'),
    }),
  ),
};
