// Migration 0020 (payments, receipt counters, agencies) in both dialects, the same checks against each: records
// never changed nor deleted while their patient exists, gone with the whole record; a receipt number given once
// per branch and year; a non-KRW amount always with its rate; a refund or correction always linked; one agency in
// use per registration number; the report's range read from its covering index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { migratePostgres } from '../../../src/main/db/postgres/migrate';
import { openDatabase } from '../../../src/main/db/open-database';
import { usePostgres } from '../../support/postgres/use-postgres';
import { TEST_KEY } from '../../support/test-key';

/** One statement with $1, $2... in order; its rows. */
type Run = (sql: string, values?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

const PATIENT = `INSERT INTO patients (seq, id, native_name, latin_name, birth_date, sex, nationality, languages_json,
  home_time_zone, home_currency, arrival, departure, screening_json, created_at, updated_at)
  VALUES ($1, $2, 'n', 'l', '1990-01-01', 'female', 'SA', '["ar"]', 'Asia/Riyadh', 'SAR', '2026-01-01', '2026-01-02', '{}', 'x', 'x')`;
const PAYMENT = `INSERT INTO payments (id, patient_seq, kind, date, method, currency, amount_minor, krw, direction, rate_krw_per_unit, rate_date,
  rate_source, taken_by, quote_version, lines_json, linked_id, reason, branch, receipt_year, receipt_number, recorded_at)
  VALUES ($1, $2, $3, '2026-11-24', 'card', $4, 100, $5, $6, $7, NULL, NULL, 'Kim', NULL, '[]', $8, '', 'main', 2026, $9, 'x')`;

async function exercise(run: Run): Promise<void> {
  await run(PATIENT, [1, 'a']);
  const pay = (
    id: string,
    kind: string,
    number: number,
    options: { currency?: string; rate?: string | null; linked?: string | null; direction?: number; krw?: number } = {},
  ) =>
    run(PAYMENT, [
      id,
      1,
      kind,
      options.currency ?? 'KRW',
      options.krw ?? 100,
      options.direction ?? 1,
      options.rate ?? null,
      options.linked ?? null,
      number,
    ]);
  await pay('p1', 'payment', 1);
  // One number per branch and year, once.
  await expect(pay('p2', 'payment', 1)).rejects.toThrow(/unique/i);
  // Another currency needs its rate; KRW has none.
  await expect(pay('p2', 'payment', 2, { currency: 'SAR' })).rejects.toThrow(/check/i);
  await expect(pay('p2', 'payment', 2, { rate: '1' })).rejects.toThrow(/check/i);
  await pay('p2', 'payment', 2, { currency: 'SAR', rate: '366.5', krw: 36650 });
  // A refund or correction names what it refunds or reverses; a payment names nothing.
  await expect(pay('p3', 'refund', 3, { direction: -1 })).rejects.toThrow(/check/i);
  await expect(pay('p3', 'payment', 3, { linked: 'p1' })).rejects.toThrow(/check/i);
  await expect(pay('p3', 'refund', 3, { direction: -1, linked: 'nope' })).rejects.toThrow(/foreign key/i);
  await expect(pay('p3', 'refund', 3, { direction: 0, linked: 'p1' })).rejects.toThrow(/check/i);
  await expect(pay('p3', 'gift', 3)).rejects.toThrow(/check/i);
  await pay('p3', 'correction', 3, { direction: -1, linked: 'p1' });
  // Kept as made: no UPDATE, no DELETE while the patient's record exists.
  await expect(run("UPDATE payments SET reason = 'x'")).rejects.toThrow(/never changed/);
  await expect(run('DELETE FROM payments')).rejects.toThrow(/never changed/);

  // The counter: one row per branch and year, moving up.
  const next = (branch: string, year: number) =>
    run(
      `INSERT INTO receipt_counters (branch, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (branch, year) DO UPDATE SET last_number = receipt_counters.last_number + 1 RETURNING last_number`,
      [branch, year],
    );
  expect(await next('main', 2026)).toEqual([{ last_number: 1 }]);
  expect(await next('main', 2026)).toEqual([{ last_number: 2 }]);
  expect(await next('main', 2027)).toEqual([{ last_number: 1 }]);
  expect(await next('busan', 2026)).toEqual([{ last_number: 1 }]);

  // Agencies: one in use per registration number; an archived one frees it.
  const agency = (id: string, archived: string | null) =>
    run(
      `INSERT INTO agencies (id, name, registration_number, registration_expires, terms_json, archived_at, created_at, updated_at)
       VALUES ($1, 'Gulf Care', 'A-1', '2028-01-01', '{"kind":"rate","percent":10}', $2, 'x', 'x')`,
      [id, archived],
    );
  await agency('g1', null);
  await expect(agency('g2', null)).rejects.toThrow(/unique/i);
  await agency('g2', 'then');
  await expect(
    run(
      `INSERT INTO agencies (id, name, registration_number, registration_expires, terms_json, created_at, updated_at) VALUES ('g3', 'n', 'A-3', 'd', '{x', 'x', 'x')`,
    ),
  ).rejects.toThrow(/check/i);

  // Destroying the whole record at the end of its retention takes its payments with it.
  await run('DELETE FROM patients WHERE seq = 1');
  expect(await run('SELECT count(*) AS n FROM payments')).toEqual([{ n: 0 }]);
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('0020 payments on SQLite', () => {
  it('keeps records as made, numbers once per branch and year, links refunds and corrections, one agency per registration', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-0020-'));
    folders.push(folder);
    const path = join(folder, 'test.sqlite');
    // Migrated from 0019 with a patient already there, as an existing clinic's file is.
    const old = openDatabase(
      path,
      TEST_KEY,
      MIGRATIONS.filter((migration) => migration.version < 20),
    );
    old.close();
    const db = openDatabase(
      path,
      TEST_KEY,
      MIGRATIONS.filter((migration) => migration.version <= 20),
    );
    try {
      const run: Run = async (sql, values = []) => {
        const statement = db.prepare(sql.replace(/\$\d+/g, '?'));
        return statement.reader ? (statement.all(...values) as Record<string, unknown>[]) : (statement.run(...values), []);
      };
      await exercise(run);
      // The month's report reads the covering index alone, in its GROUP BY's order.
      const plan = JSON.stringify(
        db
          .prepare(
            "EXPLAIN QUERY PLAN SELECT date, method, kind, currency, direction, count(*), sum(amount_minor), sum(krw) FROM payments WHERE date BETWEEN '2026-11-01' AND '2026-11-30' GROUP BY date, method, kind, currency, direction",
          )
          .all(),
      );
      expect(plan).toMatch(/COVERING INDEX payments_by_date/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    } finally {
      db.close();
    }
  });
});

const postgres = usePostgres();

describe.skipIf(!postgres.available)(postgres.title('0020 payments on PostgreSQL'), () => {
  it('refuses and keeps what SQLite refuses and keeps, and TRUNCATE too', async () => {
    const client = await postgres.connect(await postgres.createDatabase());
    await migratePostgres(client);
    const run: Run = async (sql, values = []) => {
      const rows = (await client.query(sql, [...values])).rows as Record<string, unknown>[];
      // count(*) is bigint, which pg reads as a string: compared as SQLite's number.
      return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, key === 'n' ? Number(value) : value])));
    };
    await exercise(run);
    await expect(client.query('TRUNCATE payments')).rejects.toThrow(/never changed/);
  }, 60_000);
});
