// Channels of the patient list and the intake record.
import { z } from 'zod';
import { channel } from './define-channel';
import type { Issue } from './issues';
import { patientSchema, type PatientIntake } from '../domain/intake/patient-schema';
import { CSV_ENCODINGS, type CsvEncoding } from '../domain/intake/csv-encodings';
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

/**
 * One file to import: its bytes in base64 (what a door reads from disk; a bookings CSV's encoding is detected, or
 * named in `encoding` when the detector is unsure), or its text already decoded (older callers).
 */
export type ImportSource =
  { readonly name: string; readonly base64: string; readonly encoding?: CsvEncoding } | { readonly name: string; readonly text: string };

/** How a source was read: the encoding its bytes were decoded from, or null when it arrived as text. */
export interface ImportedSource {
  readonly name: string;
  readonly encoding: CsvEncoding | null;
}

export interface ImportProblem {
  readonly source: string;
  /** 1-based line in the source file (the CSV row's line, or 1 for a JSON case file). */
  readonly line: number;
  readonly issues: readonly Issue[];
}

export interface ImportReport {
  readonly imported: readonly { readonly id: string; readonly latinName: string }[];
  readonly sources: readonly ImportedSource[];
}

export const MAX_IMPORT_FILE_BYTES = 20_000_000;

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
          z
            .strictObject({
              name: z.string().min(1, 'required').max(500, 'too_long'),
              base64: z
                .string()
                .max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 4, 'file_too_large')
                .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'invalid')
                .optional(),
              encoding: z.enum(CSV_ENCODINGS, 'invalid_choice').optional(),
              text: z.string().max(MAX_IMPORT_FILE_BYTES, 'file_too_large').optional(),
            })
            .superRefine((source, ctx) => {
              // Bytes or text, exactly one; an encoding only says how to read bytes.
              if ((source.base64 === undefined) === (source.text === undefined)) {
                ctx.addIssue({ code: 'custom', message: source.text === undefined ? 'required' : 'invalid', path: ['base64'] });
              }
              if (source.encoding !== undefined && source.text !== undefined) {
                ctx.addIssue({ code: 'custom', message: 'invalid', path: ['encoding'] });
              }
            }),
        )
        .min(1, 'required')
        .max(1000, 'too_many'),
    }),
  ),
};
