// The terminal door: the same services from a shell, for imports, exports and scripts. Exit codes: 0 done,
// 2 refused input (the problems are printed with file, line and field), 1 anything else.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { contract, formatPath, type AppError, type Result } from '../../shared/contract';
import { HANDOUT_KIND_NAMES } from '../../shared/contract/handouts';
import { minorToDecimal } from '../../shared/domain/money/currency';
import { applySchedule } from '../../shared/domain/plan/apply-schedule';
import type { Finding } from '../../shared/domain/rules/check-plan';
import { findingTimingNote } from '../../shared/domain/rules/finding-timing-note';
import { defaultDataFolder } from '../app-paths';
import { backupFolderFor } from '../backup/automatic-backups';
import { newestBackupFile } from '../backup/newest-backup';
import { DatabaseDamagedError, isCorruptionError } from '../db/database-damage';
import { writePrivateFile } from '../files/write-private-file';
import { readDoorKey } from '../security/key-source';
import { readDoorServerLogin, writeServerLoginFile } from '../security/server-login-file';
import { readDoorAnchorKey } from '../security/anchor-key';
import { anchorsPathOf } from '../services/audit/anchor-file';
import { resetCoordinatorPin } from '../services/coordinators-service';
import { chooseDatabasePath, openServices, type OpenServices } from '../services/open-services';
import { isPostgresUrl, openServerServices } from '../services/open-server-services';
import { moveToServerCommand } from './cli-move-to-server';
import type { Db } from '../db/open-database';
import { createRightsService } from '../services/rights-service';
import { auditAnchorCommand, auditVerifyCommand } from './cli-audit';
import { backupCommand, restoreCommand } from './cli-backup';
import { parseInput } from './cli-input';
import { parseCommandLine } from './cli-program';
import { isOpenRefusal } from './open-refusal';
import { cannotWrite, checkOutFile, makeOutFolder } from './out-folder';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Parsed before anything is opened: a call the parser refuses touches no file.
  const parsed = parseCommandLine(argv, io);
  if (!('run' in parsed)) return parsed.exitCode;
  const { command, args, options } = parsed.run;

  let services: OpenServices<Db | null>;
  let key;
  let anchorKey;
  const databasePath = chooseDatabasePath(options.db, defaultDataFolder());
  try {
    // The key first: without one, nothing (not even the data folder) is created.
    key = readDoorKey({ keyFile: options.keyFile });
    anchorKey = readDoorAnchorKey({ anchorKeyFile: options.anchorKeyFile, databaseKey: key });
    // A restore replaces the database, so it must not hold it open.
    if (command === 'migrate-to-postgres') return await moveToServerCommand(io, { from: options.from, to: options.to, key });
    if (command === 'restore' && isPostgresUrl(databasePath)) return refuse(io, SERVER_BACKUP_REFUSAL);
    if (command === 'restore') return restoreCommand(io, { file: args[0], databasePath, key, anchorsPath: anchorsPathOf(databasePath) });
    // `--at` sets the services' clock for the plan commands: what "today" is for the undated sessions and the scheduler.
    const at = (command === 'plan check' || command === 'plan schedule') && options.at !== undefined ? new Date(options.at) : undefined;
    if (at !== undefined && Number.isNaN(at.getTime())) return usageError(io, `Not a date and time: ${options.at}`);
    // A libpq URL names the clinic server: the same commands over PostgreSQL; what is the file's alone is refused.
    if (isPostgresUrl(databasePath)) {
      if (command === 'backup') return refuse(io, SERVER_BACKUP_REFUSAL);
      const login = readDoorServerLogin(options.loginFile, key);
      services = await openServerServices({
        url: databasePath,
        dataFolder: defaultDataFolder(),
        key,
        ...(login ? { login } : {}),
        anchorKey,
        handoutWorkers: command === 'handouts',
        door: 'command line',
        logFiles: true,
        ...(at ? { now: () => at } : {}),
      });
    } else
      // No log lines: what the CLI finds, it prints as its own one-line messages.
      services = openServices({
        databasePath,
        key,
        anchorKey,
        door: 'command line',
        handoutWorkers: command === 'handouts',
        log: () => {},
        logFiles: true,
        ...(at ? { now: () => at } : {}),
      });
  } catch (error) {
    if (isOpenRefusal(error)) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }

  const report = <T>(result: Result<T>, onValue: (value: T) => void): number => {
    if (result.ok) {
      onValue(result.value);
      return 0;
    }
    io.err(describeError(result.error));
    return result.error.code === 'invalid_input' || result.error.code === 'not_found' ? 2 : 1;
  };

  try {
    switch (command) {
      case 'handout': {
        if (!options.case || !options.kind || !options.out)
          return usageError(io, 'handout needs --case FILE, --kind KIND and --out FILE.pdf.');
        const out = options.out;
        const outProblem = checkOutFile(out);
        if (outProblem) return refuse(io, outProblem);
        let caseFile: unknown;
        try {
          caseFile = JSON.parse(readFileSync(options.case, 'utf8'));
        } catch (error) {
          io.err(`Cannot read ${options.case} as JSON: ${(error as Error).message}`);
          return 2;
        }
        const input = parseInput(contract.makeCaseHandout.input, {
          caseFile,
          kind: options.kind,
          language: options.lang ?? preferredLanguage(caseFile),
          bilingual: options.bilingual ?? false,
          ...(options.draft ? { draft: true } : {}),
        });
        if (!input.ok) return report(input, () => undefined);
        const result = await services.dispatch('makeCaseHandout', input.value);
        if (!result.ok) return report(result, () => undefined);
        try {
          writePrivateFile(out, Buffer.from(result.value.pdfBase64, 'base64'));
        } catch (error) {
          io.err(cannotWrite(out, error));
          return 1;
        }
        io.out(`Wrote ${out} (${Math.round(result.value.bytes / 1024)} KB).`);
        return 0;
      }
      case 'handouts': {
        const patientId = options.patient;
        if (!patientId || !options.out) return usageError(io, 'handouts needs --patient ID and --out DIR.');
        const found = await services.dispatch('getPatient', { id: patientId });
        if (!found.ok) return report(found, () => undefined);
        const language = found.value.patient.languages[0] ?? 'en';
        const folder = resolve(options.out);
        const folderProblem = makeOutFolder(folder);
        if (folderProblem) return refuse(io, folderProblem);
        // --draft makes the plan and quote a draft (the only kind that has one); the others are as always.
        const jobs = HANDOUT_KIND_NAMES.flatMap((kind) =>
          [false, ...(language === 'ko' ? [] : [true])].map((bilingual) => ({
            kind,
            bilingual,
            ...(kind === 'plan' && options.draft ? { draft: true } : {}),
          })),
        );
        const results = await Promise.all(jobs.map((job) => services.dispatch('exportHandout', { patientId, language, folder, ...job })));
        const refused = results.find((result) => !result.ok);
        if (refused) return report(refused, () => undefined);
        for (const result of results) if (result.ok) io.out(result.value.path);
        return 0;
      }
      case 'calendar': {
        const [id] = args;
        if (!id) return usageError(io, 'Name one patient id: calendar ID [--out FILE].');
        const result = await services.dispatch('exportPatientCalendar', { patientId: id });
        return report(result, ({ ics }) => {
          if (options.out) writePrivateFile(options.out, ics);
          else io.out(ics.trimEnd());
        });
      }
      case 'patients import': {
        if (args.length === 0) return usageError(io, 'Name at least one file to import.');
        // Read by the parser into one of the names used here (it refuses a name it does not know).
        const encoding = options.encoding;
        const sources = [];
        for (const file of args) {
          try {
            // Bytes, not text: the service detects a CSV's encoding (an agency's Excel may save CP949 or Shift-JIS).
            const base64 = readFileSync(file).toString('base64');
            sources.push({ name: basename(file), base64, ...(encoding && /\.csv$/i.test(file) ? { encoding } : {}) });
          } catch (error) {
            io.err(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
            return 2;
          }
        }
        const result = await services.dispatch('importPatients', { sources });
        return report(result, ({ imported, sources: read }) => {
          if (options.json) io.out(JSON.stringify({ imported, sources: read }));
          else {
            const encodings = read.filter((source) => /\.csv$/i.test(source.name)).map((source) => `${source.name}: ${source.encoding}`);
            io.out(
              `Imported ${imported.length} patient${imported.length === 1 ? '' : 's'}${encodings.length > 0 ? ` (${encodings.join(', ')})` : ''}.`,
            );
          }
        });
      }
      case 'patients export': {
        const [id] = args;
        if (!id) return usageError(io, 'Name the patient id to export.');
        const result = await services.dispatch('exportPatient', { id });
        return report(result, ({ caseFile }) => {
          const text = `${JSON.stringify(caseFile, null, 2)}\n`;
          if (options.out) writePrivateFile(options.out, text);
          else io.out(text.trimEnd());
        });
      }
      case 'patients archive': {
        const [id] = args;
        if (!id || !options.out) return usageError(io, 'Name the patient id and the folder: patients archive ID --out DIR.');
        const result = await services.dispatch('exportPatientArchive', { patientId: id, folder: resolve(options.out) });
        return report(result, ({ path, bytes, entries }) => io.out(`Wrote ${path} (${bytes} bytes, ${entries.length} files).`));
      }
      case 'patients purge-expired': {
        const now = options.at === undefined ? new Date() : new Date(options.at);
        if (Number.isNaN(now.getTime())) return usageError(io, `Not a date and time: ${options.at}`);
        const { erased } = await createRightsService(services.context).purgeExpired({ now });
        if (options.json) io.out(JSON.stringify({ erased }));
        else
          io.out(
            erased.length === 0
              ? 'No record has reached the end of its retention.'
              : `Destroyed ${erased.length} record${erased.length === 1 ? '' : 's'}: ${erased.join(', ')}`,
          );
        return 0;
      }
      case 'patients search': {
        const input = parseInput(contract.searchPatients.input, {
          query: args.join(' '),
          tripStatus: options.status,
          limit: Number(options.limit),
        });
        if (!input.ok) return report(input, () => undefined);
        const result = await services.dispatch('searchPatients', input.value);
        return report(result, ({ rows, truncated }) => {
          if (options.json) return io.out(JSON.stringify({ rows, truncated }));
          for (const row of rows) {
            io.out([row.id, row.nativeName, row.latinName, row.nationality, row.arrival, row.departure].join('\t'));
          }
          if (truncated) io.err(`More patients match; showing the first ${rows.length}.`);
        });
      }
      case 'plan draft': {
        const [id] = args;
        if (!id) return usageError(io, 'Name one patient id: plan draft ID [--discard].');
        if (options.discard) {
          const result = await services.dispatch('discardPlanDraft', { patientId: id });
          return report(result, ({ discarded }) => io.out(discarded ? 'Discarded the unsaved plan.' : 'No unsaved plan.'));
        }
        const result = await services.dispatch('getPlanDraft', { patientId: id });
        return report(result, (draft) => io.out(draft ? JSON.stringify(draft, null, 2) : 'No unsaved plan.'));
      }
      case 'plan check':
      case 'plan schedule': {
        const [file] = args;
        if (!file) return usageError(io, 'Name the case file.');
        let caseFile: unknown;
        try {
          caseFile = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          io.err(`Cannot read ${file} as JSON: ${(error as Error).message}`);
          return 2;
        }
        const language = options.lang === 'ko' ? 'ko' : 'en';
        const asOutput = (finding: Finding) => ({
          rule: finding.rule,
          severity: finding.severity,
          treatment: finding.treatment,
          date: finding.date,
          message: finding.message[language],
          // Only for a session without a date: the days it fires on, or the first day a next visit allows.
          ...(finding.timing ? { timing: finding.timing, note: findingTimingNote(finding.timing, language) } : {}),
        });
        const input = parseInput(command === 'plan check' ? contract.checkCasePlan.input : contract.scheduleCasePlan.input, { caseFile });
        if (!input.ok) return report(input, () => undefined);
        if (command === 'plan check') {
          const result = await services.dispatch('checkCasePlan', input.value);
          return report(result, ({ findings }) => {
            if (options.json) io.out(JSON.stringify({ findings: findings.map(asOutput) }, null, 2));
            else {
              for (const f of findings) {
                const note = findingTimingNote(f.timing, language);
                io.out(
                  `${f.severity.toUpperCase()}\t${f.date ?? '-'}\t${f.treatment}\t${note ? `${note} ` : ''}${f.message[language]} [${f.rule}]`,
                );
              }
            }
          });
        }
        const result = await services.dispatch('scheduleCasePlan', input.value);
        return report(result, (schedule) => {
          const { sessions, nextVisit, findings } = schedule;
          // The schedule laid back onto the file's plan: each session keeps its id, status and record, the ones
          // left for a next visit stay marked so, the cancelled ones as they were (read as the service read them).
          const items = applySchedule(input.value.caseFile.plan?.items ?? [], schedule, randomUUID);
          if (options.json) {
            const filled = { ...(caseFile as object), plan: { ...((caseFile as { plan?: object }).plan ?? {}), items } };
            io.out(JSON.stringify({ caseFile: filled, nextVisit, findings: findings.map(asOutput) }, null, 2));
          } else {
            for (const s of sessions) io.out(`${s.date} ${s.time}\t${s.treatment}`);
            for (const n of nextVisit) io.out(`next visit\t${n.treatment} x${n.sessions}`);
          }
        });
      }
      case 'followups due': {
        const result = await services.dispatch('listDueFollowUps', options.at === undefined ? {} : { at: options.at });
        return report(result, ({ at, followUps, truncated }) => {
          if (options.json) return io.out(JSON.stringify({ at, followUps, truncated }, null, 2));
          for (const f of followUps) {
            io.out([f.state, f.dueKorea, `${f.localDate} 10:00 ${f.homeTimeZone}`, f.latinName, f.step].join('\t'));
          }
        });
      }
      case 'report khidi': {
        if (!options.year || !options.out) return usageError(io, 'Name the year and the file: report khidi --year YYYY --out FILE.xlsx.');
        // A year that is not a whole number is read as text, so the contract refuses it with its field.
        const input = parseInput(contract.exportKhidiReport.input, {
          year: /^\d{4}$/.test(options.year) ? Number(options.year) : options.year,
        });
        if (!input.ok) return report(input, () => undefined);
        const result = await services.dispatch('exportKhidiReport', input.value);
        return report(result, ({ dataBase64, patients, withGaps }) => {
          writePrivateFile(options.out!, Buffer.from(dataBase64, 'base64'));
          io.out(`Wrote ${patients} patient${patients === 1 ? '' : 's'} to ${options.out}.`);
          if (withGaps > 0) io.err(`${withGaps} patient${withGaps === 1 ? ' needs' : 's need'} attention: see the sheet 보완 필요.`);
        });
      }
      case 'report summary': {
        if (!options.from || !options.to) return usageError(io, 'Name the range: report summary --from DATE --to DATE.');
        const result = await services.dispatch('getReportSummary', { from: options.from, to: options.to });
        return report(result, (summary) => {
          if (options.json) return io.out(JSON.stringify(summary, null, 2));
          io.out(`${summary.from} to ${summary.to}: ${summary.patients} patients seen`);
          io.out(`sessions: ${summary.sessions.done} done, ${summary.sessions.moved} moved, ${summary.sessions.noShow} no-show`);
          io.out(`follow-ups: ${summary.followUps.due} due, ${summary.followUps.done} done, ${summary.followUps.overdue} overdue`);
          io.out(`revenue: ${summary.revenueTotalKrw} KRW`);
        });
      }
      case 'report payments': {
        if (!options.from || !options.to) return usageError(io, 'Name the range: report payments --from DATE --to DATE.');
        const result = await services.dispatch('getPaymentsReport', { from: options.from, to: options.to });
        return report(result, (payments) => {
          if (options.json) return io.out(JSON.stringify(payments, null, 2));
          io.out(`${payments.from} to ${payments.to}: ${payments.totals.records} records`);
          for (const day of payments.days)
            io.out(
              `${day.date}  ${day.method.padEnd(13)}  in ${day.inKrw}  refunded ${day.outKrw}  corrected ${day.correctedKrw}  net ${day.netKrw} KRW`,
            );
          io.out(
            `total: in ${payments.totals.inKrw}, refunded ${payments.totals.outKrw}, corrected ${payments.totals.correctedKrw}, net ${payments.totals.netKrw} KRW`,
          );
          for (const { currency, netMinor } of payments.byCurrency)
            io.out(`net in ${currency}: ${minorToDecimal(BigInt(netMinor), currency)}`);
        });
      }
      case 'backup':
        if (!services.context.db) return refuse(io, SERVER_BACKUP_REFUSAL);
        return await backupCommand(io, {
          db: services.context.db,
          store: services.context.store,
          databasePath,
          key,
          out: options.out,
          keep: options.keep ?? '30',
          anchors: services.context.anchors,
        });
      case 'audit verify': {
        const verified = await auditVerifyCommand(io, {
          services,
          anchorsPath: anchorsPathOf(databasePath),
          otherAnchors: options.anchors,
          code: options.code,
          json: options.json ?? false,
        });
        return typeof verified === 'number' ? verified : report(verified, () => {});
      }
      case 'audit anchor':
        return await auditAnchorCommand(io, { services, afterRestore: options.afterRestore ?? false, json: options.json ?? false });
      case 'coordinators list': {
        const result = await services.dispatch('listCoordinators', {});
        return report(result, ({ coordinators }) => {
          if (options.json) io.out(JSON.stringify(coordinators));
          else if (coordinators.length === 0) io.out('No coordinator profiles.');
          else for (const profile of coordinators) io.out(`${profile.id}  ${profile.name}  (${profile.role})`);
        });
      }
      case 'coordinators reset-pin': {
        const [id] = args;
        if (!id || options.pin === undefined)
          return usageError(io, 'Name the profile and the new PIN: coordinators reset-pin ID --pin DIGITS.');
        return report(await resetCoordinatorPin(services.context, id, options.pin), (profile) =>
          io.out(`New PIN set for ${profile.name}.`),
        );
      }
      case 'server add-login': {
        const [id] = args;
        if (!id || !options.out) return usageError(io, 'Name the profile and the file: server add-login ID --out FILE.');
        const out = options.out;
        const outProblem = checkOutFile(out);
        if (outProblem) return refuse(io, outProblem);
        const input = parseInput(contract.addServerLogin.input, { coordinatorId: id });
        if (!input.ok) return report(input, () => undefined);
        const result = await services.dispatch('addServerLogin', input.value);
        return report(result, (made) => {
          // The one copy of the password: sealed into the file, never printed.
          writeServerLoginFile(out, { user: made.login, password: made.password }, key);
          io.out(
            `Made the database login ${made.login}; its password is sealed in ${out}. Give that file to the coordinator's PC (with the clinic key), then delete it here.`,
          );
        });
      }
      case 'demo': {
        const result = await services.dispatch('seedDemoPatients', {});
        return report(result, ({ created }) => io.out(`Added ${created} demo patients.`));
      }
      case 'diagnostics': {
        if (!options.out) return usageError(io, 'Name the folder: diagnostics --out DIR.');
        const folder = resolve(options.out);
        const folderProblem = makeOutFolder(folder);
        if (folderProblem) return refuse(io, folderProblem);
        const result = await services.dispatch('saveDiagnostics', { folder });
        return report(result, ({ path, bytes, entries }) => io.out(`Wrote ${path} (${bytes} bytes, ${entries.length} files).`));
      }
      case 'info': {
        const result = await services.dispatch('getAppInfo', {});
        return report(result, (info) => io.out(options.json ? JSON.stringify(info) : JSON.stringify(info, null, 2)));
      }
    }
  } catch (error) {
    // A damaged page met outside the dispatch (which answers it itself): one line with the way out, no stack trace.
    if (!isCorruptionError(error)) throw error;
    const newest = newestBackupFile(backupFolderFor(services.context.db, databasePath));
    io.err(new DatabaseDamagedError(databasePath, `reading it failed (${(error as Error).message})`, newest).message);
    return 1;
  } finally {
    await services.close();
  }
}

