// Services for the suites that run on both back ends: over a temporary SQLite file (openTempServices), or, with
// CLINICDESK_TEST_BACKEND=postgres, over a fresh database on the run's throwaway PostgreSQL (the `postgres` project
// of vitest.config.ts starts it and migrates a template; ./postgres/test-databases.ts). A suite written against
// this helper checks the same behaviour on both, without a copy per back end.
//
// What a test reads straight from the database to check what was stored goes through `sql`, written once: `?`
// placeholders, and only what both dialects share. What only one back end has (the SQLite file's pages, FTS5,
// SQLite's triggers) stays in tests that use openTempServices and `context.db`.
import pg from 'pg';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PRODUCT_NAME } from '../../src/main/app-paths';
import { inject } from 'vitest';
import type { StoreBackend } from '../../src/main/db/store/store';
import type { Db } from '../../src/main/db/open-database';
import { openServerServices } from '../../src/main/services/open-server-services';
import type { OpenServices } from '../../src/main/services/open-services';
import { runCli, type CliIo } from '../../src/main/doors/cli';
import { SEALED_COLUMNS, serverFieldSeal, type FieldSeal } from '../../src/main/security/field-seal';
import { copyTemplateDatabase } from './postgres/test-databases';
import { missingPostgresHint } from './postgres/throwaway-server';
import { FIXED_NOW, openTempServices } from './temp-services';
import { postgresSql, sqliteSql, type TestSql } from './test-sql';
import { TEST_KEY, writeTestKeyFile } from './test-key';

/** The back end of this run: CLINICDESK_TEST_BACKEND=postgres, else the SQLite file. */
export const TEST_BACKEND: StoreBackend = process.env.CLINICDESK_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

export interface TestServices extends OpenServices<Db | null> {
  readonly backend: StoreBackend;
  /** A temporary folder of the test's own: the SQLite file and photos, or (PostgreSQL) this PC's data folder (photo
   * files, anchors), the one the CLI opens too. */
  readonly folder: string;
  /** What `--db` names for the CLI over the same data: the file, or the database's URL. */
  readonly dbArg: string;
  readonly sql: TestSql;
  /** The columns the clinic server seals (SEALED_COLUMNS), as `sql` reads them: opened, or sealed to be written.
   * The SQLite file stores them plain (the whole file is encrypted), so there this passes them through. */
  readonly seal: FieldSeal;
  /** Every row of every table, as one string: equal before and after means nothing changed. */
  snapshot(): Promise<string>;
  /** Every value of every table as text (SQLite's FTS shadow tables included; the server's sealed columns opened):
   * where an erased value must not be. */
  everyValue(): Promise<string>;
  /** Rows written so far (inserted, updated or deleted; rolled back or not): a cheap exact check that a call wrote
   * nothing. SQLite's total_changes() of the services' connection; on PostgreSQL, a counter that row triggers of
   * the test's own (added at the first call, on every table) advance. */
  changes(): Promise<number>;
  /** The CLI over the same data (`--db` and `--key-file` given), in this process. Close the services first when the
   * command must find the SQLite file unheld. On PostgreSQL the CLI takes its data folder from the environment
   * (app-paths.ts): `folder`, as on the PC whose photo files it must find, never the user's own. */
  cli(args: readonly string[], io: CliIo): Promise<number>;
  /** Closes these services and opens the same data again (after the CLI wrote to it, say), with other options if
   * given. */
  reopen(options?: TestServicesOptions): Promise<TestServices>;
  /** Closes the services and deletes the data (the folder, and the PostgreSQL database). */
  dispose(): Promise<void>;
}

export interface TestServicesOptions {
  readonly requireSignIn?: boolean;
}

export function openTestServices(now: Date | (() => Date) = FIXED_NOW, options: TestServicesOptions = {}): Promise<TestServices> {
  return TEST_BACKEND === 'postgres' ? openOnPostgres(now, options, null) : Promise.resolve(openOnSqlite(now, options, undefined));
}

function openOnSqlite(now: Date | (() => Date), options: TestServicesOptions, existing: string | undefined): TestServices {
  const services = openTempServices(now, existing, options);
  const db = services.context.db;
  const sql = sqliteSql(db);
  let disposed = false;
  const close = async () => {
    if (disposed) return;
    disposed = true;
    await services.close();
  };
  return {
    ...services,
    backend: 'sqlite',
    close,
    dbArg: join(services.folder, 'clinicdesk.sqlite'),
    sql,
    seal: PLAIN,
    cli: (args, io) => cliOver(services.folder, join(services.folder, 'clinicdesk.sqlite'), args, io),
    snapshot: async () => services.snapshot(),
    everyValue: async () => {
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all();
      const parts: string[] = [];
      for (const { name } of tables) {
        for (const row of db.prepare(`SELECT * FROM "${name}"`).raw(true).all() as unknown[][]) {
          for (const value of row) parts.push(Buffer.isBuffer(value) ? value.toString('latin1') : String(value));
        }
      }
      return parts.join('\n');
    },
    changes: async () => db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n,
    async reopen(other = options) {
      await close();
      return openOnSqlite(now, other, services.folder);
    },
    async dispose() {
      await close();
      rmSync(services.folder, { recursive: true, force: true });
    },
  };
}

