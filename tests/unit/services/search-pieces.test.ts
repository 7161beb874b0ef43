// The index for one- and two-character Hangul, Han and kana searches (migration 0019): it answers exactly what a
// scan of the search text would, stays right through edits and the destruction of a record, and is filled for the
// patients stored before it existed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatePatients } from '../../../bench/generate-patients';
import type { PatientRecord } from '../../../src/shared/contract/patients';
import { isPieceNeedle, searchPieces } from '../../../src/shared/domain/intake/search-pieces';
import { migration0019 } from '../../../src/main/db/migrations/0019-search-pieces';
import { valueOf } from '../../support/temp-services';
import { openTestServices, TEST_BACKEND, type TestServices } from '../../support/test-services';

let services: TestServices;
beforeEach(async () => (services = await openTestServices()));
afterEach(() => services.dispose());

async function search(query: string): Promise<string[]> {
  const result = await services.dispatch('searchPatients', { query, tripStatus: 'all', limit: 500, includeRestricted: true });
  return valueOf(result)
    .rows.map((row) => row.id)
    .sort();
}

/** Every patient's search text, to scan: the reference the index must equal. */
const haystacks = () =>
  services.sql.all<{ id: string; haystack: string }>('SELECT p.id, t.haystack FROM patients p JOIN patient_search_text t ON t.seq = p.seq');

/** What a scan of the search text finds (here, not in SQL: instr and strpos are each one dialect's). */
const scanned = (all: readonly { id: string; haystack: string }[], needle: string): string[] =>
  all
    .filter((row) => row.haystack.includes(needle))
    .map((row) => row.id)
    .sort();

async function createAll(count: number): Promise<PatientRecord[]> {
  const created: PatientRecord[] = [];
  for (const patient of generatePatients(count, 91)) {
    created.push(valueOf(await services.dispatch('createPatient', { patient })));
  }
  return created;
}

describe('the pieces of a search text', () => {
  it('are the one- and two-character runs of Hangul, Han and kana, once each', () => {
    expect(searchPieces('김민지 | kim minji')).toEqual(['김', '김민', '민', '민지', '지']);
    expect(searchPieces('王芳王 | wang')).toEqual(['王', '王芳', '芳', '芳王']);
    expect(searchPieces('さくら カ')).toEqual(['さ', 'さく', 'く', 'くら', 'ら', 'カ']);
    expect(searchPieces('анна | สมหญิง | 0101234')).toEqual([]);
  });

  it('serve a needle of one or two such characters only', () => {
    expect(isPieceNeedle('민')).toBe(true);
    expect(isPieceNeedle('민지')).toBe(true);
    expect(isPieceNeedle('김민지')).toBe(false);
    expect(isPieceNeedle('민a')).toBe(false);
    expect(isPieceNeedle('ab')).toBe(false);
    expect(isPieceNeedle('𠀋')).toBe(true);
  });
});

describe('searching by one or two Hangul, Han or kana characters', () => {
  it('finds exactly what a scan of the search text finds, for every piece of 120 patients in ten scripts', async () => {
    const created = await createAll(120);
    const all = await haystacks();
    const needles = [...new Set(all.flatMap(({ haystack }) => searchPieces(haystack)))];
    expect(needles.length).toBeGreaterThan(50);
    for (const needle of [...needles, '鬱', '힣']) expect(await search(needle), needle).toEqual(scanned(all, needle));
    expect(created).toHaveLength(120);
  });

  it('follows a renamed patient and forgets a destroyed one', async () => {
    const [first] = await createAll(1);
    const patient = { ...first!.patient, names: { native: '박서연', latin: 'Park Seoyeon' } };
    const saved = await services.dispatch('updatePatient', { id: first!.id, expectedVersion: first!.version, patient });
    expect(saved.ok).toBe(true);
    expect(await search('서연')).toEqual([first!.id]);
    for (const old of searchPieces(first!.patient.names.native)) if (!'박서연'.includes(old)) expect(await search(old), old).toEqual([]);
    await services.sql.run('DELETE FROM patients WHERE id = ?', first!.id);
    // The pieces live in a table of their own on SQLite, in a column of the search text on PostgreSQL.
    const pieces = services.backend === 'sqlite' ? 'patient_search_pieces' : 'patient_search_text';
    expect(await services.sql.get(`SELECT count(*) AS n FROM ${pieces}`)).toEqual({ n: 0 });
    for (const old of searchPieces(first!.patient.names.native)) expect(await search(old), old).toEqual([]);
  });

  // SQLite's migration 0019; PostgreSQL keeps the pieces in a generated column (tests/unit/db/postgres-schema).
  it.runIf(TEST_BACKEND === 'sqlite')('is filled by the migration for the patients stored before it', async () => {
    await createAll(40);
    const db = services.context.db!;
    const expected = db
      .prepare<[], { piece: string; seq: number }>('SELECT piece, seq FROM patient_search_pieces ORDER BY seq, piece')
      .all();
    expect(expected.length).toBeGreaterThan(0);
    // The database as it was before 19: the table gone. Migration 0019's own SQL then runs on it, as the
    // migration runner runs it (the later migrations are not undone, so the version chain is not replayed).
    db.exec('DROP TABLE patient_search_pieces');
    db.transaction(() => db.exec(migration0019.sql))();
    const filled = db.prepare<[], { piece: string; seq: number }>('SELECT piece, seq FROM patient_search_pieces ORDER BY seq, piece').all();
    expect(filled).toEqual(expected);
  });
});
