// The few ways a PostgreSQL repository talks to its connection: rows, one row, a write's row count. Statements are
// unnamed (a named prepared statement switched to a generic plan made the search 277 ms p95 in the prototype);
// `pg` still sends them with the extended protocol, so parameters are never spliced into SQL.
import type { PoolClient } from 'pg';
import { createSerialLock } from '../store/serial-lock';

export interface PgSql {
  all<T>(text: string, values?: readonly unknown[]): Promise<T[]>;
  one<T>(text: string, values?: readonly unknown[]): Promise<T | undefined>;
  /** Rows changed by an INSERT, UPDATE or DELETE. */
  run(text: string, values?: readonly unknown[]): Promise<number>;
}

/** Queries on one connection, one at a time: a service may await several repository calls of its transaction at
 * once (Promise.all), and `pg` deprecates queueing a query while another runs (pg@9 removes it). */
export function pgSql(client: Pick<PoolClient, 'query'>): PgSql {
  const lock = createSerialLock();
  const query = (text: string, values: readonly unknown[]) => lock.run(() => client.query({ text, values: [...values] }));
  return {
    async all<T>(text: string, values: readonly unknown[] = []) {
      return (await query(text, values)).rows as T[];
    },
    async one<T>(text: string, values: readonly unknown[] = []) {
      return (await query(text, values)).rows[0] as T | undefined;
    },
    async run(text: string, values: readonly unknown[] = []) {
      return (await query(text, values)).rowCount ?? 0;
    },
  };
}

/** A statement written with SQLite's :named parameters, numbered for PostgreSQL ($1, $2...; a name used twice is one
 * number), so a translated query reads like the SQLite one it mirrors. */
export interface NamedStatement<P> {
  readonly text: string;
  values(params: P): unknown[];
}

export function named<P extends object>(sql: string): NamedStatement<P> {
  const names: string[] = [];
  // `::type` casts are not parameters: a name must follow a single colon, not a word character or another colon.
  const text = sql.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (_match, name: string) => {
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  return {
    text,
    values(params) {
      return names.map((name) => {
        const value = (params as Record<string, unknown>)[name];
        if (value === undefined) throw new Error(`No value for :${name}`);
        return value;
      });
    },
  };
}
