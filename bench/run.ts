// npm run bench: speed figures as JSON lines {"name","value","unit"} on stdout (progress on stderr). Each figure
// that has one is measured beside its floor in the same run (the bare SQL on the same database), so the figures
// read as ratios on whatever machine runs them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_SEARCH_RESULTS, type PatientRecord } from '../src/shared/contract/patients';
import { searchNeedle } from '../src/shared/domain/intake/search-text';
import { ftsPhrase, PATIENT_SEARCH_SQL, TRIGRAM_MIN_LENGTH } from '../src/main/db/repositories/patients-repository';
import { openServices } from '../src/main/services/open-services';
import { fixtureCase } from './fixture-case';
import { generatePatients } from './generate-patients';
import { seededRandom } from './seeded-random';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const SEARCHES = 400;
const SAVES = 300;

const emit = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit })}\n`);
const progress = (text: string) => process.stderr.write(`${text}\n`);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time<T>(run: () => T | Promise<T>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-bench-'));
const services = openServices({ databasePath: join(folder, 'bench.sqlite') });
const { db, patients: repository } = services.context;

try {
  // Setup: 100,000 patients in the ten languages' scripts, through the repository, in one transaction.
  progress(`generating ${PATIENTS} patients...`);
  const generated = generatePatients(PATIENTS);
  const insertSeconds =
    (await time(() =>
      db.transaction(() => {
        generated.forEach((patient, index) => repository.insert(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, patient, '2026-11-24T00:00:00.000Z'));
      })(),
    )) / 1000;
  emit('bench_setup_insert_100k_s', insertSeconds, 's');
  db.pragma('optimize');

  // Realistic queries: part of a native name (one or two characters of a Han, Hangul or Kana name; three to six
  // of the others), part of a passport name, or phone digits.
  const random = seededRandom(7);
  const queries: string[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const patient = generated[Math.floor(random() * generated.length)]!;
    const kind = i % 3;
    if (kind === 0) {
      const chars = [...patient.names.native.replace(/\s/g, '')];
      const short = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(patient.names.native);
      const length = Math.min(chars.length, short ? 1 + Math.floor(random() * 2) : 3 + Math.floor(random() * 4));
      const start = Math.floor(random() * (chars.length - length + 1));
      queries.push(chars.slice(start, start + length).join(''));
    } else if (kind === 1) {
      const latin = patient.names.latin.toLowerCase();
      const length = 3 + Math.floor(random() * 4);
      const start = Math.floor(random() * Math.max(1, latin.length - length + 1));
      queries.push(latin.slice(start, start + length));
    } else {
      const digits = patient.phone!.slice(1);
      queries.push(digits.slice(digits.length - 8, digits.length - 2));
    }
  }

  const search = (query: string) => services.dispatch('searchPatients', { query, tripStatus: 'all', limit: MAX_SEARCH_RESULTS });
  for (const query of queries.slice(0, 50)) await search(query); // warm-up
  const serviceTimes: number[] = [];
  for (const query of queries) serviceTimes.push(await time(() => search(query)));

  // The floor: the same SQL the repository runs, prepared once, rows left raw.
  const statements = {
    trigram: db.prepare(PATIENT_SEARCH_SQL.trigram).raw(true),
    scan: db.prepare(PATIENT_SEARCH_SQL.scan).raw(true),
  };
  const bare = (query: string) => {
    const needle = searchNeedle(query);
    const params = { status: 'all', today: '2026-11-24', limit: MAX_SEARCH_RESULTS + 1 };
    return [...needle].length >= TRIGRAM_MIN_LENGTH
      ? statements.trigram.all({ ...params, match: ftsPhrase(needle) })
      : statements.scan.all({ ...params, needle });
  };
  for (const query of queries.slice(0, 50)) bare(query);
  const floorTimes: number[] = [];
  for (const query of queries) floorTimes.push(await time(() => bare(query)));

  const searchP95 = percentile(serviceTimes, 95);
  const floorP95 = percentile(floorTimes, 95);
  emit('patient_search_p95_ms', searchP95, 'ms');
  emit('patient_search_sql_floor_p95_ms', floorP95, 'ms');
  emit('patient_search_vs_floor_ratio', searchP95 / floorP95, 'ratio');

  // Saving an intake through the service layer (contract parse, checks, insert, consents, search text).
  const newcomers = generatePatients(SAVES, 99);
  const saveTimes: number[] = [];
  const saved: PatientRecord[] = [];
  for (const patient of newcomers) {
    let result: Awaited<ReturnType<typeof services.dispatch>> | undefined;
    saveTimes.push(await time(async () => (result = await services.dispatch('createPatient', { patient }))));
    if (!result?.ok) throw new Error(`createPatient failed: ${JSON.stringify(result)}`);
    saved.push(result.value as PatientRecord);
  }
  emit('intake_save_p95_ms', percentile(saveTimes, 95), 'ms');

  const updateTimes: number[] = [];
  for (const record of saved) {
    const patient = { ...record.patient, trip: { ...record.patient.trip, stayAddress: 'Jung-gu, Seoul' } };
    updateTimes.push(await time(() => services.dispatch('updatePatient', { id: record.id, expectedVersion: record.version, patient })));
  }
  emit('intake_update_p95_ms', percentile(updateTimes, 95), 'ms');

  // The floor of a save: one comparable row into a plain table, in its own transaction, same pragmas and file.
  db.exec('CREATE TABLE bench_floor (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT');
  const insertFloor = db.prepare('INSERT INTO bench_floor (id, body) VALUES (?, ?)');
  const floorSaves: number[] = [];
  newcomers.forEach((patient, index) => {
    const body = JSON.stringify(patient);
    const start = performance.now();
    db.transaction(() => insertFloor.run(`floor-${index}`, body))();
    floorSaves.push(performance.now() - start);
  });
  emit('intake_save_sql_floor_p95_ms', percentile(floorSaves, 95), 'ms');

  // A six-treatment plan checked against the rules (the treatment-plans issue).
  const planCase = { ...fixtureCase('zh-Hans'), plan: { items: [
    { treatment: 'pico-laser', date: '2026-12-03' },
    { treatment: 'rejuran-healer', date: '2026-12-03' },
    { treatment: 'fraxel', date: '2026-12-04' },
    { treatment: 'hydrafacial', date: '2026-12-05' },
    { treatment: 'ipl', date: '2026-12-07' },
    { treatment: 'rf-microneedling', date: '2026-12-02' },
  ] } };
  const checkOnce = async () => {
    const result = await services.dispatch('checkCasePlan', { caseFile: planCase });
    if (!result.ok) throw new Error(`checkCasePlan failed: ${JSON.stringify(result.error)}`);
  };
  for (let i = 0; i < 50; i++) await checkOnce();
  const planTimes: number[] = [];
  for (let i = 0; i < 500; i++) planTimes.push(await time(checkOnce));
  emit('plan_check_p95_ms', percentile(planTimes, 95), 'ms');
} finally {
  services.close();
  rmSync(folder, { recursive: true, force: true });
}
