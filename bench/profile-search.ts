// npx tsx bench/profile-search.ts: where the time of a patient search and of an intake save goes, on the same
// 100,000 patients and queries as npm run bench, and what some alternatives to the search SQL would cost. Not
// part of the figures (npm run bench prints those); prints a readable report on stdout. About a minute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { contract } from '../src/shared/contract';
import { MAX_SEARCH_RESULTS } from '../src/shared/contract/patients';
import { CLINIC_TIME_ZONE, todayIn } from '../src/shared/domain/intake/calendar-date';
import type { PatientIntake } from '../src/shared/domain/intake/patient-schema';
import { foldForSearch, searchNeedle } from '../src/shared/domain/intake/search-text';
import { tripStatus } from '../src/shared/domain/intake/trip-status';
import {
  ftsPhrase,
  PATIENT_SEARCH_SQL,
  TRIGRAM_MIN_LENGTH,
  createPatientsRepository,
} from '../src/main/db/repositories/patients-repository';
import { openServices } from '../src/main/services/open-services';
import { newDatabaseKey } from '../src/main/security/database-key';
import { checkAgainstToday, clinicToday } from '../src/main/services/patients-service';
import { generatePatients } from './generate-patients';
import { queriesFor } from './queries';
import { percentile } from './measure';

const ROUNDS = 2;
const SHORT_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const timeIt = (run: () => unknown) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};
const line = (label: string, samples: readonly number[]) =>
  console.log(
    `  ${label.padEnd(58)} median ${percentile(samples, 50).toFixed(3).padStart(7)}  p95 ${percentile(samples, 95).toFixed(3).padStart(7)}  max ${Math.max(
      ...samples,
    )
      .toFixed(3)
      .padStart(7)}`,
  );
const detail = (rows: unknown[]) => rows.map((row) => (row as { detail: string }).detail).join(' | ');

const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-profile-'));
const services = openServices({ databasePath: join(folder, 'bench.sqlite'), key: newDatabaseKey() });
const { db } = services.context;
// The SQLite repository itself, synchronous: the bulk load is timed without the store's transaction around each call.
const repository = createPatientsRepository(db);

