// The PostgreSQL repositories against the SQLite ones they mirror: the same calls on a temporary SQLite file (through
// the SQLite store) and on a fresh PostgreSQL database (through the PostgreSQL store) give equal answers. Then what
// only a server has: transactions side by side on their own connections (version conflicts, quote numbers, the
// audit chain's appends). Skipped, saying why, on a machine without PostgreSQL; a failure under CI.
import { randomBytes } from 'node:crypto';
import { createFieldSeal } from '../../../src/main/security/field-seal';
import type Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generatePatients } from '../../../bench/generate-patients';
import { seededRandom } from '../../../bench/seeded-random';
import { openDatabase } from '../../../src/main/db/open-database';
import { connectConfigured, createPostgresPool, openPostgresStore, TransactionOverError } from '../../../src/main/db/postgres/pg-store';
import { AUDIT_PAGE_SIZE } from '../../../src/main/db/postgres/repositories/audit-repository';
import { likeContaining, SEARCH_TEXT_MATCH } from '../../../src/main/db/postgres/repositories/patients-repository';
import { named } from '../../../src/main/db/postgres/pg-sql';
import { createSqliteStore } from '../../../src/main/db/store/sqlite-store';
import { NestedTransactionError, type Store, type Tx } from '../../../src/main/db/store/store';
import { chainEntry, verifyChain, type AuditEntry } from '../../../src/main/services/audit/audit-chain';
import type { PatientSummary } from '../../../src/shared/contract/patients';
import type { TreatmentId } from '../../../src/shared/domain/catalog/catalog-schema';
import { addDays } from '../../../src/shared/domain/intake/calendar-date';
import { patientSchema, type PatientIntake } from '../../../src/shared/domain/intake/patient-schema';
import { searchHaystack, searchNeedle } from '../../../src/shared/domain/intake/search-text';
import type { TripStatus } from '../../../src/shared/domain/intake/vocabulary';
import { usePostgres } from '../../support/postgres/use-postgres';
import { FIXTURE_LANGUAGES, fixtureIntake } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const NOW = '2026-11-24T01:00:00.000Z';
const LATER = '2026-11-25T03:00:00.000Z';
/** Today in Korea at NOW. */
const TODAY = '2026-11-24';
const deps = { now: () => new Date(NOW), actor: async () => 'Kim Coordinator' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Both {
  readonly sqlite: Store;
  readonly pg: Store;
  readonly sqliteDb: Database.Database;
  readonly pgUrl: string;
}

const postgres = usePostgres();
const folders: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The sealed columns open as they were written: every comparison with SQLite below goes through them. */
const TEST_SEAL = createFieldSeal(randomBytes(32));

async function openPg(url: string): Promise<Store> {
  const store = await openPostgresStore(url, { ...deps, seal: TEST_SEAL, log: () => undefined });
  closers.push(() => store.close());
  return store;
}

async function openBoth(): Promise<Both> {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-pg-repos-'));
  folders.push(folder);
  const sqliteDb = openDatabase(join(folder, 'test.sqlite'), TEST_KEY);
  const sqlite = createSqliteStore(sqliteDb, deps);
  closers.push(async () => {
    await sqlite.close();
    sqliteDb.close();
  });
  const pgUrl = await postgres.createDatabase();
  return { sqlite, pg: await openPg(pgUrl), sqliteDb, pgUrl };
}

/** The same work on SQLite, then on PostgreSQL: [sqlite's answer, PostgreSQL's]. */
async function onBoth<T>(both: Both, work: (store: Store) => Promise<T>): Promise<[T, T]> {
  const fromSqlite = await work(both.sqlite);
  const fromPg = await work(both.pg);
  return [fromSqlite, fromPg];
}

/** Deterministic ids, the same on both back ends. */
const idOf = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

function fixturePatients(): PatientIntake[] {
  return FIXTURE_LANGUAGES.map((language) => patientSchema.parse(fixtureIntake(language)));
}

async function insertAll(tx: Tx, patients: readonly PatientIntake[], firstIndex = 0): Promise<number[]> {
  const seqs: number[] = [];
  for (const [index, patient] of patients.entries()) {
    await tx.patients.insert(idOf(firstIndex + index), patient, NOW);
    seqs.push((await tx.patients.seqOf(idOf(firstIndex + index)))!);
  }
  return seqs;
}

describe.skipIf(!postgres.available)(postgres.title('PostgreSQL repositories beside the SQLite ones'), () => {
  it('patients: insert, get, update, its conflicts and the counts answer alike', async () => {
    const both = await openBoth();
    const patients = [...fixturePatients(), ...generatePatients(6)];
    const [first, second] = patients;
    const edited: PatientIntake = {
      ...first!,
      names: { native: 'Иванова Анна', latin: 'Ivanova Anna' },
      phone: null,
      consents: [
        ...first!.consents,
        { kind: 'photos_marketing', grantedAt: LATER, withdrawnAt: null, textVersion: '2026-02', language: 'ru' },
      ],
      referral: { route: 'agency', agencyName: 'Seoul Medi Tour', agencyRegistrationNumber: 'A-1', referrer: '' },
    };
    const [fromSqlite, fromPg] = await onBoth(both, (store) =>
      store.transaction(async (tx) => {
        const seqs = await insertAll(tx, patients);
        const inserted = await Promise.all(patients.map((_, index) => tx.patients.get(idOf(index))));
        const outcomes = [
          await tx.patients.update(idOf(0), 1, edited, LATER),
          await tx.patients.update(idOf(0), 1, edited, LATER),
          await tx.patients.update(idOf(999), 1, edited, LATER),
          await tx.patients.update(idOf(1), 1, { ...second!, consents: [] }, LATER),
          await tx.patients.update(idOf(1), 3, second!, LATER),
        ];
        return {
          seqs,
          inserted,
          outcomes,
          updated: [await tx.patients.get(idOf(0)), await tx.patients.get(idOf(1))],
          missing: await tx.patients.get(idOf(999)),
          seqOfMissing: await tx.patients.seqOf(idOf(999)),
          idOfSeq: [await tx.patients.idOf(seqs[2]!), await tx.patients.idOf(9999)],
          count: await tx.patients.count(),
          // The search text follows the update: the old name is gone, the new one found.
          oldName: (await tx.patients.search({ needle: searchNeedle(first!.names.latin), tripStatus: 'all', today: TODAY, limit: 10 })).map(
            (row) => row.id,
          ),
          newName: (await tx.patients.search({ needle: 'ivanova', tripStatus: 'all', today: TODAY, limit: 10 })).map((row) => row.id),
        };
      }),
    );
    expect(fromPg).toStrictEqual(fromSqlite);
    expect(fromSqlite.outcomes).toEqual(['updated', 'conflict', 'not_found', 'updated', 'conflict']);
    expect(fromSqlite.count).toBe(patients.length);
    expect(fromSqlite.updated[0]).toMatchObject({
      version: 2,
      updatedAt: LATER,
      createdAt: NOW,
      patient: { names: edited.names, referral: edited.referral },
    });
    expect(fromSqlite.updated[0]!.patient.consents.at(-1)).toEqual(edited.consents.at(-1));
    expect(fromSqlite.updated[1]!.patient.consents).toEqual([]);
    expect(fromSqlite.newName).toEqual([idOf(0)]);
    expect(fromSqlite.oldName).not.toContain(idOf(0));
  });

  it('search: the same rows in the same order for hundreds of needles in every script, with trip and restriction filters', async () => {
    const both = await openBoth();
    const handmade: PatientIntake[] = [
      ['Nguyễn Thị Ánh', 'Nguyen Thi Anh'],
      ['さくら もえ', 'Sakura Moe'],
      ['サトウ ミホ', 'Sato Miho'],
      ['José Ávila', 'Jose Avila'],
      ['Ёлкина Алёна', 'Yolkina Alyona'],
      ['50%_off \\ name', 'Percent Underscore'],
    ].map(([native, latin], index) => ({ ...generatePatients(1, 99 + index)[0]!, names: { native: native!, latin: latin! } }));
    const patients = [...generatePatients(300), ...handmade];
    const restrictedEvery = 9;
    await onBoth(both, (store) =>
      store.transaction(async (tx) => {
        const seqs = await insertAll(tx, patients);
        for (const [index, seq] of seqs.entries())
          if (index % restrictedEvery === 4) await tx.rights.restrict(seq, NOW, '2029-12-31', 'deletion request');
      }),
    );

    const haystacks = patients.map(searchHaystack);
    for (const script of ['Hangul', 'Han', 'Hiragana', 'Katakana', 'Thai', 'Arabic', 'Cyrillic', 'Latin']) {
      expect(
        haystacks.some((haystack) => new RegExp(`\\p{Script=${script}}`, 'u').test(haystack)),
        script,
      ).toBe(true);
    }
    const random = seededRandom(20261124);
    const widths = [1, 1, 2, 2, 3, 4, 6];
    const needles = new Set<string>(['']);
    while (needles.size < 300) {
      const chars = [...haystacks[Math.floor(random() * haystacks.length)]!];
      const width = widths[needles.size % widths.length]!;
      const start = Math.floor(random() * Math.max(1, chars.length - width));
      needles.add(chars.slice(start, start + width).join(''));
    }
    // What a coordinator types, folded as the service folds it: diacritics, capitals, phone numbers.
    for (const typed of [
      'Nguyễn',
      'ÁVILA',
      'ёлкина',
      'Алёна',
      'さくら',
      'ミホ',
      '김',
      '王',
      'กิจ',
      'ليلى',
      '+66 89',
      '010 1234',
      'Smith',
      'Li',
    ])
      needles.add(searchNeedle(typed));
    // LIKE's own characters are taken literally; none of these may match everyone.
    for (const odd of ['%', '_', '\\', '%_', '50%', '%_o', 'f \\ n', "o'", '"', 'zzq', 'qqq', 'ж', '%%%']) needles.add(odd);

    const statuses: ('all' | TripStatus)[] = ['all', 'upcoming', 'in_korea', 'departed'];
    const queries = [...needles].flatMap((needle, index) => [
      { needle, tripStatus: 'all' as const, today: TODAY, limit: 1000, includeRestricted: index % 2 === 0 },
      {
        needle,
        tripStatus: statuses[index % statuses.length]!,
        today: TODAY,
        limit: index % 3 === 0 ? 5 : 200,
        includeRestricted: index % 3 === 1,
      },
    ]);
    const search = (store: Store) =>
      store.read(async (tx) => {
        const answers: PatientSummary[][] = [];
        for (const query of queries) answers.push(await tx.patients.search(query));
        return answers;
      });
    const [fromSqlite, fromPg] = await onBoth(both, search);
    for (const [index, query] of queries.entries()) expect(fromPg[index], JSON.stringify(query)).toStrictEqual(fromSqlite[index]);

    // The comparison means something: most needles match, some lists are cut, restricted rows are listed when asked.
    const counts = fromSqlite.map((rows) => rows.length);
    expect(counts.filter((count) => count > 0).length).toBeGreaterThan(queries.length * 0.6);
    expect(queries.some((query, index) => counts[index] === query.limit + 1 && query.needle !== '')).toBe(true);
    expect(fromSqlite.flat().some((row) => row.restricted)).toBe(true);
    expect(fromSqlite[0]!.length).toBe(patients.length);
    expect(fromSqlite[0]!.filter((row) => row.restricted)).toHaveLength(Math.floor((patients.length - 1 - 4) / restrictedEvery) + 1);
    expect(fromSqlite[queries.findIndex((query) => query.needle === '%')]).toEqual(
      fromSqlite[queries.findIndex((query) => query.needle === '50%')],
    );
    expect(fromSqlite[queries.findIndex((query) => query.needle === '%')]!.map((row) => row.latinName)).toEqual(['Percent Underscore']);
  });

  // At 200 rows the planner rightly prefers a scan; with plain scans off, a plan that reads the GIN index shows the
  // search text's conditions can be served by it (operator class and collation match: a mismatch would leave only
  // the scan, as a policy that is not leakproof did in the prototype). Which plan wins at 100,000 patients is the
  // benchmark's to show.
  it("the search text's conditions can be served by its two indexes: trigram for 3+ characters, pieces for 1-2", async () => {
    const both = await openBoth();
    await both.pg.transaction((tx) => insertAll(tx, generatePatients(200)));
    const client = await postgres.connect(both.pgUrl);
    await client.query('ANALYZE');
    await client.query('SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off');
    const plan = async (condition: string, params: object) => {
      const statement = named<object>(`SELECT seq FROM patient_search_text WHERE ${condition}`);
      return JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values(params))).rows[0]);
    };
    expect(await plan(SEARCH_TEXT_MATCH.trigram, { pattern: likeContaining('kim') })).toContain('"Index Name":"patient_search_index"');
    expect(await plan(SEARCH_TEXT_MATCH.trigram, { pattern: likeContaining('김민지') })).toContain('"Index Name":"patient_search_index"');
    expect(await plan(SEARCH_TEXT_MATCH.pieces, { needle: '김' })).toContain('"Index Name":"patient_search_pieces_index"');
    expect(await plan(SEARCH_TEXT_MATCH.pieces, { needle: 'ส' })).toContain('"Index Name":"patient_search_pieces_index"');
  });

  it('plans: saves, versions, conflicts, the session rows and withSessionsBetween answer alike', async () => {
    const both = await openBoth();
    const first = {
      items: [
        { id: 's1', treatment: 'pico-laser', date: '2026-03-02', status: 'done' },
        { id: 's2', treatment: 'pico-laser', date: '2026-03-09' },
        { id: 's3', treatment: 'ipl', date: null },
        { treatment: 'hydrafacial', date: '2026-04-01', nextVisit: true },
      ],
      discounts: { 'pico-laser': 12.5 },
    };
    const moved = {
      ...first,
      items: [first.items[0], { ...first.items[1], date: '2026-03-16' }, { ...first.items[2], date: '2026-03-10' }, first.items[3]],
    };
    const [fromSqlite, fromPg] = await onBoth(both, async (store) => {
      const outcomes = await store.transaction(async (tx) => {
        const [a, b, c] = await insertAll(tx, generatePatients(3));
        return [
          await tx.plans.save(a!, first, 0, NOW, 'Kim'),
          await tx.plans.save(a!, first, 0, NOW, 'Kim'),
          await tx.plans.save(a!, moved, 1, LATER, 'Lee'),
          await tx.plans.save(a!, moved, 1, LATER, 'Lee'),
          await tx.plans.save(a!, moved, 7, LATER, 'Lee'),
          await tx.plans.save(b!, { items: [{ treatment: 'ipl', date: '2026-12-24' }] }, 0, NOW, 'Kim'),
          await tx.plans.save(c!, first, 3, NOW, 'Kim'),
          await tx.plans.putSetting('prices', { ipl: 150000, 'pico-laser': 200000 }, NOW),
          await tx.plans.putSetting('prices', { ipl: 160000 }, LATER),
        ];
      });
      return store.read(async (tx) => ({
        outcomes,
        plans: [await tx.plans.get(1), await tx.plans.get(2), await tx.plans.get(3)],
        versions: [await tx.plans.versions(1), await tx.plans.versions(3)],
        ranges: await Promise.all(
          [
            ['2026-01-01', '2026-12-31'],
            ['2026-03-02', '2026-03-02'],
            ['2026-03-03', '2026-03-09'],
            ['2026-03-10', '2026-03-10'],
            ['2026-12-24', '2027-01-01'],
            ['2027-01-01', '2027-12-31'],
          ].map(([from, to]) => tx.plans.withSessionsBetween(from!, to!)),
        ),
        setting: await tx.plans.getSetting('prices'),
        noSetting: await tx.plans.getSetting('absent'),
        lastTreatment: [await tx.rights.lastTreatmentDate(1), await tx.rights.lastTreatmentDate(2)],
      }));
    });
    expect(fromPg).toStrictEqual(fromSqlite);
    expect(fromSqlite.outcomes.slice(0, 7)).toEqual(['saved', 'conflict', 'saved', 'conflict', 'conflict', 'saved', 'conflict']);
    expect(fromSqlite.versions[0]!.map((version) => [version.version, version.savedBy])).toEqual([
      [2, 'Lee'],
      [1, 'Kim'],
    ]);
    expect(fromSqlite.ranges.map((plans) => plans.length)).toEqual([2, 1, 0, 1, 1, 0]);

    // The session rows the reports count, written from the plan as SQLite writes them (moved, discounts, lines).
    const pgClient = await postgres.connect(both.pgUrl);
    const sessionsSql =
      'SELECT patient_seq, position, session_id, treatment, date, status, moved, discount_percent, line_sessions FROM plan_sessions ORDER BY patient_seq, position';
    const pgSessions = (await pgClient.query(sessionsSql)).rows;
    expect(pgSessions).toEqual(both.sqliteDb.prepare(sessionsSql).all());
    expect(pgSessions.filter((row) => row.moved === 1).map((row) => row.session_id)).toEqual(['s2']);

    // The plan_sessions query finds the plans the JSON itself names (plan_json is sealed on the server: opened here).
    const byJson = async (from: string, to: string) =>
      (
        await pgClient.query<{ id: string; plan_json: string }>(
          'SELECT patients.id, plans.plan_json FROM plans JOIN patients ON patients.seq = plans.patient_seq ORDER BY patients.latin_name, patients.id',
        )
      ).rows
        .filter((row) => {
          const plan = JSON.parse(TEST_SEAL.open('plans.plan_json', row.plan_json)) as { items: { date: string | null }[] };
          return plan.items.some((item) => item.date !== null && item.date >= from && item.date <= to);
        })
        .map((row) => row.id);
    for (const [from, to] of [
      ['2026-03-10', '2026-03-10'],
      ['2026-01-01', '2026-12-31'],
      ['2026-03-03', '2026-03-09'],
      ['2026-12-24', '2026-12-24'],
    ] as const) {
      const viaSessions = await both.pg.read((tx) => tx.plans.withSessionsBetween(from, to));
      expect(
        viaSessions.map((plan) => plan.patientId),
        `${from}..${to}`,
      ).toEqual(await byJson(from, to));
    }
  });

  it('quotes: numbered alike; on PostgreSQL, concurrent sends for one patient get distinct numbers in order', async () => {
    const both = await openBoth();
    const [fromSqlite, fromPg] = await onBoth(both, async (store) => {
      const numbers = await store.transaction(async (tx) => {
        const [a, b] = await insertAll(tx, generatePatients(2));
        return [
          await tx.quotes.add(a!, 1, { total: 350000, currency: 'KRW', lines: [{ z: 1, a: 2 }] }, NOW, 'Kim'),
          await tx.quotes.add(a!, 2, { total: 300000 }, LATER, 'Lee'),
          await tx.quotes.add(b!, 1, { total: 1 }, LATER, 'Lee'),
        ];
      });
      return {
        numbers,
        versions: await store.read(async (tx) => [await tx.quotes.versions(1), await tx.quotes.versions(2), await tx.quotes.versions(3)]),
      };
    });
    expect(fromPg).toStrictEqual(fromSqlite);
    expect(fromSqlite.numbers).toEqual([1, 2, 1]);

    // Six PCs send a quote for patient 1 at once; each holds its transaction open a little after adding.
    const sent = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        both.pg.transaction(async (tx) => {
          const version = await tx.quotes.add(1, 2, { sender: index }, NOW, `pc-${index}`);
          await sleep(20);
          return version;
        }),
      ),
    );
    expect([...sent].sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8]);
    expect((await both.pg.read((tx) => tx.quotes.versions(1))).map((version) => version.version)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('follow-ups: replaced, recorded and listed as due alike, restricted records left out', async () => {
    const both = await openBoth();
    const schedule = (localDate: string, dueAt: string, step: string) => ({
      step,
      treatments: ['pico-laser' as TreatmentId],
      localDate,
      dueAt,
    });
    const [fromSqlite, fromPg] = await onBoth(both, async (store) => {
      let next = 0;
      const newId = () => `f-${++next}`;
      await store.transaction(async (tx) => {
        const [a, b, c] = await insertAll(tx, generatePatients(3));
        await tx.followUps.replaceOpen(
          a!,
          [
            schedule('2026-11-20', '2026-11-20T01:00:00Z', 'day1'),
            schedule('2026-11-26', '2026-11-26T01:00:00Z', 'day7'),
            schedule('2026-11-20', '2026-11-20T01:00:00Z', 'day1'),
          ],
          newId,
        );
        await tx.followUps.replaceOpen(
          b!,
          [schedule('2026-11-19', '2026-11-20T01:00:00Z', 'day1'), schedule('2026-11-23', '2026-11-23T09:00:00Z', 'day3')],
          newId,
        );
        await tx.followUps.replaceOpen(c!, [schedule('2026-11-18', '2026-11-18T01:00:00Z', 'day1')], newId);
        await tx.rights.restrict(c!, NOW, '2029-01-01', 'deletion request');
        await tx.followUps.record('f-1', 'concern', 'redness', NOW, false);
        await tx.followUps.record('f-4', 'fine', '', NOW, true);
        // The plan changes: the untouched open one is replaced, the answered ones stay.
        await tx.followUps.replaceOpen(
          a!,
          [schedule('2026-11-20', '2026-11-20T01:00:00Z', 'day1'), schedule('2026-11-27', '2026-11-27T01:00:00Z', 'day7b')],
          newId,
        );
      });
      return store.read(async (tx) => ({
        due: [
          await tx.followUps.due('2026-11-24T00:00:00Z', 10),
          await tx.followUps.due('2026-11-30T00:00:00Z', 10),
          await tx.followUps.due('2026-11-30T00:00:00Z', 1),
        ],
        ofPatient: [await tx.followUps.ofPatient(1), await tx.followUps.ofPatient(2), await tx.followUps.ofPatient(3)],
        byId: [await tx.followUps.byId('f-1'), await tx.followUps.byId('nope')],
      }));
    });
    expect(fromPg).toStrictEqual(fromSqlite);
    expect(fromSqlite.due[0]!.map((row) => row.id)).toEqual(['f-1', 'f-5']);
    expect(fromSqlite.due[1]!.map((row) => row.id)).toEqual(['f-1', 'f-5', 'f-8']);
    expect(fromSqlite.ofPatient[0]!.map((row) => row.step)).toEqual(['day1', 'day7b']);
  });

  it('reports: summaryCounts and khidiRows on a generated year give the same rows in the same order', async () => {
    const both = await openBoth();
    const routes = [
      undefined,
      { route: 'direct' },
      { route: 'agency', agencyName: 'Seoul Medi Tour', agencyRegistrationNumber: 'A-2024-0117', referrer: '' },
      { route: 'online_platform', agencyName: '', agencyRegistrationNumber: '', referrer: 'Gangnam Unni' },
    ] as const;
    const patients = generatePatients(160).map((patient, index) => ({
      ...patient,
      ...(routes[index % routes.length]
        ? {
            referral: {
              agencyName: '',
              agencyRegistrationNumber: '',
              referrer: '',
              ...routes[index % routes.length]!,
            } as PatientIntake['referral'],
          }
        : {}),
      languages: index % 17 === 0 ? [] : patient.languages,
    }));
    const random = seededRandom(42);
    const day = (offset: number) => new Date(Date.UTC(2025, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    const treatments = ['pico-laser', 'ipl', 'hydrafacial', 'botox'];
    const plans = patients.map(() => {
      const start = Math.floor(random() * 420);
      const items = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, index) => {
        const date = random() < 0.1 ? null : day(start + index * 7);
        const status =
          date && date <= TODAY && random() < 0.7 ? (random() < 0.85 ? 'done' : 'no_show') : random() < 0.1 ? 'cancelled' : undefined;
        return {
          id: `s${index}`,
          treatment: treatments[Math.floor(random() * treatments.length)]!,
          date,
          ...(status ? { status } : {}),
          ...(random() < 0.2 ? { nextVisit: true } : {}),
        };
      });
      return { items, discounts: random() < 0.3 ? { [treatments[0]!]: 10, ipl: 5.5 } : {} };
    });
    const steps = ['day1', 'day3', 'day14'];
    await onBoth(both, (store) =>
      store.transaction(async (tx) => {
        const seqs = await insertAll(tx, patients);
        let next = 0;
        for (const [index, seq] of seqs.entries()) {
          const plan = plans[index]!;
          await tx.plans.save(seq, plan, 0, NOW, 'Kim');
          // A third are moved once: the report counts moved sessions.
          if (index % 3 === 0)
            await tx.plans.save(
              seq,
              { ...plan, items: plan.items.map((item) => (item.date ? { ...item, date: addDays(item.date, 1) } : item)) },
              1,
              LATER,
              'Lee',
            );
          const dated = plan.items.filter((item) => item.date);
          await tx.followUps.replaceOpen(
            seq,
            dated.slice(0, steps.length).map((item, step) => ({
              step: steps[step]!,
              treatments: [item.treatment as TreatmentId],
              localDate: item.date!,
              dueAt: `${item.date}T01:00:00.000Z`,
            })),
            () => `f-${++next}`,
          );
          if (index % 4 === 1 && dated.length > 0) await tx.followUps.record(`f-${next}`, 'fine', '', NOW, true);
        }
      }),
    );
    const ranges = [
      { from: '2026-01-01', to: '2026-12-31', today: TODAY },
      { from: '2026-03-01', to: '2026-03-31', today: TODAY },
      { from: '2025-12-01', to: '2026-02-01', today: '2026-01-15' },
      { from: '2027-01-01', to: '2027-12-31', today: TODAY },
    ];
    const [fromSqlite, fromPg] = await onBoth(both, (store) =>
      store.read(async (tx) => ({
        summaries: await Promise.all(ranges.map((range) => tx.reports.summaryCounts(range, '2026-11-22T01:00:00.000Z'))),
        khidi: await Promise.all(ranges.map((range) => tx.reports.khidiRows(range))),
      })),
    );
    expect(fromPg).toStrictEqual(fromSqlite);
    const year = fromSqlite.summaries[0]!;
    expect(year.groups.length).toBeGreaterThan(10);
    expect(year.groups.some((group) => group.route === null)).toBe(true);
    expect(year.groups.some((group) => group.language === '')).toBe(true);
    expect(year.sessions.some((status) => status.moved > 0)).toBe(true);
    expect(year.done.some((group) => group.discountPercent === 5.5)).toBe(true);
    expect(year.followUps.due).toBeGreaterThan(year.followUps.done);
    expect(year.followUps.done).toBeGreaterThan(0);
    expect(year.followUps.overdue).toBeGreaterThan(0);
    expect(fromSqlite.khidi[0]!.visits.length).toBeGreaterThan(100);
    expect(fromSqlite.khidi[0]!.followUps.size).toBeGreaterThan(10);
  });

  it('rights: restriction, photos, retention, destroying a record answer alike', async () => {
    const both = await openBoth();
    const photo = (sha: string, angle: 'front' | 'profile90', visitDate = '2026-03-02') => ({
      visitDate,
      angle,
      sha256: sha.repeat(64),
      mediaType: 'image/jpeg' as const,
    });
    const [fromSqlite, fromPg] = await onBoth(both, (store) =>
      store.transaction(async (tx) => {
        const [a, b, c] = await insertAll(tx, generatePatients(3));
        await tx.photos.insert('p1', a!, photo('a', 'profile90'), NOW);
        await tx.photos.insert('p2', a!, photo('b', 'front'), NOW);
        await tx.photos.insert('p3', a!, photo('c', 'front', '2026-01-01'), NOW);
        await tx.photos.insert('p4', b!, photo('a', 'front'), NOW);
        await tx.plans.save(
          a!,
          {
            items: [
              { treatment: 'ipl', date: '2026-03-02', status: 'done' },
              { treatment: 'ipl', date: '2026-05-02', status: 'done' },
              { treatment: 'ipl', date: '2026-07-02' },
            ],
          },
          0,
          NOW,
          'Kim',
        );
        await tx.drafts.save(idOf(0), 'draft of a', 1, { a: 1 }, NOW);
        const before = {
          restricted: [await tx.rights.isRestricted(a!), await tx.rights.isRestricted(b!)],
          last: [await tx.rights.lastTreatmentDate(a!), await tx.rights.lastTreatmentDate(b!)],
          photos: await tx.photos.listByPatient(a!),
          files: [await tx.rights.photosOf(a!), await tx.rights.photosOf(c!)],
        };
        await tx.rights.restrict(a!, NOW, '2026-12-31', 'deletion request');
        await tx.rights.restrict(b!, NOW, '2026-11-01', 'deletion request');
        await tx.rights.restrict(c!, NOW, '2026-11-01', '');
        const expired = [
          await tx.rights.expired('2026-11-24'),
          await tx.rights.expired('2027-01-01'),
          await tx.rights.expired('2026-01-01'),
        ];
        await tx.rights.deletePhotosOf(b!);
        const referenced = [await tx.rights.photoStillReferenced('a'.repeat(64)), await tx.rights.photoStillReferenced('d'.repeat(64))];
        await tx.rights.deleteDraftOf(idOf(0));
        const deleted = [await tx.rights.deletePatient(a!), await tx.rights.deletePatient(a!)];
        return {
          before,
          restricted: [await tx.rights.isRestricted(a!), await tx.rights.isRestricted(b!)],
          expired,
          referenced,
          deleted,
          afterDelete: [
            await tx.patients.get(idOf(0)),
            await tx.photos.listByPatient(a!),
            await tx.plans.get(a!),
            await tx.drafts.exists(idOf(0)),
            await tx.rights.photoStillReferenced('a'.repeat(64)),
          ],
          count: await tx.patients.count(),
        };
      }),
    );
    expect(fromPg).toStrictEqual(fromSqlite);
    expect(fromSqlite.before.photos.map((row) => row.id)).toEqual(['p3', 'p2', 'p1']);
    expect(fromSqlite.deleted).toEqual([true, false]);
    expect(fromSqlite.expired[0]!.map((row) => row.seq)).toEqual([2, 3]);
  });

  it('coordinators, PIN attempts, drafts and plan drafts answer alike', async () => {
    const both = await openBoth();
    const profile = (id: string, name: string, role: 'coordinator' | 'doctor' | 'admin' = 'coordinator') => ({
      id,
      display_name: name,
      pin_salt: 's'.repeat(32),
      pin_hash: 'h'.repeat(64),
      created_at: NOW,
      role,
    });
    const [fromSqlite, fromPg] = await onBoth(both, (store) =>
      store.transaction(async (tx) => {
        await tx.coordinators.insert(profile('c2', 'Park Ji-won'));
        await tx.coordinators.insert(profile('c1', 'Kim Soo-jin', 'doctor'));
        await tx.coordinators.insert(profile('c3', 'kim lower'));
        const coordinators = {
          active: await tx.coordinators.active(),
          byId: [await tx.coordinators.byId('c1'), await tx.coordinators.byId('zz')],
          taken: [await tx.coordinators.nameTaken('Park Ji-won'), await tx.coordinators.nameTaken('park ji-won')],
          setPin: [
            await tx.coordinators.setPin('c1', 't'.repeat(32), 'u'.repeat(64)),
            await tx.coordinators.setPin('zz', 't'.repeat(32), 'u'.repeat(64)),
          ],
          count: await tx.coordinators.activeCount(),
          after: await tx.coordinators.byId('c1'),
        };
        const wait = 1_800_000_000_123;
        const pins = {
          none: await tx.pinAttempts.throttleOf('c1'),
          first: await tx.pinAttempts.recordFailure('c1', { wrong: 0, waitUntil: 0 }, { wrong: 1, waitUntil: 0 }, NOW),
          second: await tx.pinAttempts.recordFailure('c1', { wrong: 1, waitUntil: 0 }, { wrong: 2, waitUntil: wait }, NOW),
          stale: await tx.pinAttempts.recordFailure('c1', { wrong: 1, waitUntil: 0 }, { wrong: 2, waitUntil: 5 }, LATER),
          now: await tx.pinAttempts.throttleOf('c1'),
          cleared: (await tx.pinAttempts.clear('c1'), await tx.pinAttempts.throttleOf('c1')),
        };
        await tx.drafts.save('k2', 'second', null, { b: [1, 2] }, '2026-11-24T02:00:00Z');
        await tx.drafts.save('k1', 'first', 3, { a: 'é' }, '2026-11-24T01:00:00Z', 'c1');
        await tx.drafts.save('k1', 'first again', 4, { a: 'ü' }, '2026-11-24T03:00:00Z', 'c2');
        const drafts = {
          exists: [await tx.drafts.exists('k1'), await tx.drafts.exists('k3')],
          owned: [await tx.drafts.countOwnedBy('c1'), await tx.drafts.countOwnedBy('c2'), await tx.drafts.countOwnedBy(null)],
          get: [await tx.drafts.get('k1'), await tx.drafts.get('k3')],
          list: await tx.drafts.list(),
          discard: [await tx.drafts.discard('k2'), await tx.drafts.discard('k2')],
        };
        const [seq] = await insertAll(tx, generatePatients(1));
        await tx.planDrafts.save(seq!, 0, { items: [{ treatment: 'ipl' }] }, NOW);
        await tx.planDrafts.save(seq!, 2, { items: [] }, LATER);
        const planDrafts = {
          get: [await tx.planDrafts.get(seq!), await tx.planDrafts.get(999)],
          discard: [await tx.planDrafts.discard(seq!), await tx.planDrafts.discard(seq!)],
        };
        return { coordinators, pins, drafts, planDrafts };
      }),
    );
    expect(fromPg).toStrictEqual(fromSqlite);
    expect(fromSqlite.coordinators.active.map((row) => row.id)).toEqual(['c1', 'c2', 'c3']);
    expect(fromSqlite.pins).toMatchObject({
      first: true,
      second: true,
      stale: false,
      now: { wrong: 2, waitUntil: 1_800_000_000_123 },
      cleared: { wrong: 0, waitUntil: 0 },
    });
    expect(fromSqlite.drafts.owned).toEqual([1, 0, 1]);
    expect(fromSqlite.drafts.list.map((draft) => draft.key)).toEqual(['k1', 'k2']);
  });

  it('audit log: the same entries and hashes on both; the chain streams in pages and verifies', async () => {
    const both = await openBoth();
    const [fromSqlite, fromPg] = await onBoth(both, async (store) => {
      await store.transaction(async (tx) => {
        await tx.audit.record('patient.create', idOf(1), ['names.native', 'phone']);
        await tx.audit.record('settings.save', null);
        await tx.audit.record('patient.update', idOf(1), ['trip.arrival'], 'Lee Min-ho');
        await tx.audit.record('patient.update', idOf(2), []);
      });
      return store.read(async (tx) => {
        const all: AuditEntry[] = [];
        for await (const entry of tx.auditLog.all()) all.push(entry);
        return {
          all,
          last: await tx.auditLog.last(),
          count: await tx.auditLog.count(),
          ofPatient: await tx.auditLog.ofPatient(idOf(1)),
          hashAt: [await tx.auditLog.hashAt(2), await tx.auditLog.hashAt(99)],
          history: await tx.audit.history(idOf(1)),
          verify: await tx.audit.verify(),
          // A read cannot write the log.
          refused: await tx.audit.record('patient.create', null).then(
            () => 'written',
            (error: Error) => error.message,
          ),
        };
      });
    });
    expect(fromPg).toStrictEqual(fromSqlite);
    expect(fromSqlite.verify).toEqual({ checked: 4, firstBroken: null });
    expect(fromSqlite.refused).toMatch(/outside the transaction/);

    // More entries than a page (and not a multiple of one), streamed back in order, whole.
    const total = AUDIT_PAGE_SIZE * 2 + 345;
    await both.pg.transaction(async (tx) => {
      let previous = await tx.auditLog.last();
      for (let index = 0; index < total - 4; index++) {
        const entry = chainEntry({ at: NOW, actor: 'bulk', action: 'patient.open', patientId: null, fields: [] }, previous);
        await tx.auditLog.insert(entry);
        previous = entry;
      }
    });
    const seen = await both.pg.read(async (tx) => {
      const seqs: number[] = [];
      for await (const entry of tx.auditLog.all()) seqs.push(entry.seq);
      return { seqs, chain: await verifyChain(tx.auditLog.all()), count: await tx.auditLog.count() };
    });
    expect(seen.count).toBe(total);
    expect(seen.seqs).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    expect(seen.chain).toEqual({ checked: total, firstBroken: null });
  });
});

