// The terminal door: the same services from a shell, for imports, exports and scripts. Exit codes: 0 done,
// 2 refused input (the problems are printed with file, line and field), 1 anything else.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contract, formatPath, type AppError, type Result } from '../../shared/contract';
import { HANDOUT_KIND_NAMES } from '../../shared/contract/handouts';
import { CSV_ENCODINGS, csvEncodingOf } from '../../shared/domain/intake/csv-encodings';
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
import { isOpenRefusal } from './open-refusal';
import { cannotWrite, checkOutFile, makeOutFolder } from './out-folder';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const USAGE = `Usage: npm run cli -- [--db FILE] [--key-file FILE] [--anchor-key-file FILE] <command>

  patients import FILE... [--encoding ENC]
                                 import case files (.json) and agency bookings (.csv); all or nothing. A CSV's
                                 encoding is detected (UTF-8, UTF-16 with BOM, CP949, Shift-JIS, GB18030);
                                 --encoding names it when the detector is unsure
  patients export ID [--out F]   write one patient's clinicdesk.case/1 file (stdout without --out)
  patients archive ID --out DIR  everything about one patient as one .zip: case file, photos, plan versions,
                                 audit history, the five handouts in the patient's language
  patients purge-expired [--at ISO]
                                 destroy restricted records whose retention has ended (now by default)
  patients search TEXT [--status all|upcoming|in_korea|departed] [--limit N] [--json]
  plan check FILE [--json] [--lang ko|en]
                                 the findings of the plan in a case file (exit 0 with findings, 2 if invalid)
  plan schedule FILE [--json]    fill the dates of plan items without one, inside the stay, from today on
                                 (plan check and plan schedule take --at ISO: as of that instant; now by default)
  plan draft ID [--discard]      the unsaved plan the plan screen keeps for a patient, as JSON (or discard it)
  followups due [--at ISO-DATETIME] [--json]
                                 follow-ups due or overdue at that instant (now by default), all patients
  calendar ID [--out FILE]       one patient's sessions and follow-ups as an .ics calendar (stdout without --out)
  handout --case FILE --kind aftercare|precare|plan|consent|followup [--lang LANG] [--bilingual] [--draft] --out FILE.pdf
                                 one handout from a case file with a plan (LANG: ko en zh-Hans zh-Hant ja th vi ru mn ar;
                                 without --lang, the patient's preferred language, the first of the case's languages);
                                 the folder of FILE.pdf must exist; the plan is refused while a treatment has no clinic
                                 price, unless --draft (then marked DRAFT on every page)
  handouts --patient ID --out DIR [--draft]
                                 all of one patient's handouts (five kinds, in the patient's first language alone
                                 and with Korean), made two at a time off the main thread; DIR is made if its
                                 parent folder exists
  report khidi --year YYYY --out FILE.xlsx
                                 the KHIDI annual foreign-patient report as a spreadsheet; gaps listed on stderr
  report summary --from DATE --to DATE [--json]
                                 patients, sessions, follow-ups and revenue (KRW) for a date range
  backup --out DIR [--keep N]    an encrypted backup (database and photos) into DIR, keeping the newest N (30),
                                 and always those of the last 7 days
  restore FILE                   replace the database and photos with a backup's, after checking it whole;
                                 refused while the app, the preview or another command has the database open
  audit verify [--code CODE | --anchors FILE] [--json]
                                 check the whole audit log's hash chain, then its length and head against the
                                 newest audit anchor (or a code kept on paper, or a copy of the anchors file from a
                                 backup folder): exit 1 for a broken chain, a cut tail, an emptied log, a rewrite,
                                 or a forged line in the anchors file
  audit anchor [--after-restore] [--json]
                                 anchor the audit log now and print its code to keep on paper (needs the anchor
                                 key); --after-restore: the log was restored from a backup, so it is rightly shorter
  coordinators list [--json]     the coordinator profiles (id, name and role)
  coordinators reset-pin ID --pin DIGITS
                                 a new PIN (6-8 digits) for a profile whose PIN was forgotten; the coordinator
                                 changes it in Settings afterwards (the shell's history keeps this one)
  server add-login ID --out FILE
                                 (clinic server, as an admin) make profile ID's own database login; its password
                                 is written sealed under the clinic key into FILE (0600), never printed: give FILE
                                 to that coordinator's PC, which opens the server with --login-file FILE
  demo                           add about 20 demo patients from 10 countries
  info [--json]                  where the database is, schema version, patient count
  migrate-to-postgres --from FILE --to URL
                                 copy a single PC's database into an empty clinic server (ids, versions and the
                                 audit chain kept), then check every table's count and the whole chain there
  diagnostics --out DIR          the support log's files and the versions, as one .zip for whoever supports the
                                 clinic (no patient data); DIR is made if its parent folder exists

--db FILE (or CLINICDESK_DB) picks the database; default: the desktop app's own.
--key-file FILE (or CLINICDESK_KEY) gives its key, 64 hexadecimal digits; there is no default.
--anchor-key-file FILE (or CLINICDESK_ANCHOR_KEY) gives the audit anchor key, 64 hexadecimal digits, never the
database key; optional: without it nothing is anchored (backup and audit anchor write anchors with it).
--login-file FILE (or CLINICDESK_LOGIN_FILE), with a clinic server's --db URL: this PC's database login, as
server add-login wrote it (opened with the clinic key); without it the URL's own login is used.`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        'key-file': { type: 'string' },
        'anchor-key-file': { type: 'string' },
        'login-file': { type: 'string' },
        code: { type: 'string' },
        anchors: { type: 'string' },
        'after-restore': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        status: { type: 'string', default: 'all' },
        limit: { type: 'string', default: '50' },
        // No default: the handout takes the patient's preferred language, plan check English.
        lang: { type: 'string' },
        at: { type: 'string' },
        case: { type: 'string' },
        kind: { type: 'string' },
        bilingual: { type: 'boolean', default: false },
        draft: { type: 'boolean', default: false },
        patient: { type: 'string' },
        year: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        keep: { type: 'string', default: '30' },
        pin: { type: 'string' },
        encoding: { type: 'string' },
        discard: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [group, action, ...rest] = positionals;
  if (values.help || !group) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }

  let services: OpenServices<Db | null>;
  let key;
  let anchorKey;
  const databasePath = chooseDatabasePath(values.db, defaultDataFolder());
  try {
    // The key first: without one, nothing (not even the data folder) is created.
    key = readDoorKey({ keyFile: values['key-file'] });
    anchorKey = readDoorAnchorKey({ anchorKeyFile: values['anchor-key-file'], databaseKey: key });
    // A restore replaces the database, so it must not hold it open.
    if (group === 'migrate-to-postgres') return await moveToServerCommand(io, { from: values.from, to: values.to, key });
    if (group === 'restore' && isPostgresUrl(databasePath)) return refuse(io, SERVER_BACKUP_REFUSAL);
    if (group === 'restore') return restoreCommand(io, { file: action, rest, databasePath, key, anchorsPath: anchorsPathOf(databasePath) });
    // `--at` sets the services' clock for the plan commands: what "today" is for the undated sessions and the scheduler.
    const at = group === 'plan' && values.at !== undefined ? new Date(values.at) : undefined;
    if (at !== undefined && Number.isNaN(at.getTime())) return usageError(io, `Not a date and time: ${values.at}`);
    // A libpq URL names the clinic server: the same commands over PostgreSQL; what is the file's alone is refused.
    if (isPostgresUrl(databasePath)) {
      if (group === 'backup') return refuse(io, SERVER_BACKUP_REFUSAL);
      const login = readDoorServerLogin(values['login-file'], key);
      services = await openServerServices({
        url: databasePath,
        dataFolder: defaultDataFolder(),
        key,
        ...(login ? { login } : {}),
        anchorKey,
        handoutWorkers: group === 'handouts',
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
      handoutWorkers: group === 'handouts',
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
    // `calendar ID` takes its argument where other commands have their action.
    const command = action && group !== 'calendar' ? `${group} ${action}` : group;
    switch (command) {
      case 'handout': {
        if (!values.case || !values.kind || !values.out) return usageError(io, 'handout needs --case FILE, --kind KIND and --out FILE.pdf.');
        const out = values.out;
        const outProblem = checkOutFile(out);
        if (outProblem) return refuse(io, outProblem);
        let caseFile: unknown;
        try {
          caseFile = JSON.parse(readFileSync(values.case, 'utf8'));
        } catch (error) {
          io.err(`Cannot read ${values.case} as JSON: ${(error as Error).message}`);
          return 2;
        }
        const input = parseInput(contract.makeCaseHandout.input, {
          caseFile,
          kind: values.kind,
          language: values.lang ?? preferredLanguage(caseFile),
          bilingual: values.bilingual,
          ...(values.draft ? { draft: true } : {}),
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
        const patientId = values.patient;
        if (!patientId || !values.out) return usageError(io, 'handouts needs --patient ID and --out DIR.');
        const found = await services.dispatch('getPatient', { id: patientId });
        if (!found.ok) return report(found, () => undefined);
        const language = found.value.patient.languages[0] ?? 'en';
        const folder = resolve(values.out);
        const folderProblem = makeOutFolder(folder);
        if (folderProblem) return refuse(io, folderProblem);
        // --draft makes the plan and quote a draft (the only kind that has one); the others are as always.
        const jobs = HANDOUT_KIND_NAMES.flatMap((kind) =>
          [false, ...(language === 'ko' ? [] : [true])].map((bilingual) => ({ kind, bilingual, ...(kind === 'plan' && values.draft ? { draft: true } : {}) })),
        );
        const results = await Promise.all(jobs.map((job) => services.dispatch('exportHandout', { patientId, language, folder, ...job })));
        const refused = results.find((result) => !result.ok);
        if (refused) return report(refused, () => undefined);
        for (const result of results) if (result.ok) io.out(result.value.path);
        return 0;
      }
      case 'calendar': {
        const id = action;
        if (!id || rest.length > 0) return usageError(io, 'Name one patient id: calendar ID [--out FILE].');
        const result = await services.dispatch('exportPatientCalendar', { patientId: id });
        return report(result, ({ ics }) => {
          if (values.out) writePrivateFile(values.out, ics);
          else io.out(ics.trimEnd());
        });
      }
      case 'patients import': {
        if (rest.length === 0) return usageError(io, 'Name at least one file to import.');
        const encoding = values.encoding === undefined ? undefined : csvEncodingOf(values.encoding);
        if (values.encoding !== undefined && !encoding) {
          return usageError(io, `Unknown encoding ${values.encoding}: use one of ${CSV_ENCODINGS.join(', ')}.`);
        }
        const sources = [];
        for (const file of rest) {
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
          if (values.json) io.out(JSON.stringify({ imported, sources: read }));
          else {
            const encodings = read.filter((source) => /\.csv$/i.test(source.name)).map((source) => `${source.name}: ${source.encoding}`);
            io.out(`Imported ${imported.length} patient${imported.length === 1 ? '' : 's'}${encodings.length > 0 ? ` (${encodings.join(', ')})` : ''}.`);
          }
        });
      }
      case 'patients export': {
        const [id] = rest;
        if (!id) return usageError(io, 'Name the patient id to export.');
        const result = await services.dispatch('exportPatient', { id });
        return report(result, ({ caseFile }) => {
          const text = `${JSON.stringify(caseFile, null, 2)}\n`;
          if (values.out) writePrivateFile(values.out, text);
          else io.out(text.trimEnd());
        });
      }
      case 'patients archive': {
        const [id] = rest;
        if (!id || !values.out) return usageError(io, 'Name the patient id and the folder: patients archive ID --out DIR.');
        const result = await services.dispatch('exportPatientArchive', { patientId: id, folder: resolve(values.out) });
        return report(result, ({ path, bytes, entries }) => io.out(`Wrote ${path} (${bytes} bytes, ${entries.length} files).`));
      }
      case 'patients purge-expired': {
        const now = values.at === undefined ? new Date() : new Date(values.at);
        if (Number.isNaN(now.getTime())) return usageError(io, `Not a date and time: ${values.at}`);
        const { erased } = await createRightsService(services.context).purgeExpired({ now });
        if (values.json) io.out(JSON.stringify({ erased }));
        else io.out(erased.length === 0 ? 'No record has reached the end of its retention.' : `Destroyed ${erased.length} record${erased.length === 1 ? '' : 's'}: ${erased.join(', ')}`);
        return 0;
      }
      case 'patients search': {
        const input = parseInput(contract.searchPatients.input, { query: rest.join(' '), tripStatus: values.status, limit: Number(values.limit) });
        if (!input.ok) return report(input, () => undefined);
        const result = await services.dispatch('searchPatients', input.value);
        return report(result, ({ rows, truncated }) => {
          if (values.json) return io.out(JSON.stringify({ rows, truncated }));
          for (const row of rows) {
            io.out([row.id, row.nativeName, row.latinName, row.nationality, row.arrival, row.departure].join('\t'));
          }
          if (truncated) io.err(`More patients match; showing the first ${rows.length}.`);
        });
      }
      case 'plan draft': {
        const [id] = rest;
        if (!id || rest.length > 1) return usageError(io, 'Name one patient id: plan draft ID [--discard].');
        if (values.discard) {
          const result = await services.dispatch('discardPlanDraft', { patientId: id });
          return report(result, ({ discarded }) => io.out(discarded ? 'Discarded the unsaved plan.' : 'No unsaved plan.'));
        }
        const result = await services.dispatch('getPlanDraft', { patientId: id });
        return report(result, (draft) => io.out(draft ? JSON.stringify(draft, null, 2) : 'No unsaved plan.'));
      }
      case 'plan check':
      case 'plan schedule': {
        const [file] = rest;
        if (!file) return usageError(io, 'Name the case file.');
        let caseFile: unknown;
        try {
          caseFile = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          io.err(`Cannot read ${file} as JSON: ${(error as Error).message}`);
          return 2;
        }
        const language = values.lang === 'ko' ? 'ko' : 'en';
        const asOutput = (finding: Finding) => ({
          rule: finding.rule,
          severity: finding.severity,
          treatment: finding.treatment,
          date: finding.date,
          message: finding.message[language],
          // Only for a session without a date: the days it fires on, or the first day a next visit allows.
          ...(finding.timing ? { timing: finding.timing, note: findingTimingNote(finding.timing, language) } : {}),
        });
        const input = parseInput(action === 'check' ? contract.checkCasePlan.input : contract.scheduleCasePlan.input, { caseFile });
        if (!input.ok) return report(input, () => undefined);
        if (action === 'check') {
          const result = await services.dispatch('checkCasePlan', input.value);
          return report(result, ({ findings }) => {
            if (values.json) io.out(JSON.stringify({ findings: findings.map(asOutput) }, null, 2));
            else {
              for (const f of findings) {
                const note = findingTimingNote(f.timing, language);
                io.out(`${f.severity.toUpperCase()}\t${f.date ?? '-'}\t${f.treatment}\t${note ? `${note} ` : ''}${f.message[language]} [${f.rule}]`);
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
          if (values.json) {
            const filled = { ...(caseFile as object), plan: { ...((caseFile as { plan?: object }).plan ?? {}), items } };
            io.out(JSON.stringify({ caseFile: filled, nextVisit, findings: findings.map(asOutput) }, null, 2));
          } else {
            for (const s of sessions) io.out(`${s.date} ${s.time}\t${s.treatment}`);
            for (const n of nextVisit) io.out(`next visit\t${n.treatment} x${n.sessions}`);
          }
        });
      }
      case 'followups due': {
        const result = await services.dispatch('listDueFollowUps', values.at === undefined ? {} : { at: values.at });
        return report(result, ({ at, followUps, truncated }) => {
          if (values.json) return io.out(JSON.stringify({ at, followUps, truncated }, null, 2));
          for (const f of followUps) {
            io.out([f.state, f.dueKorea, `${f.localDate} 10:00 ${f.homeTimeZone}`, f.latinName, f.step].join('\t'));
          }
        });
      }
      case 'report khidi': {
        if (!values.year || !values.out) return usageError(io, 'Name the year and the file: report khidi --year YYYY --out FILE.xlsx.');
        // A year that is not a whole number is read as text, so the contract refuses it with its field.
        const input = parseInput(contract.exportKhidiReport.input, { year: /^\d{4}$/.test(values.year) ? Number(values.year) : values.year });
        if (!input.ok) return report(input, () => undefined);
        const result = await services.dispatch('exportKhidiReport', input.value);
        return report(result, ({ dataBase64, patients, withGaps }) => {
          writePrivateFile(values.out!, Buffer.from(dataBase64, 'base64'));
          io.out(`Wrote ${patients} patient${patients === 1 ? '' : 's'} to ${values.out}.`);
          if (withGaps > 0) io.err(`${withGaps} patient${withGaps === 1 ? ' needs' : 's need'} attention: see the sheet 보완 필요.`);
        });
      }
      case 'report summary': {
        if (!values.from || !values.to) return usageError(io, 'Name the range: report summary --from DATE --to DATE.');
        const result = await services.dispatch('getReportSummary', { from: values.from, to: values.to });
        return report(result, (summary) => {
          if (values.json) return io.out(JSON.stringify(summary, null, 2));
          io.out(`${summary.from} to ${summary.to}: ${summary.patients} patients seen`);
          io.out(`sessions: ${summary.sessions.done} done, ${summary.sessions.moved} moved, ${summary.sessions.noShow} no-show`);
          io.out(`follow-ups: ${summary.followUps.due} due, ${summary.followUps.done} done, ${summary.followUps.overdue} overdue`);
          io.out(`revenue: ${summary.revenueTotalKrw} KRW`);
        });
      }
      case 'backup':
        if (!services.context.db) return refuse(io, SERVER_BACKUP_REFUSAL);
        return await backupCommand(io, { db: services.context.db, databasePath, key, out: values.out, keep: values.keep, anchors: services.context.anchors });
      case 'audit verify': {
        const verified = await auditVerifyCommand(io, {
          services,
          anchorsPath: anchorsPathOf(databasePath),
          otherAnchors: values.anchors,
          code: values.code,
          json: values.json,
        });
        return typeof verified === 'number' ? verified : report(verified, () => {});
      }
      case 'audit anchor':
        return await auditAnchorCommand(io, { services, afterRestore: values['after-restore'], json: values.json });
      case 'coordinators list': {
        const result = await services.dispatch('listCoordinators', {});
        return report(result, ({ coordinators }) => {
          if (values.json) io.out(JSON.stringify(coordinators));
          else if (coordinators.length === 0) io.out('No coordinator profiles.');
          else for (const profile of coordinators) io.out(`${profile.id}  ${profile.name}  (${profile.role})`);
        });
      }
      case 'coordinators reset-pin': {
        const [id] = rest;
        if (!id || rest.length > 1 || values.pin === undefined) return usageError(io, 'Name the profile and the new PIN: coordinators reset-pin ID --pin DIGITS.');
        return report(await resetCoordinatorPin(services.context, id, values.pin), (profile) => io.out(`New PIN set for ${profile.name}.`));
      }
      case 'server add-login': {
        const [id] = rest;
        if (!id || rest.length > 1 || !values.out) return usageError(io, 'Name the profile and the file: server add-login ID --out FILE.');
        const out = values.out;
        const outProblem = checkOutFile(out);
        if (outProblem) return refuse(io, outProblem);
        const input = parseInput(contract.addServerLogin.input, { coordinatorId: id });
        if (!input.ok) return report(input, () => undefined);
        const result = await services.dispatch('addServerLogin', input.value);
        return report(result, (made) => {
          // The one copy of the password: sealed into the file, never printed.
          writeServerLoginFile(out, { user: made.login, password: made.password }, key);
          io.out(`Made the database login ${made.login}; its password is sealed in ${out}. Give that file to the coordinator's PC (with the clinic key), then delete it here.`);
        });
      }
      case 'demo': {
        const result = await services.dispatch('seedDemoPatients', {});
        return report(result, ({ created }) => io.out(`Added ${created} demo patients.`));
      }
      case 'diagnostics': {
        if (!values.out) return usageError(io, 'Name the folder: diagnostics --out DIR.');
        const folder = resolve(values.out);
        const folderProblem = makeOutFolder(folder);
        if (folderProblem) return refuse(io, folderProblem);
        const result = await services.dispatch('saveDiagnostics', { folder });
        return report(result, ({ path, bytes, entries }) => io.out(`Wrote ${path} (${bytes} bytes, ${entries.length} files).`));
      }
      case 'info': {
        const result = await services.dispatch('getAppInfo', {});
        return report(result, (info) => io.out(values.json ? JSON.stringify(info) : JSON.stringify(info, null, 2)));
      }
      default:
        return usageError(io, `Unknown command: ${command}`);
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
  io.err(`${message}\n\n${USAGE}`);
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
