// The PostgreSQL schema against the SQLite one it mirrors, and its runner's rules, on a real throwaway server
// (tests/support/postgres). Skipped, saying why, on a machine without PostgreSQL; a failure under CI.
import type Database from 'better-sqlite3-multiple-ciphers';
import type pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/db/migrations';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from '../../../src/main/db/migrations/postgres';
import { DatabaseTooNewError, openDatabase } from '../../../src/main/db/open-database';
import {
  migratePostgres,
  PostgresDatabaseUnsuitableError,
  PostgresMigrationError,
  readPostgresSchemaVersion,
} from '../../../src/main/db/postgres/migrate';
import { usePostgres } from '../../support/postgres/use-postgres';
import { TEST_KEY } from '../../support/test-key';

/** Columns PostgreSQL has and SQLite has not, each for a reason: the short needles' pieces (0002); the database
 * login that wrote an audit entry and the login of a profile (0021: a SQLite file has no logins). */
const POSTGRES_ONLY_COLUMNS: Record<string, readonly string[]> = {
  patient_search_text: ['haystack_pieces'],
  audit_log: ['db_login'],
  coordinator_profiles: ['db_login'],
};
/** Defaults that differ, each for a reason: a new patient goes into the branch of the login that adds it (0021);
 * a SQLite file has one branch and no logins. */
const POSTGRES_DEFAULTS: Record<string, string> = { 'patients.branch_id': 'clinicdesk_home_branch()' };
/** The schema's version (SQLite: PRAGMA user_version) and the sealed photo files (0022; SQLite: the photo folder). */
const POSTGRES_ONLY_TABLES = ['schema_version', 'photo_files'];
/** SQLite's table of short needles' pieces (0019), which PostgreSQL keeps as the generated column above. */
const SQLITE_ONLY_TABLES = ['patient_search_pieces'];
const SQLITE_ONLY_INDEXES = ['patient_search_pieces_by_seq'];
/** SQLite's FTS5 sync triggers have no PostgreSQL twin: the pieces are a generated column, the trigram index an index. */
const SQLITE_ONLY_TRIGGERS = ['patient_search_text_ai', 'patient_search_text_ad', 'patient_search_text_au'];
const POSTGRES_ONLY_INDEXES = ['patient_search_index', 'patient_search_pieces_index'];
/** PostgreSQL's TRUNCATE passes row triggers by; SQLite has none. The audit entry's login is stamped by the server
 * (0021). */
const POSTGRES_ONLY_TRIGGERS = ['audit_log_no_truncate', 'payments_no_truncate', 'quote_versions_no_truncate', 'audit_log_stamp_login'];

const upTo = (version: number) => POSTGRES_MIGRATIONS.filter((migration) => migration.version <= version);
const before = (version: number) => POSTGRES_MIGRATIONS.filter((migration) => migration.version < version);

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function sqliteAtLatest(): Database.Database {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-pg-schema-'));
  folders.push(folder);
  return openDatabase(join(folder, 'test.sqlite'), TEST_KEY);
}

describe('PostgreSQL migrations beside the SQLite ones', () => {
  it('carry the same numbers and names, so every migration lands in both dialects', () => {
    expect(POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name }))).toEqual(
      MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
    expect(POSTGRES_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });

  it('only add: no migration drops, renames, replaces or deletes (outside a function body)', () => {
    for (const migration of POSTGRES_MIGRATIONS) {
      const outsideBodies = migration.sql.replace(/\$\$[\s\S]*?\$\$/g, '');
      expect(outsideBodies, migration.name).not.toMatch(/\bDROP\s/i);
      expect(outsideBodies, migration.name).not.toMatch(/\bRENAME\b/i);
      expect(outsideBodies, migration.name).not.toMatch(/\bOR\s+REPLACE\b/i);
      expect(outsideBodies, migration.name).not.toMatch(/\bDELETE\s+FROM\b/i);
      expect(outsideBodies, migration.name).not.toMatch(/^\s*TRUNCATE\b/im);
    }
  });

  it('keep legal records and every JSON column as text, never jsonb', () => {
    for (const migration of POSTGRES_MIGRATIONS) {
      // jsonb only appears in expressions that read (casts), never as a column's type.
      expect(migration.sql, migration.name).not.toMatch(/^\s*\w+\s+jsonb?\b/im);
    }
  });
});

const postgres = usePostgres();

