// Importing patients from case files (JSON) and agency bookings (CSV). All or nothing: every file and row is
// checked first, every problem is reported with its file, line and field, and only a clean batch is written, in
// one transaction.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Handlers, ParsedInputOf } from '../../shared/contract';
import type { ImportedSource } from '../../shared/contract/patients';
import { invalid, issue, ok, type Issue } from '../../shared/contract';
import { toIssues } from '../../shared/contract/zod-issues';
import { AGENCY_CSV_COLUMNS, bookingToIntake, columnOfField, delimiterOf, type AgencyCsvRow } from '../../shared/domain/intake/agency-csv';
import { caseFileSchema } from '../../shared/domain/intake/case-file';
import { patientSchema, type CasePatient, type PatientIntake } from '../../shared/domain/intake/patient-schema';
import { decodeBookings } from './import/decode-bookings';
import { checkAgainstToday, clinicToday } from './patients-service';
import type { ServiceContext } from './service-context';

interface Candidate {
  readonly source: string;
  readonly line: number;
  readonly patient: PatientIntake;
  readonly photos: CasePatient['photos'];
}

/** Issue paths of an import start with the file name and the line: ["bookings.csv", 5, "phone"]. */
const at = (source: string, line: number, path: readonly (string | number)[]) => [source, line, ...path];

function relocate(issues: readonly Issue[], source: string, line: number, mapPath = (p: readonly (string | number)[]) => p) {
  return issues.map((found) => ({ ...found, path: at(source, line, mapPath(found.path)) }));
}

function readCaseFile(source: string, text: string, problems: Issue[]): Candidate[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    problems.push(issue(at(source, 1, []), 'invalid_json'));
    return [];
  }
  const parsed = caseFileSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(...relocate(toIssues(parsed.error, json), source, 1));
    return [];
  }
  const { photos, ...patient } = parsed.data.patient;
  return [{ source, line: 1, patient, photos }];
}

function readBookings(source: string, text: string, problems: Issue[]): Candidate[] {
  let records: { record: Record<string, string>; line: number }[];
  try {
    records = (
      parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, info: true, trim: false, delimiter: delimiterOf(text) }) as {
        record: Record<string, string>;
        info: { lines: number };
      }[]
    ).map(({ record, info }) => ({ record, line: info.lines }));
  } catch {
    problems.push(issue(at(source, 1, []), 'invalid_csv'));
    return [];
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = AGENCY_CSV_COLUMNS.filter((column) => !header.includes(column));
  if (records.length > 0 && missing.length > 0) {
    problems.push(...missing.map((column) => issue(at(source, 1, [column]), 'required')));
    return [];
  }
  const candidates: Candidate[] = [];
  for (const { record, line } of records) {
    const intake = bookingToIntake(record as AgencyCsvRow);
    const parsed = patientSchema.safeParse(intake);
    if (parsed.success) candidates.push({ source, line, patient: parsed.data, photos: [] });
    else problems.push(...relocate(toIssues(parsed.error, intake), source, line, (path) => [columnOfField(path)]));
  }
  return candidates;
}

type SourceInput = ParsedInputOf<'importPatients'>['sources'][number];

/**
 * A source's text: bytes of a bookings CSV are decoded as decode-bookings.ts detects (or as the coordinator
 * named); a case file is JSON, which is UTF-8. Null, with the problem added, when the bytes are not text.
 */
function textOf(source: SourceInput, problems: Issue[]): { text: string; encoding: ImportedSource['encoding'] } | null {
  if (source.text !== undefined) return { text: source.text, encoding: null };
  const bytes = Buffer.from(source.base64 ?? '', 'base64');
  if (!/\.csv$/i.test(source.name)) {
    // JSON is UTF-8 (RFC 8259): bytes that are not are no case file, rather than names with replacement characters.
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      problems.push(issue(at(source.name, 1, []), 'invalid_json'));
      return null;
    }
  }
  const decoded = decodeBookings(bytes, source.encoding);
  if (decoded.ok) return { text: decoded.text, encoding: decoded.encoding };
  problems.push(issue(at(source.name, 1, []), decoded.code));
  return null;
}

export function createImportService(context: ServiceContext) {
  const handlers = {
    async importPatients(input) {
      const problems: Issue[] = [];
      const sources: ImportedSource[] = [];
      const candidates = input.sources.flatMap((source) => {
        const read = textOf(source, problems);
        if (!read) return [];
        sources.push({ name: source.name, encoding: read.encoding });
        return /\.csv$/i.test(source.name)
          ? readBookings(source.name, read.text, problems)
          : readCaseFile(source.name, read.text, problems);
      });
      const today = clinicToday(context);
      for (const { source, line, patient } of candidates) problems.push(...relocate(checkAgainstToday(patient, today), source, line));
      await context.store.read(async (tx) => {
        for (const { source, line, photos } of candidates) {
          for (const [index, photo] of photos.entries()) {
            if (!(await context.photoStore.has(tx, photo.sha256, photo.mediaType))) {
              problems.push(issue(at(source, line, ['patient', 'photos', index, 'sha256']), 'photo_not_found'));
            }
          }
        }
      });
      const now = context.now().toISOString();
      // Ids already taken are asked inside the transaction that inserts: all or nothing, and two PCs importing the
      // same file at once get one set of patients and one refusal.
      const imported = await context.store.transaction(async (tx) => {
        const seenIds = new Set<string>();
        for (const { source, line, patient } of candidates) {
          if (patient.id === undefined) continue;
          if (seenIds.has(patient.id) || (await tx.patients.seqOf(patient.id)) !== undefined) {
            problems.push(issue(at(source, line, ['patient', 'id']), 'already_exists'));
          }
          seenIds.add(patient.id);
        }
        if (problems.length > 0) return null;
        const rows: { id: string; latinName: string }[] = [];
        for (const { patient, photos } of candidates) {
          const id = patient.id ?? context.newId();
          await tx.patients.insert(id, { ...patient, id }, now);
          const seq = (await tx.patients.seqOf(id))!;
          for (const photo of photos) await tx.photos.insert(context.newId(), seq, photo, now);
          await tx.audit.record('patient.import', id);
          rows.push({ id, latinName: patient.names.latin });
        }
        return rows;
      });
      if (imported === null) return invalid(problems);
      return ok({ imported, sources });
    },
  } satisfies Pick<Handlers, 'importPatients'>;
  return handlers;
}
