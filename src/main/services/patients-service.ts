// The patient record: search, open, create, update, export as a case file.
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok, type Issue } from '../../shared/contract';
import { changedPaths } from '../../shared/domain/audit/changed-paths';
import { toCaseFile, type CaseFile } from '../../shared/domain/intake/case-file';
import { planSchema } from '../../shared/domain/plan/plan-schema';
import { sensitiveDataConsentWithdrawn } from '../../shared/domain/rights/patient-rights';
import { CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import type { CasePatient, PatientIntake } from '../../shared/domain/intake/patient-schema';
import { searchNeedle } from '../../shared/domain/intake/search-text';
import type { Repositories } from '../db/store/store';
import type { ServiceContext } from './service-context';

/** Checks that need today's date, which the schema (pure, clock-free) cannot make. */
export function checkAgainstToday(patient: PatientIntake, today: string, prefix: readonly (string | number)[] = []): Issue[] {
  const issues: Issue[] = [];
  if (patient.birthDate > today) issues.push(issue([...prefix, 'birthDate'], 'date_in_future'));
  return issues;
}

export function clinicToday(context: ServiceContext): string {
  return todayIn(CLINIC_TIME_ZONE, context.now());
}

export async function casePatientOf(tx: Repositories, patient: PatientIntake, id: string): Promise<CasePatient> {
  const seq = await tx.patients.seqOf(id);
  const photos = seq === undefined ? [] : await tx.photos.listByPatient(seq);
  return {
    ...patient,
    id,
    photos: photos.map(({ visitDate, angle, sha256, mediaType }) => ({ visitDate, angle, sha256, mediaType })),
  };
}

/** The patient's clinicdesk.case/1 file: the intake, its photo references and the saved plan, if any. */
export async function caseFileOf(tx: Repositories, patient: PatientIntake, id: string): Promise<CaseFile> {
  const seq = await tx.patients.seqOf(id);
  const stored = seq === undefined ? undefined : await tx.plans.get(seq);
  const caseFile = toCaseFile(await casePatientOf(tx, patient, id));
  return stored ? { ...caseFile, plan: planSchema.parse(stored.plan) } : caseFile;
}

/** Refuses a change to a record restricted by a deletion request, naming the field of the request. */
export async function refuseIfRestricted(tx: Repositories, patientId: string, path: readonly (string | number)[]) {
  const seq = await tx.patients.seqOf(patientId);
  if (seq === undefined || !(await tx.rights.isRestricted(seq))) return null;
  return fail('record_restricted', 'This record is restricted by a deletion request: read-only until its retention ends.', [
    issue(path, 'record_restricted'),
  ]);
}

/** Refuses new processing (plans, handouts) of a patient who withdrew consent to the processing of health data. */
export function refuseIfConsentWithdrawn(patient: PatientIntake, path: readonly (string | number)[]) {
  if (!sensitiveDataConsentWithdrawn(patient.consents)) return null;
  return fail('consent_withdrawn', 'The patient withdrew consent to the processing of health data.', [issue(path, 'consent_withdrawn')]);
}

/** "maria-garcia-0389e218": the Latin name in plain ASCII and the start of the id, for file names. */
export function patientFileStem(patient: PatientIntake, id: string): string {
  const name = patient.names.latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-');
  return `${name.replace(/^-|-$/g, '').toLowerCase() || 'patient'}-${id.slice(0, 8)}`;
}

export function caseFileName(patient: PatientIntake, id: string): string {
  return `${patientFileStem(patient, id)}.clinicdesk.json`;
}

export function createPatientsService(context: ServiceContext) {
  const timestamp = () => context.now().toISOString();

  const handlers = {
    async searchPatients(input) {
      const rows = await context.store.read((tx) =>
        tx.patients.search({
          needle: searchNeedle(input.query),
          tripStatus: input.tripStatus,
          today: clinicToday(context),
          limit: input.limit,
          includeRestricted: input.includeRestricted === true,
        }),
      );
      return ok({ rows: rows.slice(0, input.limit), truncated: rows.length > input.limit });
    },

    async getPatient(input) {
      // Opening a record is logged (PIPA access log), in the same transaction as the read.
      const record = await context.store.transaction(async (tx) => {
        const found = await tx.patients.get(input.id);
        if (found) await tx.audit.record('patient.open', input.id);
        return found;
      });
      return record ? ok(record) : fail('not_found', `No patient with id ${input.id}.`);
    },

    async createPatient(input) {
      const problems = checkAgainstToday(input.patient, clinicToday(context), ['patient']);
      if (problems.length > 0) return invalid(problems);
      const id = input.patient.id ?? context.newId();
      const patient = { ...input.patient, id };
      // Whether the id is taken is asked inside the transaction that inserts it: two PCs importing the same case
      // file at once get one patient and one refusal.
      const created = await context.store.transaction(async (tx) => {
        if ((await tx.patients.seqOf(id)) !== undefined) return null;
        await tx.patients.insert(id, patient, timestamp());
        await tx.audit.record('patient.create', id);
        return (await tx.patients.get(id))!;
      });
      return created ? ok(created) : invalid([issue(['patient', 'id'], 'already_exists')]);
    },

    async updatePatient(input) {
      const problems = checkAgainstToday(input.patient, clinicToday(context), ['patient']);
      if (problems.length > 0) return invalid(problems);
      const patient = { ...input.patient, id: input.id };
      return context.store.transaction(async (tx) => {
        const restricted = await refuseIfRestricted(tx, input.id, ['id']);
        if (restricted) return restricted;
        const before = await tx.patients.get(input.id);
        const updated = await tx.patients.update(input.id, input.expectedVersion, patient, timestamp());
        if (updated === 'not_found') return fail('not_found', `No patient with id ${input.id}.`);
        if (updated === 'conflict') {
          return fail('conflict', 'This record was saved elsewhere after you opened it. Your edits are kept as a draft.');
        }
        const after = (await tx.patients.get(input.id))!;
        // Which fields changed, compared as stored before and after (never the values).
        await tx.audit.record('patient.update', input.id, changedPaths(before?.patient, after.patient));
        return ok(after);
      });
    },

    async exportPatient(input) {
      return context.store.transaction(async (tx) => {
        const record = await tx.patients.get(input.id);
        if (!record) return fail('not_found', `No patient with id ${input.id}.`);
        await tx.audit.record('export', input.id, ['case-file']);
        return ok({ caseFile: await caseFileOf(tx, record.patient, record.id), fileName: caseFileName(record.patient, record.id) });
      });
    },
  } satisfies Pick<Handlers, 'searchPatients' | 'getPatient' | 'createPatient' | 'updatePatient' | 'exportPatient'>;

  return handlers;
}