/** The clinic server's data is backed up and restored on the server (docs/clinic-server.md), not by each PC. */
const SERVER_BACKUP_REFUSAL =
  'This database is a clinic server: back it up and restore it on the server (pg_dump or pgBackRest, docs/clinic-server.md), not from a PC.';

/** A refusal that is not about the command's shape: one line, no usage text. */
function refuse(io: CliIo, message: string): number {
  io.err(message);
  return 2;
}

/** The patient's preferred language in a case file (the first of their languages); English when the file has
 * none, which the services then refuse with the file's own problems. */
function preferredLanguage(caseFile: unknown): string {
  const languages = (caseFile as { patient?: { languages?: unknown } } | null)?.patient?.languages;
  return Array.isArray(languages) && typeof languages[0] === 'string' ? languages[0] : 'en';
}

function usageError(io: CliIo, message: string): number {
  io.err(message);
  return 2;
}

export function describeError(error: AppError): string {
  // The reference finds the failure's line in the support log (clinicdesk-logs beside the database).
  const lines = [error.code === 'internal' && error.correlationId ? `${error.message} Reference: ${error.correlationId}` : error.message];
  for (const found of error.issues) {
    const [first, second, ...field] = found.path;
    // Import issues start with file and line: "bookings.csv line 5, phone: ...".
    const where =
      typeof first === 'string' && typeof second === 'number' && /\.(csv|json)$/i.test(first)
        ? `${first} line ${second}${field.length ? `, ${formatPath(field)}` : ''}`
        : formatPath(found.path);
    lines.push(`  ${where || '(input)'}: ${found.message}`);
  }
  return lines.join('\n');
}