describe.skipIf(!postgres.available)(postgres.title('PostgreSQL schema and its runner'), () => {
  const freshDatabase = async (options?: Parameters<typeof postgres.createDatabase>[0]) =>
    postgres.connect(await postgres.createDatabase(options));
  const migrated = async (options?: Parameters<typeof postgres.createDatabase>[0]) => {
    const client = await freshDatabase(options);
    await migratePostgres(client);
    return client;
  };

  it("applies every migration to a new database; its version is the last migration's; a second run changes nothing", async () => {
    const client = await freshDatabase();
    expect(await readPostgresSchemaVersion(client)).toBe(0);
    const first = await migratePostgres(client);
    expect(first).toEqual({ from: 0, to: POSTGRES_SCHEMA_VERSION, applied: POSTGRES_MIGRATIONS.map((migration) => migration.version) });
    expect(await readPostgresSchemaVersion(client)).toBe(POSTGRES_SCHEMA_VERSION);
    const print = await fingerprint(client);
    const calls: unknown[] = [];
    const again = await migratePostgres(client, { beforeMigration: (...args) => void calls.push(args) });
    expect(again).toEqual({ from: POSTGRES_SCHEMA_VERSION, to: POSTGRES_SCHEMA_VERSION, applied: [] });
    expect(calls).toEqual([]);
    expect(await fingerprint(client)).toEqual(print);
  });

  it('has every SQLite table, with the same columns, types, nullability and defaults, indexes and triggers', async () => {
    const client = await migrated();
    const sqlite = sqliteAtLatest();
    try {
      const sqliteTables = sqlite
        .prepare<[], { name: string }>(
          "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all()
        .map((row) => row.name)
        .filter((name) => !SQLITE_ONLY_TABLES.includes(name));
      expect(sqliteTables).toContain('patient_search_text');
      const pgColumns = await client.query<{
        table_name: string;
        column_name: string;
        data_type: string;
        is_nullable: string;
        column_default: string | null;
      }>(
        `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
         WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
      );
      const pgTables = [...new Set(pgColumns.rows.map((row) => row.table_name))].sort();
      expect(pgTables).toEqual([...sqliteTables, ...POSTGRES_ONLY_TABLES].sort());

      const typeClass: Record<string, readonly string[]> = { INTEGER: ['integer', 'bigint'], TEXT: ['text'], REAL: ['double precision'] };
      for (const table of sqliteTables) {
        const expected = sqlite
          .prepare<[], { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
            `SELECT * FROM pragma_table_info('${table}')`,
          )
          .all()
          .map((column) => ({
            name: column.name,
            types: typeClass[column.type],
            notNull: column.notnull === 1 || column.pk > 0,
            default: POSTGRES_DEFAULTS[`${table}.${column.name}`] ?? column.dflt_value,
          }));
        const actual = pgColumns.rows
          .filter((row) => row.table_name === table && !(POSTGRES_ONLY_COLUMNS[table] ?? []).includes(row.column_name))
          .map((row) => ({
            name: row.column_name,
            types: typeClass[Object.keys(typeClass).find((key) => typeClass[key]!.includes(row.data_type)) ?? ''],
            notNull: row.is_nullable === 'NO',
            // '[]'::text and 0 as SQLite writes them: '[]' and 0.
            default: row.column_default?.replace(/::[a-z ]+$/, '') ?? null,
          }));
        expect(actual, table).toEqual(expected);
      }

      const sqliteIndexes = sqlite
        .prepare<[], { name: string; tbl_name: string }>(
          "SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .all()
        .filter((index) => !SQLITE_ONLY_INDEXES.includes(index.name));
      // The indexes behind PRIMARY KEY and UNIQUE are the constraints' own in both; these are the named ones.
      const pgIndexes = await client.query<{ name: string; tbl_name: string }>(
        `SELECT i.relname AS name, t.relname AS tbl_name FROM pg_index x
           JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
         WHERE t.relnamespace = current_schema()::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
         ORDER BY name`,
      );
      expect(pgIndexes.rows.filter((index) => !POSTGRES_ONLY_INDEXES.includes(index.name))).toEqual(sqliteIndexes);
      expect(pgIndexes.rows.filter((index) => POSTGRES_ONLY_INDEXES.includes(index.name)).map((index) => index.tbl_name)).toEqual([
        'patient_search_text',
        'patient_search_text',
      ]);

      const sqliteTriggers = sqlite
        .prepare<[], { name: string; tbl_name: string }>("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
        .all()
        .filter((trigger) => !SQLITE_ONLY_TRIGGERS.includes(trigger.name));
      const pgTriggers = await client.query<{ name: string; tbl_name: string }>(
        `SELECT tgname AS name, tgrelid::regclass::text AS tbl_name FROM pg_trigger WHERE NOT tgisinternal ORDER BY name`,
      );
      expect(pgTriggers.rows.filter((trigger) => !POSTGRES_ONLY_TRIGGERS.includes(trigger.name))).toEqual(sqliteTriggers);
    } finally {
      sqlite.close();
    }
  });

  it("orders every text column bytewise, as SQLite does, even where the database's default collation is Korean", async () => {
    const admin = await postgres.connect(postgres.adminUrl());
    const icu = await admin.query<{ n: number }>("SELECT count(*)::integer AS n FROM pg_collation WHERE collprovider = 'i'");
    const client = await migrated(icu.rows[0]!.n > 0 ? { icuLocale: 'ko-KR' } : {});
    const notC = await client.query(
      `SELECT table_name, column_name, collation_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type IN ('text', 'ARRAY') AND table_name <> 'schema_version'
         AND collation_name IS DISTINCT FROM 'C'`,
    );
    expect(notC.rows).toEqual([]);
    const names = ['bae', 'Bae', 'ávila', 'Avila', '김민지', '王芳', 'Zhang'];
    for (const [index, name] of names.entries()) await insertPatient(client, index + 1, `p${index}`, name);
    const order = async (sql: string) => (await client.query<{ latin_name: string }>(sql)).rows.map((row) => row.latin_name);
    const bytewise = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(await order('SELECT latin_name FROM patients ORDER BY latin_name')).toEqual(bytewise);
    // The database's own default would have ordered them otherwise (where ICU is there to make it Korean).
    if (icu.rows[0]!.n > 0)
      expect(await order('SELECT latin_name FROM patients ORDER BY latin_name COLLATE "default"')).not.toEqual(bytewise);
  });

  it('searches as SQLite does: 3+ characters by the trigram index, 1 and 2 by the pieces index, the same rows as instr', async () => {
    const client = await migrated();
    const haystacks = [
      '김민지 | kim minji | 821012345678',
      '王芳 | wang fang',
      'nguyen thi lan | nguyen thi lan',
      'สมชาย ใจดี | somchai jaidee',
      'محمد | muhammad',
      '𠮷野 | yoshino',
      'anna | anna | 100%_off',
    ];
    for (const [index, haystack] of haystacks.entries()) {
      await insertPatient(client, index + 1, `p${index}`);
      await client.query('INSERT INTO patient_search_text (seq, haystack) VALUES ($1, $2)', [index + 1, haystack]);
    }
    const needles = [
      '민',
      '민지',
      '김민지',
      '芳',
      '王芳',
      'ng',
      'thi',
      'ใจ',
      'ใจดี',
      'مح',
      'محمد',
      '𠮷',
      '𠮷野',
      '1234',
      'a',
      '%',
      '%_',
      '0%_',
      ' |',
      'zz',
      'kim m',
    ];
    const search = async (needle: string) => {
      const sql =
        [...needle].length >= 3
          ? String.raw`SELECT seq FROM patient_search_text WHERE haystack LIKE '%' || $1 || '%' ORDER BY seq`
          : 'SELECT seq FROM patient_search_text WHERE haystack_pieces @> ARRAY[$1] ORDER BY seq';
      const escaped = [...needle].length >= 3 ? needle.replace(/[\\%_]/g, '\\$&') : needle;
      return (await client.query<{ seq: number }>(sql, [escaped])).rows.map((row) => row.seq);
    };
    for (const needle of needles) {
      const instr = haystacks.flatMap((haystack, index) => (haystack.includes(needle) ? [index + 1] : []));
      expect(await search(needle), needle).toEqual(instr);
    }
    // A rewrite of the haystack rewrites its pieces.
    await client.query("UPDATE patient_search_text SET haystack = 'anna' WHERE seq = 1");
    expect(await search('민')).toEqual([]);
    // Each needle length reads its index (the table is tiny, so the planner is told not to scan it).
    await client.query('SET enable_seqscan = off');
    const plan = async (sql: string) => JSON.stringify((await client.query(`EXPLAIN ${sql}`)).rows);
    expect(await plan("SELECT seq FROM patient_search_text WHERE haystack LIKE '%민지a%'")).toMatch(/patient_search_index/);
    expect(await plan("SELECT seq FROM patient_search_text WHERE haystack_pieces @> ARRAY['민']")).toMatch(/patient_search_pieces_index/);
  });

  it('keeps the audit log append-only, plan versions never overwritten, and quote versions gone only with the record', async () => {
    const client = await migrated();
    await insertPatient(client, 1, 'a');
    const addEntry = (prev: string, hash: string) =>
      client.query(
        "INSERT INTO audit_log (seq, at, actor, action, patient_id, prev_hash, hash) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM audit_log), 'x', 'a', 'patient.open', 'p', $1, $2)",
        [prev, hash],
      );
    await addEntry('0'.repeat(64), '1'.repeat(64));
    await expect(addEntry('0'.repeat(64), '2'.repeat(64))).rejects.toThrow(/unique/i);
    await expect(client.query("UPDATE audit_log SET actor = 'b'")).rejects.toThrow(/append-only/);
    await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);

    await client.query(
      "INSERT INTO plan_versions (patient_seq, version, plan_json, saved_at, saved_by) VALUES (1, 1, '{\"b\":1,\"a\":2}', 'x', 'y')",
    );
    await expect(client.query("UPDATE plan_versions SET plan_json = '{}'")).rejects.toThrow(/never overwritten/);
    // Byte for byte, key order and spacing kept (jsonb would give {"a": 2, "b": 1}).
    const quote = '{"totalKrw":100000, "lines":[{"b":1,"a":2}]}';
    await client.query(
      "INSERT INTO quote_versions (patient_seq, version, plan_version, quote_json, sent_at, sent_by) VALUES (1, 1, 1, $1, 'then', 'Park Ji-won')",
      [quote],
    );
    await expect(client.query("UPDATE quote_versions SET quote_json = '{}'")).rejects.toThrow(/never overwritten/);
    await expect(client.query('DELETE FROM quote_versions')).rejects.toThrow(/never overwritten/);
    await expect(client.query('TRUNCATE quote_versions')).rejects.toThrow(/never overwritten/);
    expect((await client.query('SELECT plan_json FROM plan_versions')).rows).toEqual([{ plan_json: '{"b":1,"a":2}' }]);
    expect((await client.query('SELECT quote_json FROM quote_versions')).rows).toEqual([{ quote_json: quote }]);
    // Destroying the whole record at the end of its retention takes its versions with it; the log stays.
    await client.query('DELETE FROM patients WHERE seq = 1');
    expect(
      (
        await client.query(
          'SELECT (SELECT count(*) FROM quote_versions)::integer AS q, (SELECT count(*) FROM plan_versions)::integer AS p, (SELECT count(*) FROM audit_log)::integer AS a',
        )
      ).rows,
    ).toEqual([{ q: 0, p: 0, a: 1 }]);
  });

  it('0022 keeps sealed photo files by their name in the store, once each, refusing other names and empty files', async () => {
    const client = await migrated();
    const sha = 'ab'.repeat(32);
    const sealed = Buffer.concat([Buffer.from('CDPH\x01', 'latin1'), Buffer.alloc(40, 7)]);
    const put = (name: string, bytes: Buffer) => client.query('INSERT INTO photo_files (name, sealed) VALUES ($1, $2)', [name, bytes]);
    await put(`photos/${sha}.jpg`, sealed);
    await put(`thumbnails/${sha}.jpg`, sealed);
    await expect(put(`photos/${sha}.jpg`, sealed)).rejects.toMatchObject({ code: '23505' });
    for (const name of [
      `photos/${sha}.gif`,
      `thumbnails/${sha}.png`,
      `photos/${sha.slice(1)}.jpg`,
      `../photos/${sha}.jpg`,
      `photos/${sha.toUpperCase()}.jpg`,
    ]) {
      await expect(put(name, sealed), name).rejects.toMatchObject({ code: '23514' });
    }
    await expect(put(`photos/${'cd'.repeat(32)}.png`, Buffer.alloc(10))).rejects.toMatchObject({ code: '23514' });
    const { rows } = await client.query<{ name: string; sealed: Buffer }>('SELECT name, sealed FROM photo_files ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual([`photos/${sha}.jpg`, `thumbnails/${sha}.jpg`]);
    expect(rows[0]!.sealed.equals(sealed)).toBe(true);
    // Sealed bytes do not compress: stored as they are, out of line, never tried.
    const storage = await client.query<{ attstorage: string }>(
      "SELECT attstorage FROM pg_attribute WHERE attrelid = 'photo_files'::regclass AND attname = 'sealed'",
    );
    expect(storage.rows).toEqual([{ attstorage: 'e' }]);
  });

  it('refuses what SQLite refuses: bad JSON, values outside a CHECK, rows of no patient, a second active profile name', async () => {
    const client = await migrated();
    await insertPatient(client, 1, 'a');
    const checkViolation = { code: '23514' };
    await expect(client.query("INSERT INTO drafts (key, form_json, saved_at) VALUES ('k', '{a', 'x')")).rejects.toMatchObject(
      checkViolation,
    );
    await expect(
      client.query(`INSERT INTO drafts (key, form_json, saved_at) VALUES ('k', '${'['.repeat(100_000)}', 'x')`),
    ).rejects.toMatchObject(checkViolation);
    await client.query("INSERT INTO drafts (key, form_json, saved_at) VALUES ('k', '{\"a\":1}', 'x')");
    await expect(client.query("UPDATE patients SET sex = 'unknown'")).rejects.toMatchObject(checkViolation);
    await expect(client.query('UPDATE patients SET fitzpatrick = 7')).rejects.toMatchObject(checkViolation);
    await expect(client.query("UPDATE patients SET referral_route = 'friend'")).rejects.toMatchObject(checkViolation);
    await expect(
      client.query(
        "INSERT INTO photos (id, patient_seq, visit_date, angle, sha256, media_type, added_at) VALUES ('p', 1, 'd', 'left', $1, 'image/jpeg', 'x')",
        ['a'.repeat(64)],
      ),
    ).rejects.toMatchObject(checkViolation);
    await expect(
      client.query(
        "INSERT INTO photos (id, patient_seq, visit_date, angle, sha256, media_type, added_at) VALUES ('p', 99, 'd', 'front', $1, 'image/jpeg', 'x')",
        ['a'.repeat(64)],
      ),
    ).rejects.toMatchObject({ code: '23503' });
    await expect(
      client.query("INSERT INTO patient_restrictions (patient_seq, restricted_at, retention_until) VALUES (1, 'now', '2036-11-24x')"),
    ).rejects.toMatchObject(checkViolation);
    await client.query("INSERT INTO patient_restrictions (patient_seq, restricted_at, retention_until) VALUES (1, 'now', '2036-11-24')");
    const profile =
      'INSERT INTO coordinator_profiles (id, display_name, pin_salt, pin_hash, created_at, disabled_at) VALUES ($1, $2, $3, $4, $5, $6)';
    await client.query(profile, ['a', 'Park Ji-won', 'a'.repeat(32), 'b'.repeat(64), 'now', null]);
    await expect(client.query(profile, ['b', 'Park Ji-won', 'a'.repeat(32), 'b'.repeat(64), 'now', null])).rejects.toMatchObject({
      code: '23505',
    });
    await client.query(profile, ['c', 'Lee Min-ho', 'a'.repeat(32), 'b'.repeat(64), 'now', 'then']);
    await client.query(profile, ['d', 'Lee Min-ho', 'a'.repeat(32), 'b'.repeat(64), 'now', null]);
    await expect(client.query(profile, ['e', 'Kim', 'a'.repeat(32), '1234', 'now', null])).rejects.toMatchObject(checkViolation);
    const attempts =
      'INSERT INTO coordinator_pin_attempts (coordinator_id, failures, wait_until_ms, last_failure_at) VALUES ($1, $2, $3, $4)';
    await client.query(attempts, ['a', 5, 1_800_000_000_000, 'now']);
    await expect(client.query(attempts, ['nobody', 1, 0, 'now'])).rejects.toMatchObject({ code: '23503' });
    // Everything a patient owns goes with the patient's row, as with SQLite's ON DELETE CASCADE.
    await client.query("INSERT INTO plans (patient_seq, plan_json, updated_at) VALUES (1, '{}', 'x')");
    await client.query("INSERT INTO plan_drafts (patient_seq, base_version, plan_json, saved_at) VALUES (1, 0, '{}', 'x')");
    await client.query('DELETE FROM patients WHERE seq = 1');
    expect(
      (
        await client.query(
          'SELECT (SELECT count(*) FROM plans) + (SELECT count(*) FROM plan_drafts) + (SELECT count(*) FROM patient_restrictions) AS n',
        )
      ).rows,
    ).toEqual([{ n: '0' }]);
  });

  it('0008, 0009 and 0014 treat the rows of an older database as their SQLite twins do', async () => {
    const client = await freshDatabase();
    await migratePostgres(client, { migrations: before(8) });
    await insertPatient(client, 1, 'before');
    await insertPatient(client, 2, 'after');
    const plan = {
      items: [
        { treatment: 'pico-laser', date: '2026-03-02', status: 'done' },
        { treatment: 'pico-laser', date: '2026-03-09' },
        { treatment: 'ipl', date: null },
      ],
      discounts: { 'pico-laser': 10 },
    };
    await client.query("INSERT INTO plans (patient_seq, plan_json, version, updated_at) VALUES (1, $1, 3, 'then')", [JSON.stringify(plan)]);
    await client.query('UPDATE patients SET screening_open = 2 WHERE seq = 1');
    await client.query(`UPDATE patients SET screening_open = 0, screening_json = '{"implantedDevice":false}' WHERE seq = 2`);
    const calls: [number, number][] = [];
    await migratePostgres(client, { migrations: upTo(8), beforeMigration: (from, to) => void calls.push([from, to]) });
    expect(calls).toEqual([[7, 8]]);
    expect(
      (
        await client.query(
          'SELECT position, treatment, date, status, moved, discount_percent, line_sessions FROM plan_sessions ORDER BY position',
        )
      ).rows,
    ).toEqual([
      { position: 0, treatment: 'pico-laser', date: '2026-03-02', status: 'done', moved: 0, discount_percent: 10, line_sessions: 2 },
      { position: 1, treatment: 'pico-laser', date: '2026-03-09', status: 'scheduled', moved: 0, discount_percent: 10, line_sessions: 2 },
      { position: 2, treatment: 'ipl', date: null, status: 'scheduled', moved: 0, discount_percent: 0, line_sessions: 1 },
    ]);
    await migratePostgres(client, { migrations: upTo(9) });
    expect((await client.query('SELECT patient_seq, version, plan_json, saved_at, saved_by FROM plan_versions')).rows).toEqual([
      { patient_seq: 1, version: 3, plan_json: JSON.stringify(plan), saved_at: 'then', saved_by: 'unknown' },
    ]);
    await migratePostgres(client);
    expect((await client.query('SELECT id, screening_open FROM patients ORDER BY seq')).rows).toEqual([
      { id: 'before', screening_open: 7 },
      { id: 'after', screening_open: 0 },
    ]);
  });

  it('refuses a database of a newer app before writing anything, and leaves it as it was', async () => {
    const client = await migrated();
    await client.query('CREATE TABLE future (x integer)');
    await client.query('INSERT INTO future VALUES (1)');
    await client.query('UPDATE schema_version SET version = $1', [POSTGRES_SCHEMA_VERSION + 5]);
    const print = await fingerprint(client);
    const calls: unknown[] = [];
    const attempt = migratePostgres(client, { beforeMigration: (...args) => void calls.push(args) });
    await expect(attempt).rejects.toThrow(DatabaseTooNewError);
    await expect(migratePostgres(client)).rejects.toThrow(
      /newer ClinicDesk \(schema \d+; this app knows up to \d+\)\. It was not opened or changed/,
    );
    expect(calls).toEqual([]);
    expect(await fingerprint(client)).toEqual(print);
    expect(await readPostgresSchemaVersion(client)).toBe(POSTGRES_SCHEMA_VERSION + 5);
  });

  it('refuses, untouched, a database whose LC_CTYPE would leave names in other scripts out of the trigram index', async () => {
    const client = await freshDatabase({ ctype: 'C' });
    await expect(migratePostgres(client)).rejects.toThrow(PostgresDatabaseUnsuitableError);
    await expect(migratePostgres(client)).rejects.toThrow(/LC_CTYPE C.*not changed/);
    expect((await client.query("SELECT count(*)::integer AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace")).rows).toEqual([
      { n: 0 },
    ]);
  });

  it('migrates an older database only from where it is, after the callback, and not at all when the callback fails', async () => {
    const client = await freshDatabase();
    await migratePostgres(client, { migrations: before(12) });
    await insertPatient(client, 1, 'kept');
    const print = await fingerprint(client);
    await expect(migratePostgres(client, { beforeMigration: () => Promise.reject(new Error('backup failed')) })).rejects.toThrow(
      /backup failed/,
    );
    expect(await fingerprint(client)).toEqual(print);
    const result = await migratePostgres(client);
    expect(result.applied).toEqual(
      POSTGRES_MIGRATIONS.filter((migration) => migration.version >= 12).map((migration) => migration.version),
    );
    expect((await client.query('SELECT id FROM patients')).rows).toEqual([{ id: 'kept' }]);
  });

  it('rolls a failing migration back whole, leaving the version of the one before', async () => {
    const client = await freshDatabase();
    const broken = [
      ...POSTGRES_MIGRATIONS,
      { version: POSTGRES_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half_made (x integer); CREATE TABLE nope (;' },
    ];
    const failure = await migratePostgres(client, { migrations: broken }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PostgresMigrationError);
    expect((failure as PostgresMigrationError).message).toMatch(
      new RegExp(`migration ${POSTGRES_SCHEMA_VERSION + 1} \\(broken\\) failed and was rolled back: syntax error`),
    );
    expect(await readPostgresSchemaVersion(client)).toBe(POSTGRES_SCHEMA_VERSION);
    expect((await client.query("SELECT to_regclass('half_made') AS t")).rows).toEqual([{ t: null }]);
    // The connection is usable afterwards: no transaction left open.
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('lets two PCs start a newer app at once: one applies each migration, the other finds it done', async () => {
    const url = await postgres.createDatabase();
    const [a, b] = await Promise.all([postgres.connect(url), postgres.connect(url)]);
    const [first, second] = await Promise.all([migratePostgres(a), migratePostgres(b)]);
    expect([...first.applied, ...second.applied].sort((x, y) => x - y)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
    expect(first.to).toBe(POSTGRES_SCHEMA_VERSION);
    expect(second.to).toBe(POSTGRES_SCHEMA_VERSION);
  });
});

/** A minimal valid patient row, straight into SQL (below any repository), with the columns of 0001 alone. */
async function insertPatient(client: pg.Client, seq: number, id: string, latinName = 'l'): Promise<void> {
  await client.query(
    `INSERT INTO patients (seq, id, native_name, latin_name, birth_date, sex, nationality, languages_json,
      home_time_zone, home_currency, arrival, departure, screening_json, created_at, updated_at)
     VALUES ($1, $2, 'n', $3, '1990-01-01', 'female', 'KR', '["ko"]', 'Asia/Seoul', 'KRW', '2026-01-01', '2026-01-02', '{}', 'x', 'x')`,
    [seq, id, latinName],
  );
}

/**
 * Everything a write would change: each object of the schema with the xmin of its catalog row (a new one for any
 * ALTER, CREATE OR REPLACE, COMMENT...), and every row of schema_version and of the test's own table.
 */
async function fingerprint(client: pg.Client): Promise<unknown> {
  const { rows } = await client.query(`
    SELECT 'class' AS kind, relname::text AS name, xmin::text AS xmin FROM pg_class WHERE relnamespace = current_schema()::regnamespace
    UNION ALL SELECT 'column', attrelid::regclass::text || '.' || attname, xmin::text FROM pg_attribute
      WHERE attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = current_schema()::regnamespace) AND attnum > 0
    UNION ALL SELECT 'constraint', conname::text, xmin::text FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
    UNION ALL SELECT 'trigger', tgname::text, xmin::text FROM pg_trigger WHERE tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = current_schema()::regnamespace)
    UNION ALL SELECT 'function', proname::text, xmin::text FROM pg_proc WHERE pronamespace = current_schema()::regnamespace
    UNION ALL SELECT 'extension', extname::text, xmin::text FROM pg_extension
    UNION ALL SELECT 'description', objoid::text, xmin::text FROM pg_description WHERE objoid IN (SELECT oid FROM pg_class WHERE relnamespace = current_schema()::regnamespace)
    ORDER BY 1, 2`);
  const version = await client.query("SELECT to_regclass('schema_version') IS NOT NULL AS present");
  const versionRows = version.rows[0].present
    ? (await client.query('SELECT xmin::text, version, migrated_at FROM schema_version')).rows
    : [];
  const future = await client.query("SELECT to_regclass('future') IS NOT NULL AS present");
  const futureRows = future.rows[0].present ? (await client.query('SELECT xmin::text, x FROM future')).rows : [];
  return { catalog: rows, versionRows, futureRows };
}
