// What a test reads or writes straight in the database, written once for both back ends: `?` placeholders, the SQL
// both dialects share, counts back as numbers on both. Used by the unit suites' services (./test-services.ts) and
// the e2e fixtures.
import pg from 'pg';
import type { Db } from '../../src/main/db/open-database';

export interface TestSql {
  all<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T | undefined>;
  run(text: string, ...params: unknown[]): Promise<void>;
}

export function sqliteSql(db: Db): TestSql {
  return {
    all: async <T>(text: string, ...params: unknown[]) => db.prepare(text).all(...params) as T[],
    get: async <T>(text: string, ...params: unknown[]) => db.prepare(text).get(...params) as T | undefined,
    run: async (text, ...params) => void db.prepare(text).run(...params),
  };
}

/** int8 (count(*), sum) as a number, as SQLite answers: a test's counts compare equal on both. */
const COUNTS_AS_NUMBERS: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** `?` placeholders as PostgreSQL's $1, $2... (the tests' SQL puts no `?` inside its string literals). */
const numbered = (text: string): string => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

/** A connection of its own to the database at `url`, opened at the first statement; `end` closes it. */
export function postgresSql(url: string): TestSql & { end(): Promise<void> } {
  let client: pg.Client | null = null;
  const connected = async (): Promise<pg.Client> => {
    if (!client) {
      client = new pg.Client({ connectionString: url, types: COUNTS_AS_NUMBERS });
      await client.connect();
    }
    return client;
  };
  return {
    all: async <T>(text: string, ...params: unknown[]) => (await (await connected()).query(numbered(text), params)).rows as T[],
    get: async <T>(text: string, ...params: unknown[]) =>
      (await (await connected()).query(numbered(text), params)).rows[0] as T | undefined,
    run: async (text, ...params) => void (await (await connected()).query(numbered(text), params)),
    end: async () => {
      await (client as pg.Client | null)?.end().catch(() => undefined);
      client = null;
    },
  };
}