async function cliOver(folder: string, dbArg: string, args: readonly string[], io: CliIo): Promise<number> {
  const previous = process.env.XDG_CONFIG_HOME;
  // On PostgreSQL `folder` is <parent>/ClinicDesk, the data folder defaultDataFolder() names under this parent.
  process.env.XDG_CONFIG_HOME = dirname(folder);
  try {
    return await runCli(['--db', dbArg, '--key-file', writeTestKeyFile(folder), ...args], io);
  } finally {
    if (previous === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = previous;
  }
}

const PLAIN: FieldSeal = { seal: (_column, plain) => plain, open: (_column, stored) => stored };

interface PostgresData {
  readonly url: string;
  readonly folder: string;
  drop(): Promise<void>;
}

async function openOnPostgres(
  now: Date | (() => Date),
  options: TestServicesOptions,
  existing: PostgresData | null,
): Promise<TestServices> {
  let data = existing;
  if (!data) {
    const server = inject('clinicdeskPostgres');
    if (!server)
      throw new Error(
        `CLINICDESK_TEST_BACKEND=postgres needs the run's PostgreSQL (the vitest project "postgres"): ${missingPostgresHint()}`,
      );
    const database = await copyTemplateDatabase(server.url);
    // The PC's data folder as the CLI finds it (cliOver): <parent>/ClinicDesk.
    const folder = join(mkdtempSync(join(tmpdir(), 'clinicdesk-test-pg-')), PRODUCT_NAME);
    mkdirSync(folder);
    data = { url: database.url, folder, drop: database.drop };
  }
  const clock = typeof now === 'function' ? now : () => now;
  const services = await openServerServices({
    url: data.url,
    dataFolder: data.folder,
    key: TEST_KEY,
    now: clock,
    ...(options.requireSignIn ? { requireSignIn: true } : {}),
  });
  const sql = postgresSql(data.url);
  let counting = false;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await services.close();
    await sql.end();
  };
  const owned = data;
  return {
    ...services,
    backend: 'postgres',
    close,
    folder: owned.folder,
    dbArg: owned.url,
    sql,
    seal: serverFieldSeal(TEST_KEY),
    cli: (args, io) => cliOver(owned.folder, owned.url, args, io),
    async snapshot() {
      // Ordered by each row's text: SQLite's snapshot is in rowid order, which PostgreSQL has no twin of.
      const tables = await sql.all<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      );
      const rows: [string, unknown[]][] = [];
      for (const { name } of tables) rows.push([name, await sql.all(`SELECT * FROM ${pg.escapeIdentifier(name)} AS t ORDER BY t::text`)]);
      return JSON.stringify(rows);
    },
    async everyValue() {
      const seal = serverFieldSeal(TEST_KEY);
      const parts: string[] = [];
      for (const { name } of await sql.all<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")) {
        const sealed = SEALED_COLUMNS[name] ?? [];
        for (const row of await sql.all(`SELECT * FROM ${pg.escapeIdentifier(name)}`)) {
          for (const [column, value] of Object.entries(row)) {
            const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
            parts.push(sealed.includes(column) && typeof value === 'string' ? seal.open(`${name}.${column}`, value) : text);
          }
        }
      }
      return parts.join('\n');
    },
    async changes() {
      if (!counting) {
        // A sequence, not a table: nextval is not undone by a rollback, so a write that was rolled back still counts.
        await sql.run('CREATE SEQUENCE test_row_changes');
        await sql.run(
          "CREATE FUNCTION test_count_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('test_row_changes'); RETURN NULL; END $$",
        );
        for (const { name } of await sql.all<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")) {
          const table = pg.escapeIdentifier(name);
          await sql.run(
            `CREATE TRIGGER test_count_rows AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION test_count_change()`,
          );
          await sql.run(
            `CREATE TRIGGER test_count_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION test_count_change()`,
          );
        }
        counting = true;
      }
      const counter = (await sql.get<{ last_value: number; is_called: boolean }>('SELECT last_value, is_called FROM test_row_changes'))!;
      return counter.is_called ? counter.last_value : 0;
    },
    async reopen(other = options) {
      await close();
      return openOnPostgres(now, other, owned);
    },
    async dispose() {
      await close();
      await owned.drop();
      rmSync(dirname(owned.folder), { recursive: true, force: true });
    },
  };
}
