// Services for the suites that run on both back ends: over a temporary SQLite file (openTempServices), or, with
// CLINICDESK_TEST_BACKEND=postgres, over a fresh database on the run's throwaway PostgreSQL (the `postgres` project
// of vitest.config.ts starts it and migrates a template; ./postgres/test-databases.ts). A suite written against
// this helper checks the same behaviour on both, without a copy per back end.
//
// What a test reads straight from the database to check what was stored goes through `sql`, written once: `?`
// placeholders, and only what both dialects share. What only one back end has (the SQLite file's pages, FTS5,
// SQLite's triggers) stays in tests that use openTempServices and `context.db`.
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { StoreBackend } from '../../src/main/db/store/store';
import type { Db } from '../../src/main/db/open-database';
import { openServerServices } from '../../src/main/services/open-server-services';
import type { OpenServices } from '../../src/main/services/open-services';
import { serverFieldSeal, type FieldSeal } from '../../src/main/security/field-seal';
import { copyTemplateDatabase } from './postgres/test-databases';
import { missingPostgresHint } from './postgres/throwaway-server';
import { FIXED_NOW, openTempServices } from './temp-services';
import { TEST_KEY } from './test-key';

/** The back end of this run: CLINICDESK_TEST_BACKEND=postgres, else the SQLite file. */
export const TEST_BACKEND: StoreBackend = process.env.CLINICDESK_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/** Reads and writes for checks, in the SQL both dialects share; numbers (counts) come back as numbers on both. */
export interface TestSql {
  all<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T | undefined>;
  run(text: string, ...params: unknown[]): Promise<void>;
}

export interface TestServices extends OpenServices<Db | null> {
  readonly backend: StoreBackend;
  /** A temporary folder of the test's own: the SQLite file and photos, or (PostgreSQL) this PC's photos and anchors. */
  readonly folder: string;
  /** What `--db` names for the CLI over the same data: the file, or the database's URL. */
  readonly dbArg: string;
  readonly sql: TestSql;
  /** The columns the clinic server seals (SEALED_COLUMNS), as `sql` reads them: opened, or sealed to be written.
   * The SQLite file stores them plain (the whole file is encrypted), so there this passes them through. */
  readonly seal: FieldSeal;
  /** Every row of every table, as one string: equal before and after means nothing changed. */
  snapshot(): Promise<string>;
  /** Closes these services and opens the same data again (after the CLI wrote to it, say). */
  reopen(): Promise<TestServices>;
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
  const sql: TestSql = {
    all: async <T>(text: string, ...params: unknown[]) => db.prepare(text).all(...params) as T[],
    get: async <T>(text: string, ...params: unknown[]) => db.prepare(text).get(...params) as T | undefined,
    run: async (text, ...params) => void db.prepare(text).run(...params),
  };
  let disposed = false;
  const close = async () => {
    if (disposed) return;
    disposed = true;
    await services.close();
  };
  return {
    ...services,
    backend: 'sqlite',
    dbArg: join(services.folder, 'clinicdesk.sqlite'),
    sql,
    seal: PLAIN,
    snapshot: async () => services.snapshot(),
    async reopen() {
      await close();
      return openOnSqlite(now, options, services.folder);
    },
    async dispose() {
      await close();
      rmSync(services.folder, { recursive: true, force: true });
    },
  };
}

const PLAIN: FieldSeal = { seal: (_column, plain) => plain, open: (_column, stored) => stored };

interface PostgresData {
  readonly url: string;
  readonly folder: string;
  drop(): Promise<void>;
}

/** int8 (count(*), sum) as a number, as SQLite answers: a test's counts compare equal on both. */
const COUNTS_AS_NUMBERS: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format))) as pg.CustomTypesConfig['getTypeParser'],
};

/** `?` placeholders as PostgreSQL's $1, $2... (the tests' SQL puts no `?` inside its string literals). */
const numbered = (text: string): string => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

async function openOnPostgres(now: Date | (() => Date), options: TestServicesOptions, existing: PostgresData | null): Promise<TestServices> {
  let data = existing;
  if (!data) {
    const server = inject('clinicdeskPostgres');
    if (!server) throw new Error(`CLINICDESK_TEST_BACKEND=postgres needs the run's PostgreSQL (the vitest project "postgres"): ${missingPostgresHint()}`);
    const database = await copyTemplateDatabase(server.url);
    data = { url: database.url, folder: mkdtempSync(join(tmpdir(), 'clinicdesk-test-pg-')), drop: database.drop };
  }
  const clock = typeof now === 'function' ? now : () => now;
  const services = await openServerServices({ url: data.url, dataFolder: data.folder, key: TEST_KEY, now: clock, ...(options.requireSignIn ? { requireSignIn: true } : {}) });
  let client: pg.Client | null = null;
  const connected = async (): Promise<pg.Client> => {
    if (!client) {
      client = new pg.Client({ connectionString: data.url, types: COUNTS_AS_NUMBERS });
      await client.connect();
    }
    return client;
  };
  const sql: TestSql = {
    all: async <T>(text: string, ...params: unknown[]) => (await (await connected()).query(numbered(text), params)).rows as T[],
    get: async <T>(text: string, ...params: unknown[]) => (await (await connected()).query(numbered(text), params)).rows[0] as T | undefined,
    run: async (text, ...params) => void (await (await connected()).query(numbered(text), params)),
  };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await services.close();
    await (client as pg.Client | null)?.end().catch(() => undefined);
  };
  const owned = data;
  return {
    ...services,
    backend: 'postgres',
    folder: owned.folder,
    dbArg: owned.url,
    sql,
    seal: serverFieldSeal(TEST_KEY),
    async snapshot() {
      // Ordered by each row's text: SQLite's snapshot is in rowid order, which PostgreSQL has no twin of.
      const tables = await sql.all<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
      const rows: [string, unknown[]][] = [];
      for (const { name } of tables) rows.push([name, await sql.all(`SELECT * FROM ${pg.escapeIdentifier(name)} AS t ORDER BY t::text`)]);
      return JSON.stringify(rows);
    },
    async reopen() {
      await close();
      return openOnPostgres(now, options, owned);
    },
    async dispose() {
      await close();
      await owned.drop();
      rmSync(owned.folder, { recursive: true, force: true });
    },
  };
}