try {
  const generated = generatePatients(100_000);
  db.transaction(() => {
    generated.forEach((patient, index) =>
      repository.insert(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, patient, '2026-11-24T00:00:00.000Z'),
    );
  })();

  const queries = queriesFor(generated, 400, 7);
  const today = todayIn(CLINIC_TIME_ZONE, new Date());
  const limit = MAX_SEARCH_RESULTS;
  const base = { status: 'all', today, limit: limit + 1 };
  const cases = queries.map((query) => {
    const needle = searchNeedle(query);
    const path = [...needle].length >= TRIGRAM_MIN_LENGTH ? ('trigram' as const) : ('scan' as const);
    const params = path === 'trigram' ? { ...base, match: ftsPhrase(needle) } : { ...base, needle };
    return { query, needle, match: ftsPhrase(needle), path, params };
  });

  console.log('query plans (no ANALYZE, as in the app):');
  for (const path of ['trigram', 'scan'] as const) {
    const sample = cases.find((c) => c.path === path)!;
    console.log(`  ${path}: ${detail(db.prepare(`EXPLAIN QUERY PLAN ${PATIENT_SEARCH_SQL[path]}`).all(sample.params))}`);
  }

  // Each stage is one pass over all queries (rather than all stages back to back per query), so that no stage
  // runs on caches another stage has just warmed for the same query.
  const stmt = {
    trigram: db.prepare(PATIENT_SEARCH_SQL.trigram),
    scan: db.prepare(PATIENT_SEARCH_SQL.scan),
    trigramRaw: db.prepare(PATIENT_SEARCH_SQL.trigram).raw(true),
    scanRaw: db.prepare(PATIENT_SEARCH_SQL.scan).raw(true),
    trigramUnordered: db.prepare(PATIENT_SEARCH_SQL.trigram.replace('ORDER BY arrival DESC, seq DESC', '')),
    scanUnordered: db.prepare(PATIENT_SEARCH_SQL.scan.replace('ORDER BY arrival DESC, seq DESC', '')),
    trigramCount: db.prepare('SELECT count(*) FROM patient_search_index WHERE patient_search_index MATCH :match').pluck(),
    scanCount: db.prepare('SELECT count(*) FROM patient_search_text WHERE instr(haystack, :needle) > 0').pluck(),
  };
  const rowsOf = new Map<string, Record<string, unknown>[]>();
  for (const c of cases) rowsOf.set(c.query, stmt[c.path].all(c.params) as Record<string, unknown>[]);
  const stages: Record<string, (c: (typeof cases)[number]) => Promise<unknown> | unknown> = {
    'a. dispatch(searchPatients), total': (c) => services.dispatch('searchPatients', { query: c.query, tripStatus: 'all', limit }),
    'b. contract parse of the input': (c) => contract.searchPatients.input.parse({ query: c.query, tripStatus: 'all', limit }),
    'c. searchNeedle': (c) => searchNeedle(c.query),
    'd. clinicToday (a new Intl.DateTimeFormat each call)': () => clinicToday(services.context),
    'e. repository.search (SQL + toSummary)': (c) => repository.search({ needle: c.needle, tripStatus: 'all', today, limit }),
    'f. SQL, object rows (the floor)': (c) => stmt[c.path].all(c.params),
    'g. SQL, raw rows': (c) => (c.path === 'trigram' ? stmt.trigramRaw : stmt.scanRaw).all(c.params),
    'h. SQL without ORDER BY (any 1001 matches)': (c) => (c.path === 'trigram' ? stmt.trigramUnordered : stmt.scanUnordered).all(c.params),
    'i. matching only: count(*) of the matches': (c) =>
      c.path === 'trigram' ? stmt.trigramCount.get({ match: c.match }) : stmt.scanCount.get({ needle: c.needle }),
    'j. row mapping alone (JSON.parse languages, tripStatus)': (c) =>
      rowsOf.get(c.query)!.map((row) => ({
        ...row,
        languages: JSON.parse(row.languages_json as string) as unknown,
        tripStatus: tripStatus({ arrival: row.arrival as string, departure: row.departure as string }, today),
      })),
  };
  const samples: Record<string, Record<string, number[]>> = { trigram: {}, scan: {} };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [stage, run] of Object.entries(stages)) {
      for (const c of cases) {
        const start = performance.now();
        await run(c);
        (samples[c.path]![stage] ??= []).push(performance.now() - start);
      }
    }
  }
  for (const path of ['trigram', 'scan'] as const) {
    const ofPath = cases.filter((c) => c.path === path);
    const matches = ofPath.map((c) => Number(stmt[`${path}Count`].get(path === 'trigram' ? { match: c.match } : { needle: c.needle })));
    console.log(
      `\n${path}: ${ofPath.length} of ${cases.length} queries, x${ROUNDS}; matches per query median ${percentile(matches, 50)}, p95 ${percentile(matches, 95)}, max ${Math.max(...matches)}`,
    );
    for (const [stage, values] of Object.entries(samples[path]!)) line(stage, values);
  }
  const all = (stage: string) => [...samples.trigram![stage]!, ...samples.scan![stage]!];
  console.log('\nall queries:');
  line('a. dispatch(searchPatients), total', all('a. dispatch(searchPatients), total'));
  line('f. SQL, object rows (the floor)', all('f. SQL, object rows (the floor)'));

  console.log('\nslowest 10 queries by the floor (median of 5):');
  const slowest = cases
    .map((c) => ({
      ...c,
      ms: percentile(
        Array.from({ length: 5 }, () => timeIt(() => stmt[c.path].all(c.params))),
        50,
      ),
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  for (const c of slowest) {
    const matches = Number(stmt[`${c.path}Count`].get(c.path === 'trigram' ? { match: c.match } : { needle: c.needle }));
    console.log(
      `  ${c.ms.toFixed(2).padStart(6)} ms  ${c.path.padEnd(7)}  ${String(matches).padStart(6)} matches  ${JSON.stringify(c.query)}`,
    );
  }

  // --- Alternatives -------------------------------------------------------------------------------------------
  console.log('\nalternatives (bench-only tables on this database; the repository is unchanged):');
  const summaryColumns = PATIENT_SEARCH_SQL.scan.slice(0, PATIENT_SEARCH_SQL.scan.indexOf('FROM patients'));
  const tripFilter = PATIENT_SEARCH_SQL.scan.slice(
    PATIENT_SEARCH_SQL.scan.indexOf(') AND (') + 6,
    PATIENT_SEARCH_SQL.scan.indexOf('ORDER BY'),
  );
  const passes = (run: (c: (typeof cases)[number]) => unknown, of: readonly (typeof cases)[number][]) => {
    const values: number[] = [];
    for (let round = 0; round < ROUNDS; round++) for (const c of of) values.push(timeIt(() => run(c)));
    return values;
  };
  const short = cases.filter((c) => c.path === 'scan');
  const long = cases.filter((c) => c.path === 'trigram');

  // 1. The 1-2 character needles are Han, Hangul or Kana: index each such character and pair of characters.
  db.exec('CREATE TABLE bench_grams (gram TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (gram, seq)) WITHOUT ROWID, STRICT');
  const insertGram = db.prepare('INSERT OR IGNORE INTO bench_grams (gram, seq) VALUES (?, ?)');
  const gramsOf = (text: string) => {
    const grams = new Set<string>();
    for (const word of foldForSearch(text).split(' ')) {
      const chars = [...word];
      chars.forEach((char, i) => {
        if (!SHORT_SCRIPT.test(char)) return;
        grams.add(char);
        if (i + 1 < chars.length && SHORT_SCRIPT.test(chars[i + 1]!)) grams.add(char + chars[i + 1]);
      });
    }
    return grams;
  };
  const names = db.prepare('SELECT seq, native_name FROM patients').raw(true).all() as [number, string][];
  const buildMs = timeIt(() =>
    db.transaction(() => {
      for (const [seq, native] of names) for (const gram of gramsOf(native)) insertGram.run(gram, seq);
    })(),
  );
  const gramRows = Number(db.prepare('SELECT count(*) FROM bench_grams').pluck().get());
  const gramPages = Number(db.prepare("SELECT count(*) FROM dbstat WHERE name = 'bench_grams'").pluck().get());
  console.log(
    `  gram table for Han/Hangul/Kana: ${gramRows} rows, ${gramPages} pages, built in ${buildMs.toFixed(0)} ms for 100,000 patients`,
  );
  const gramSearch = db.prepare(`${summaryColumns} FROM patients WHERE seq IN (SELECT seq FROM bench_grams WHERE gram = :needle)
    AND ${tripFilter} ORDER BY arrival DESC, seq DESC LIMIT :limit`);
  const like = db.prepare(PATIENT_SEARCH_SQL.scan.replace('instr(haystack, :needle) > 0', "haystack LIKE '%' || :needle || '%'"));
  line(
    '1-2 chars: as is (instr scan of patient_search_text)',
    passes((c) => stmt.scan.all(c.params), short),
  );
  line(
    '1-2 chars: LIKE instead of instr',
    passes((c) => like.all(c.params), short),
  );
  line(
    '1-2 chars: gram table lookup',
    passes((c) => gramSearch.all(c.params), short),
  );
  line(
    'all queries: floor as is',
    passes((c) => stmt[c.path].all(c.params), cases),
  );
  line(
    'all queries: floor with the gram table for 1-2 chars',
    passes((c) => (c.path === 'scan' ? gramSearch : stmt.trigram).all(c.params), cases),
  );

  // 2. 3+ characters: the ORDER BY reads every matching (wide) patients row; sort on a narrow table first.
  db.exec(
    'CREATE TABLE bench_arrival (seq INTEGER PRIMARY KEY, arrival TEXT NOT NULL) STRICT; INSERT INTO bench_arrival SELECT seq, arrival FROM patients',
  );
  const narrowSort = db.prepare(`${summaryColumns} FROM patients WHERE seq IN (
      SELECT seq FROM bench_arrival WHERE seq IN (SELECT rowid FROM patient_search_index WHERE patient_search_index MATCH :match)
      ORDER BY arrival DESC, seq DESC LIMIT :limit)
    AND ${tripFilter} ORDER BY arrival DESC, seq DESC`);
  line(
    '3+ chars: as is',
    passes((c) => stmt.trigram.all(c.params), long),
  );
  line(
    '3+ chars: top 1001 from a narrow (seq, arrival) table, then fetch',
    passes((c) => narrowSort.all(c.params), long),
  );
  line(
    '3+ chars: no ORDER BY at all (lower bound)',
    passes((c) => stmt.trigramUnordered.all(c.params), long),
  );

  // --- Saving an intake ---------------------------------------------------------------------------------------
  console.log('\nintake save, stage by stage (300 new patients on the 100,000):');
  const saveStages: Record<string, number[]> = {};
  const add = (stage: string, ms: number) => (saveStages[stage] ??= []).push(ms);
  generatePatients(300, 99).forEach((patient, index) => {
    const id = `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    let parsed: { patient: PatientIntake } | undefined;
    add(
      'a. contract parse (patientSchema)',
      timeIt(() => (parsed = contract.createPatient.input.parse({ patient }))),
    );
    add(
      'b. checkAgainstToday(clinicToday)',
      timeIt(() => checkAgainstToday(parsed!.patient, clinicToday(services.context), ['patient'])),
    );
    add(
      'c. seqOf (already exists?)',
      timeIt(() => repository.seqOf(id)),
    );
    add(
      'd. transaction: row, consents, search text, FTS; commit',
      timeIt(() => db.transaction(() => repository.insert(id, { ...parsed!.patient, id }, new Date().toISOString()))()),
    );
    add(
      'e. get (the record back)',
      timeIt(() => repository.get(id)),
    );
  });
  for (const [stage, values] of Object.entries(saveStages)) line(stage, values);
} finally {
  services.close();
  rmSync(folder, { recursive: true, force: true });
}