describe.skipIf(!postgres.available)(postgres.title('PostgreSQL store: transactions side by side'), () => {
  it("appends 50 audit entries from 4 concurrent transactions: none lost, each transaction's entries together, the chain verifies", async () => {
    const url = await postgres.createDatabase();
    // Two stores (two PCs' pools) on one database, two writers each.
    const [one, two] = [await openPg(url), await openPg(url)];
    const writers = [one, two, one, two];
    const perWriter = [13, 13, 12, 12];
    await Promise.all(
      writers.map((store, writer) =>
        store.transaction(async (tx) => {
          for (let index = 0; index < perWriter[writer]!; index++) {
            await tx.audit.record('patient.open', idOf(writer), [`entry.${index}`], `writer-${writer}`);
            // Hold the transaction open across awaits, as a save does, so the writers overlap.
            await sleep(2);
          }
        }),
      ),
    );
    const result = await one.read(async (tx) => {
      const entries: AuditEntry[] = [];
      for await (const entry of tx.auditLog.all()) entries.push(entry);
      return { entries, chain: await tx.audit.verify() };
    });
    expect(result.entries).toHaveLength(50);
    expect(result.chain).toEqual({ checked: 50, firstBroken: null });
    // The chain lock is held from a transaction's first append to its commit: its entries are one run.
    const runs = result.entries.map((entry) => entry.actor).filter((actor, index, actors) => actor !== actors[index - 1]);
    expect([...runs].sort()).toEqual(['writer-0', 'writer-1', 'writer-2', 'writer-3']);
    for (const [writer, count] of perWriter.entries()) {
      expect(result.entries.filter((entry) => entry.actor === `writer-${writer}`).map((entry) => entry.fields[0])).toEqual(
        Array.from({ length: count }, (_, index) => `entry.${index}`),
      );
    }
  });

  it('a save that waited on another save of the same record is a conflict, not a lost update (patients and plans)', async () => {
    const url = await postgres.createDatabase();
    const [one, two] = [await openPg(url), await openPg(url)];
    const [patient] = generatePatients(1);
    const seq = await one.transaction(async (tx) => {
      await tx.patients.insert(idOf(1), patient!, NOW);
      const seq = (await tx.patients.seqOf(idOf(1)))!;
      await tx.plans.save(seq, { items: [] }, 0, NOW, 'Kim');
      return seq;
    });
    const race = async (write: (tx: Tx, who: string) => Promise<string>) => {
      let firstWrote!: () => void;
      const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
      const first = one.transaction(async (tx) => {
        const outcome = await write(tx, 'first');
        firstWrote();
        // The second writer is now waiting on the row this transaction changed.
        await sleep(150);
        return outcome;
      });
      await wrote;
      const second = two.transaction((tx) => write(tx, 'second'));
      return Promise.all([first, second]);
    };
    expect(await race((tx, who) => tx.patients.update(idOf(1), 1, { ...patient!, names: { native: who, latin: who } }, LATER))).toEqual([
      'updated',
      'conflict',
    ]);
    expect(await race((tx, who) => tx.plans.save(seq, { items: [], note: who }, 1, LATER, who))).toEqual(['saved', 'conflict']);
    const stored = await two.read(async (tx) => ({
      patient: await tx.patients.get(idOf(1)),
      plan: await tx.plans.get(seq),
      versions: await tx.plans.versions(seq),
    }));
    expect(stored.patient).toMatchObject({ version: 2, patient: { names: { latin: 'first' } } });
    expect(stored.plan).toMatchObject({ version: 2, plan: { note: 'first' } });
    expect(stored.versions.map((version) => version.savedBy)).toEqual(['first', 'Kim']);
  });

  it("commits, rolls back, refuses nesting, refuses a read's writes and a finished transaction's queries", async () => {
    const store = await openPg(await postgres.createDatabase());
    const [patient] = generatePatients(1);
    await expect(
      store.transaction(async (tx) => {
        await tx.patients.insert(idOf(1), patient!, NOW);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.read((tx) => tx.patients.count())).toBe(0);
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(NestedTransactionError);
    await expect(store.transaction(() => store.read(async () => 1))).rejects.toThrow(NestedTransactionError);
    await expect(store.read(() => store.exclusive(async () => 1))).rejects.toThrow(NestedTransactionError);
    await expect(store.read((tx) => tx.drafts.save('k', 'l', null, {}, NOW))).rejects.toMatchObject({ code: '25006' });
    let kept: Tx | undefined;
    await store.transaction(async (tx) => {
      kept = tx;
      await tx.patients.insert(idOf(2), patient!, NOW);
    });
    await expect(kept!.patients.count()).rejects.toThrow(TransactionOverError);
    expect(await store.read((tx) => tx.patients.count())).toBe(1);
    expect(store.busy()).toBe(false);
  });

  it('runs exclusive work one at a time across stores; the work may open transactions', async () => {
    const url = await postgres.createDatabase();
    const [one, two] = [await openPg(url), await openPg(url)];
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} start`);
      await sleep(150);
      await (name === 'one' ? one : two).transaction((tx) => tx.plans.putSetting(name, true, NOW));
      events.push(`${name} end`);
      return name;
    };
    const first = one.exclusive(work('one'));
    await sleep(50);
    const second = two.exclusive(work('two'));
    expect(await Promise.all([first, second])).toEqual(['one', 'two']);
    expect(events).toEqual(['one start', 'one end', 'two start', 'two end']);
    await expect(one.exclusive(() => one.exclusive(async () => 1))).rejects.toThrow(NestedTransactionError);
  });

  it('sets JIT and parallel query off on every connection of its pool, over TLS from the URL', async () => {
    const url = await postgres.createDatabase();
    expect(url).toMatch(/sslmode=verify-full/);
    const pool = createPostgresPool(url, { log: () => undefined });
    try {
      const clients = await Promise.all([connectConfigured(pool), connectConfigured(pool)]);
      for (const client of clients) {
        const { rows } = await client.query<{ jit: string; workers: string; ssl: boolean }>(
          "SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers, (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS ssl",
        );
        expect(rows).toEqual([{ jit: 'off', workers: '0', ssl: true }]);
        client.release();
      }
      // Handed out again, the same connections keep their settings (and are not set twice).
      const again = await connectConfigured(pool);
      expect((await again.query('SHOW jit')).rows).toEqual([{ jit: 'off' }]);
      again.release();
      expect(pool.totalCount).toBe(2);
    } finally {
      await pool.end();
    }
  });

  it("leaves a newer app's database alone and closes its pool", async () => {
    const url = await postgres.createDatabase();
    const store = await openPg(url);
    await store.close();
    const client = await postgres.connect(url);
    await client.query('UPDATE schema_version SET version = version + 1');
    await expect(openPostgresStore(url, { ...deps, seal: TEST_SEAL, log: () => undefined })).rejects.toThrow(/newer ClinicDesk/);
  });
});
