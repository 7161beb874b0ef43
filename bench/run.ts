// npm run bench: speed figures as JSON lines {"name","value","unit"} on stdout, nothing else there (progress and
// sanity notes go to stderr). Each figure that has one is measured beside its floor in the same run, on the same
// database, interleaved sample by sample so that neither side gets the quieter half of the run: the figures then
// read as ratios on whatever machine runs them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../src/shared/contract';
import { MAX_SEARCH_RESULTS, type PatientRecord } from '../src/shared/contract/patients';
import { CLINIC_TIME_ZONE, todayIn } from '../src/shared/domain/intake/calendar-date';
import { patientSchema } from '../src/shared/domain/intake/patient-schema';
import { isPieceNeedle } from '../src/shared/domain/intake/search-pieces';
import { searchNeedle } from '../src/shared/domain/intake/search-text';
import {
  ftsPhrase,
  PATIENT_SEARCH_SQL,
  TRIGRAM_MIN_LENGTH,
  createPatientsRepository,
} from '../src/main/db/repositories/patients-repository';
import { openServices } from '../src/main/services/open-services';
import { isPlainDatabaseFile } from '../src/main/db/encrypt-plain-database';
import { newDatabaseKey } from '../src/main/security/database-key';
import { REPORT_SQL } from '../src/main/db/repositories/reports-repository';
import { REFERRAL_ROUTES } from '../src/shared/domain/intake/vocabulary';
import { TREATMENT_IDS } from '../src/shared/domain/catalog/catalog-schema';
import { generatePatients } from './generate-patients';
import { SEARCH_SQL_BEFORE } from './search-before';
import { queriesFor } from './queries';
import { seededRandom } from './seeded-random';
import { benchHandouts } from './handouts';
import { benchHandoutBatchCli } from './handout-batch-cli';
import { benchPayments } from './payments';
import { benchPlanCheck } from './plan-check';
import { benchDueList } from './due-list';
import { benchToday } from './today';
import { benchPostgres } from './postgres';
import { findPostgresBinaries } from '../tests/support/postgres/throwaway-server';
import { benchStartTimes } from './start-times';
import { inTurns, percentile, time, timeAndCpu } from './measure';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const SEARCHES = 400;
const WARM_UP_SEARCHES = 60;
const SAVES = 300;

const emit = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit })}\n`);
const progress = (text: string) => process.stderr.write(`${text}\n`);

/** A calendar date `days` after `date` (UTC arithmetic on dates only). */
function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function pickParams(sql: string, params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => sql.includes(`:${name}`)));
}

// --- The run -----------------------------------------------------------------------------------------------------

/** The key in a file, for the CLI and the preview started as processes (--key-file). */
function writeKeyFile(folder: string, key: Buffer): string {
  const path = join(folder, 'bench.key');
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600 });
  return path;
}

// BENCH_ONLY=handouts: the handout figures alone (no 100,000-patient database), for a quick look; the CLI's batch on
// a new database of its own.
if (process.env.BENCH_ONLY === 'handouts') {
  await benchHandouts(emit, progress);
  const handoutsFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-bench-handouts-'));
  const key = newDatabaseKey();
  const handoutsServices = openServices({ databasePath: join(handoutsFolder, 'bench.sqlite'), key });
  try {
    await benchHandoutBatchCli(emit, progress, {
      database: join(handoutsFolder, 'bench.sqlite'),
      keyFile: writeKeyFile(handoutsFolder, key),
      dispatch: handoutsServices.dispatch,
    });
  } finally {
    await handoutsServices.close();
    rmSync(handoutsFolder, { recursive: true, force: true });
  }
  process.exit(0);
}
// BENCH_ONLY=postgres: the clinic server's figures alone (a throwaway PostgreSQL; see bench/postgres.ts).
if (process.env.BENCH_ONLY === 'postgres') {
  await benchPostgres(emit, progress, Number(process.env.BENCH_PATIENTS ?? 100_000));
  process.exit(0);
}
// BENCH_ONLY=payments: the payments report's figures alone, on a database of its own.
if (process.env.BENCH_ONLY === 'payments') {
  await benchPayments(emit, progress, PATIENTS);
  process.exit(0);
}
// BENCH_ONLY=plan: the plan check figures alone, on an empty database (the check reads none).
if (process.env.BENCH_ONLY === 'plan') {
  const planFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-bench-plan-'));
  const planServices = openServices({ databasePath: join(planFolder, 'bench.sqlite'), key: newDatabaseKey() });
  await benchPlanCheck(planServices, emit, progress);
  planServices.close();
  rmSync(planFolder, { recursive: true, force: true });
  process.exit(0);
}

// BENCH_ONLY=start: the start figures alone, the CLI's on a database of 1,000 generated patients.
if (process.env.BENCH_ONLY === 'start') {
  const startFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-bench-start-'));
  const key = newDatabaseKey();
  const startServices = openServices({ databasePath: join(startFolder, 'bench.sqlite'), key });
  const startRepository = createPatientsRepository(startServices.context.db);
  startServices.context.db.transaction(() => {
    generatePatients(1000).forEach((patient, index) =>
      startRepository.insert(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, patient, '2026-11-24T00:00:00.000Z'),
    );
  })();
  startServices.close();
  try {
    await benchStartTimes(emit, progress, {
      cliDatabase: join(startFolder, 'bench.sqlite'),
      previewDatabase: join(startFolder, 'preview', 'clinicdesk.sqlite'),
      keyFile: writeKeyFile(startFolder, key),
    });
  } finally {
    rmSync(startFolder, { recursive: true, force: true });
  }
  process.exit(0);
}

const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-bench-'));
const benchKey = newDatabaseKey();
// Every figure runs on the encrypted database, as the app does; the plain one is there only to measure what the
// encryption costs an intake save.
const services = openServices({ databasePath: join(folder, 'bench.sqlite'), key: benchKey });
const plainServices = openServices({ databasePath: join(folder, 'plain', 'bench.sqlite'), key: 'unencrypted' });
const { db } = services.context;
// The SQLite repository itself, synchronous: the bulk load is timed without the store's transaction around each call.
const repository = createPatientsRepository(db);
if (isPlainDatabaseFile(join(folder, 'bench.sqlite')) || !isPlainDatabaseFile(join(folder, 'plain', 'bench.sqlite'))) {
  throw new Error('The benchmark databases are not encrypted and plain as meant');
}

/** Thrown to end a BENCH_ONLY=search or =due run after its figures, through the same clean-up. */
class StopAfterSearch extends Error {}

try {
  progress(`generating ${PATIENTS} patients...`);
  const generated = generatePatients(PATIENTS);
  // The generator must produce what the app accepts: check a spread-out sample against the schema.
  for (let i = 0; i < generated.length; i += 50) {
    const parsed = patientSchema.safeParse(generated[i]);
    if (!parsed.success) throw new Error(`Generated patient ${i} fails the schema: ${JSON.stringify(parsed.error.issues)}`);
  }

  // Setup: the patients through the repository's insert (row, consents, search text and its trigram index), in one
  // transaction, as an import would.
  progress('inserting...');
  const insertSeconds =
    (await time(() =>
      db.transaction(() => {
        generated.forEach((patient, index) =>
          repository.insert(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, patient, '2026-11-24T00:00:00.000Z'),
        );
      })(),
    )) / 1000;
  emit('bench_setup_insert_100k_s', insertSeconds, 's');

  // BENCH_ONLY=due: the 100,000 patients and the due list's figures alone.
  if (process.env.BENCH_ONLY === 'due') {
    await benchDueList(services, emit, progress);
    throw new StopAfterSearch();
  }

  // The plain baseline for encryption_overhead_ratio: the same patients in an unencrypted database beside it.
  progress('inserting into the plain baseline...');
  await plainServices.context.store.transaction(async (tx) => {
    for (const [index, patient] of generated.entries()) {
      await tx.patients.insert(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, patient, '2026-11-24T00:00:00.000Z');
    }
  });
  // No ANALYZE / PRAGMA optimize: the app runs neither, so the planner here sees what it sees on a clinic's computer.

  // --- Patient search: the service against the bare SQL it runs ------------------------------------------------
  const warmUp = queriesFor(generated, WARM_UP_SEARCHES, 11);
  const queries = queriesFor(generated, SEARCHES, 7);

  const search = (query: string) => services.dispatch('searchPatients', { query, tripStatus: 'all', limit: MAX_SEARCH_RESULTS });

  // The floor: the repository's own SELECT statements, prepared once on the same connection, with the needle
  // folded and the parameters built before the clock starts. Rows come back as objects, as the repository gets them.
  const today = todayIn(CLINIC_TIME_ZONE, new Date());
  const statements = {
    trigram: db.prepare(PATIENT_SEARCH_SQL.trigram),
    pieces: db.prepare(PATIENT_SEARCH_SQL.pieces),
    scan: db.prepare(PATIENT_SEARCH_SQL.scan),
  };
  const statementsBefore = { trigram: db.prepare(SEARCH_SQL_BEFORE.trigram), scan: db.prepare(SEARCH_SQL_BEFORE.scan) };
  // `before`: the search as it was before the pieces index (bench/search-before.ts), timed beside today's so the
  // gain reads as a ratio in the same run (patient_search_vs_scan_ratio).
  const bareQuery = (query: string, before = false) => {
    const needle = searchNeedle(query);
    const params = { status: 'all', today, limit: MAX_SEARCH_RESULTS + 1 };
    const chosen = before ? statementsBefore : statements;
    if ([...needle].length >= TRIGRAM_MIN_LENGTH) {
      const bound = { ...params, match: ftsPhrase(needle) };
      return () => chosen.trigram.all(bound);
    }
    const bound = { ...params, needle };
    if (!before && isPieceNeedle(needle)) return () => statements.pieces.all(bound);
    return () => chosen.scan.all(bound);
  };
  const bareWarmUp = warmUp.map((query) => bareQuery(query));
  const bare = queries.map((query) => bareQuery(query));
  const scans = queries.map((query) => bareQuery(query, true));

  progress('searching...');
  for (const [i, query] of warmUp.entries()) {
    await search(query);
    bareWarmUp[i]!();
  }
  const serviceTimes: number[] = [];
  const floorTimes: number[] = [];
  const scanTimes: number[] = [];
  // The same runs in CPU time too: on a machine shared with other work, a wall-clock p95 is set by the moments the
  // bench waited for a core, and the ratio then says little; the CPU-time ratio says what the search itself costs.
  const serviceCpu: number[] = [];
  const scanCpu: number[] = [];
  const hits: number[] = [];
  let truncated = 0;
  for (const [i, query] of queries.entries()) {
    let result: Awaited<ReturnType<typeof search>> | undefined;
    const service = () => timeAndCpu(async () => (result = await search(query)));
    const floor = () => time(bare[i]!);
    await inTurns(
      i,
      async () => {
        const { wall, cpu } = await service();
        serviceTimes.push(wall);
        serviceCpu.push(cpu);
      },
      async () => floorTimes.push(await floor()),
    );
    const scan = await timeAndCpu(scans[i]!);
    scanTimes.push(scan.wall);
    scanCpu.push(scan.cpu);
    if (!result?.ok) throw new Error(`searchPatients ${JSON.stringify(query)} failed: ${JSON.stringify(result)}`);
    const value = result.value;
    // Every query is part of an existing patient: finding nobody means the query or the search is wrong.
    if (value.rows.length === 0) throw new Error(`searchPatients ${JSON.stringify(query)} found nobody`);
    hits.push(value.rows.length);
    if (value.truncated) truncated++;
  }

  const searchP95 = percentile(serviceTimes, 95);
  const floorP95 = percentile(floorTimes, 95);
  emit('patient_search_p95_ms', searchP95, 'ms');
  emit('patient_search_sql_floor_p95_ms', floorP95, 'ms');
  emit('patient_search_vs_floor_ratio', searchP95 / floorP95, 'ratio');
  emit('patient_search_scan_p95_ms', percentile(scanTimes, 95), 'ms');
  emit('patient_search_vs_scan_ratio', searchP95 / percentile(scanTimes, 95), 'ratio');
  emit('patient_search_cpu_p95_ms', percentile(serviceCpu, 95), 'ms');
  emit('patient_search_scan_cpu_p95_ms', percentile(scanCpu, 95), 'ms');
  emit('patient_search_vs_scan_cpu_ratio', percentile(serviceCpu, 95) / percentile(scanCpu, 95), 'ratio');
  progress(
    `  search: median ${percentile(serviceTimes, 50).toFixed(2)} ms (floor ${percentile(floorTimes, 50).toFixed(2)} ms); ` +
      `rows per query: median ${percentile(hits, 50)}, p95 ${percentile(hits, 95)}; ${truncated}/${queries.length} cut at ${MAX_SEARCH_RESULTS}`,
  );

  // BENCH_ONLY=search: the 100,000 patients and the search figures alone.
  if (process.env.BENCH_ONLY === 'search') throw new StopAfterSearch();

  // --- What encryption costs a search: the same service on the plain baseline, interleaved with the encrypted one.
  const plainSearch = (query: string) => plainServices.dispatch('searchPatients', { query, tripStatus: 'all', limit: MAX_SEARCH_RESULTS });
  for (const query of warmUp) await plainSearch(query);
  const encryptedTimes: number[] = [];
  const plainTimes: number[] = [];
  for (const [i, query] of queries.entries()) {
    const encrypted = async () => encryptedTimes.push(await time(() => search(query)));
    const plain = async () => plainTimes.push(await time(() => plainSearch(query)));
    await inTurns(i, encrypted, plain);
  }
  emit('patient_search_plain_p95_ms', percentile(plainTimes, 95), 'ms');
  emit('search_encryption_overhead_ratio', percentile(encryptedTimes, 95) / percentile(plainTimes, 95), 'ratio');

  // --- Saving an intake: the service against one bare INSERT ---------------------------------------------------
  // The floor: one comparable row (the intake as JSON) into a plain table of the same database file, so the same
  // connection, folder and pragmas (WAL, synchronous=FULL), in its own transaction.
  const pragmas = `${String(db.pragma('journal_mode', { simple: true }))}/synchronous=${String(db.pragma('synchronous', { simple: true }))}`;
  if (pragmas !== 'wal/synchronous=2') throw new Error(`Expected WAL and synchronous=FULL, found ${pragmas}`);
  db.exec('CREATE TABLE bench_floor (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT');
  const insertFloor = db.prepare('INSERT INTO bench_floor (id, body) VALUES (?, ?)');

  progress('saving...');
  const newcomers = generatePatients(SAVES, 99);
  const saveTimes: number[] = [];
  const saveFloorTimes: number[] = [];
  const saved: PatientRecord[] = [];
  const plainSaveTimes: number[] = [];
  for (const [index, patient] of newcomers.entries()) {
    const body = JSON.stringify(patient);
    const floor = () => time(() => db.transaction(() => insertFloor.run(`floor-${index}`, body))());
    let result: Result<PatientRecord> | undefined;
    let plainResult: Result<PatientRecord> | undefined;
    const save = () => time(async () => (result = await services.dispatch('createPatient', { patient })));
    const plainSave = () => time(async () => (plainResult = await plainServices.dispatch('createPatient', { patient })));
    // Three in a rotating order, so none always runs first (or right after another has flushed the disk).
    const order = [
      async () => saveTimes.push(await save()),
      async () => saveFloorTimes.push(await floor()),
      async () => plainSaveTimes.push(await plainSave()),
    ];
    for (let k = 0; k < order.length; k++) await order[(index + k) % order.length]!();
    if (!result?.ok) throw new Error(`createPatient failed: ${JSON.stringify(result)}`);
    if (!plainResult?.ok) throw new Error(`createPatient (plain) failed: ${JSON.stringify(plainResult)}`);
    saved.push(result.value);
  }
  const saveP95 = percentile(saveTimes, 95);
  const plainSaveP95 = percentile(plainSaveTimes, 95);
  emit('intake_save_p95_ms', saveP95, 'ms');
  emit('intake_save_plain_p95_ms', plainSaveP95, 'ms');
  emit('encryption_overhead_ratio', saveP95 / plainSaveP95, 'ratio');

  const updateTimes: number[] = [];
  for (const record of saved) {
    const patient = { ...record.patient, trip: { ...record.patient.trip, stayAddress: 'Jung-gu, Seoul, Euljiro' } };
    let result: Result<PatientRecord> | undefined;
    updateTimes.push(
      await time(
        async () => (result = await services.dispatch('updatePatient', { id: record.id, expectedVersion: record.version, patient })),
      ),
    );
    if (!result?.ok) throw new Error(`updatePatient failed: ${JSON.stringify(result)}`);
  }
  emit('intake_update_p95_ms', percentile(updateTimes, 95), 'ms');
  emit('intake_save_sql_floor_p95_ms', percentile(saveFloorTimes, 95), 'ms');

  // --- Six-treatment plans checked against the rules, dated and with sessions not dated yet ----------------------
  await benchPlanCheck(services, emit, progress);

  // Follow-ups: 1,000,000 over the 100,000 patients, then the due list beside its bare SQL.
  await benchDueList(services, emit, progress);
  const seqs = db.prepare('SELECT seq FROM patients').pluck().all() as number[];

  // --- Reports: a year of 100,000 patients (issue 6) ----------------------------------------------------------
  // Every patient gets a plan of four sessions dated in 2026 (done, moved, no-show, scheduled...), saved through
  // the plans repository so its report rows are written as the app writes them, and a referral route (a sixth
  // never recorded). Then the year's summary through the service beside its bare SQL.
  progress('adding a year of plans (400,000 sessions)...');
  const planRandom = seededRandom(23);
  const statuses = ['done', 'done', 'done', 'no_show', 'cancelled', 'scheduled'] as const;
  const setRoute = db.prepare('UPDATE patients SET referral_route = ? WHERE seq = ?');
  await services.context.store.transaction(async (tx) => {
    for (const seq of seqs) {
      const day = Math.floor(planRandom() * 360);
      const items = Array.from({ length: 4 }, (_, index) => ({
        treatment: TREATMENT_IDS[Math.floor(planRandom() * TREATMENT_IDS.length)]!,
        date: addDaysIso('2026-01-01', day + index),
        status: statuses[Math.floor(planRandom() * statuses.length)]!,
      }));
      const discounts = planRandom() < 0.2 ? { [items[0]!.treatment]: 10 } : {};
      await tx.plans.save(seq, { items, acknowledgements: [], discounts, rate: null }, 0, '2026-01-01T00:00:00.000Z', 'bench');
      const route = Math.floor(planRandom() * (REFERRAL_ROUTES.length + 1));
      if (route < REFERRAL_ROUTES.length) setRoute.run(REFERRAL_ROUTES[route], seq);
    }
  });
  const range = { from: '2026-01-01', to: '2026-12-31' };
  const summarise = () => services.dispatch('getReportSummary', range);
  const reportToday = todayIn(CLINIC_TIME_ZONE, new Date());
  const overdueBefore = new Date(Date.now() - 48 * 3_600_000).toISOString();
  const floorStatements = Object.values(REPORT_SQL).map((sql) => db.prepare(sql));
  const floorParams = { ...range, today: reportToday, overdueBefore };
  // Each statement gets the parameters it names; better-sqlite3 refuses extra named parameters.
  const bareSummary = () =>
    db.transaction(() => floorStatements.map((statement) => statement.all(pickParams(statement.source, floorParams))))();
  const summaryCheck = await summarise();
  if (!summaryCheck.ok) throw new Error(`getReportSummary failed: ${JSON.stringify(summaryCheck)}`);
  progress(`  summary: ${summaryCheck.value.patients} patients seen in 2026`);
  bareSummary();
  const summaryTimes: number[] = [];
  const summaryFloorTimes: number[] = [];
  for (let i = 0; i < 12; i++) {
    await inTurns(
      i,
      async () => summaryTimes.push(await time(summarise)),
      async () => summaryFloorTimes.push(await time(bareSummary)),
    );
  }
  emit('report_summary_ms', percentile(summaryTimes, 50), 'ms');
  emit('report_summary_sql_floor_ms', percentile(summaryFloorTimes, 50), 'ms');
  emit('report_summary_vs_floor_ratio', percentile(summaryTimes, 50) / percentile(summaryFloorTimes, 50), 'ratio');
  const khidiTime = await time(async () => {
    const result = await services.dispatch('getKhidiReport', { year: 2026 });
    if (!result.ok) throw new Error(`getKhidiReport failed: ${JSON.stringify(result)}`);
  });
  emit('report_khidi_year_ms', khidiTime, 'ms');

  // --- Today: the desk's day over all of it ------------------------------------------------------------------------
  await benchToday(services, db, emit, progress);

  // --- Starting the CLI (info on this database, open in this process too) and the preview --------------------------
  await benchStartTimes(emit, progress, {
    cliDatabase: join(folder, 'bench.sqlite'),
    previewDatabase: join(folder, 'preview', 'clinicdesk.sqlite'),
    keyFile: writeKeyFile(folder, benchKey),
  });
  // A batch of handouts from the built CLI, for a patient added to this database.
  await benchHandoutBatchCli(emit, progress, {
    database: join(folder, 'bench.sqlite'),
    keyFile: writeKeyFile(folder, benchKey),
    dispatch: services.dispatch,
  });

  // The clinic server, where PostgreSQL is installed (CI installs it); said, not skipped silently, where it is not.
  if (findPostgresBinaries()) await benchPostgres(emit, progress, PATIENTS);
  else progress('postgres: no PostgreSQL binaries here, the clinic server figures are not measured');
} catch (error) {
  if (!(error instanceof StopAfterSearch)) throw error;
} finally {
  await services.close();
  await plainServices.close();
  rmSync(folder, { recursive: true, force: true });
}

await benchPayments(emit, progress, PATIENTS);
await benchHandouts(emit, progress);
