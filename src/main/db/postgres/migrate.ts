// Bringing a clinic server's PostgreSQL database to the app's schema, with SQLite's rules (open-database.ts):
// migrations numbered, applied in order of their number, only the pending ones; a database written by a newer app
// is refused before anything is written to it. Where SQLite keeps PRAGMA user_version, PostgreSQL keeps a
// one-row table, schema_version, made in the same transaction as the first migration.
//
// Unlike one app on one file, several coordinators' PCs may start a newer app against the same server at once.
// The migrating PC therefore holds an advisory lock, and each migration is one transaction of its own that reads
// the version again under it: the PC that comes second finds the work done and moves on. PostgreSQL's DDL
// is transactional, so a migration that fails leaves the database at the previous number, untouched by it.
import type { ClientBase } from 'pg';
import { DatabaseTooNewError } from '../connect-database';
import type { Migration } from '../migrations/migration';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres';

/** The oldest server the schema is written for (SQL-standard function bodies need 14; Debian 12 ships 15). */
export const MIN_POSTGRES_VERSION_NUM = 150000;

/** pg_advisory_lock(key1, key2) of the migrations: 'CDsk' and 1, held while this connection migrates. */
const MIGRATION_LOCK = [0x4344736b, 1] as const;

const VERSION_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS schema_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version integer NOT NULL CHECK (version > 0),
  migrated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE schema_version IS 'The number of the last ClinicDesk migration applied. An app that knows fewer refuses the database.';
`;

/** The server or database cannot hold the schema as the app needs it; nothing was written. */
export class PostgresDatabaseUnsuitableError extends Error {
  override name = 'PostgresDatabaseUnsuitableError';
}

export class PostgresMigrationError extends Error {
  override name = 'PostgresMigrationError';
  constructor(
    readonly version: number,
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(`PostgreSQL migration ${version} (${migrationName}) failed and was rolled back: ${(cause as Error).message}`, { cause });
  }
}

export interface MigratePostgresOptions {
  /** The list to apply; POSTGRES_MIGRATIONS unless a test applies a prefix of it. */
  readonly migrations?: readonly Migration[];
  /**
   * Called before pending migrations change a database that already has a schema (version above 0), nothing
   * written yet: the place for a backup, as with SQLite. If it throws, nothing is migrated.
   */
  readonly beforeMigration?: (from: number, to: number) => Promise<void> | void;
}

export interface PostgresMigrationResult {
  /** The version found before migrating, and the version now. */
  readonly from: number;
  readonly to: number;
  /** The migrations this call applied (another PC may have applied some of the pending ones first). */
  readonly applied: readonly number[];
}

interface ServerFacts {
  readonly database: string;
  readonly serverVersion: number;
  readonly encoding: string;
  readonly ctype: string;
}

/** The schema version of the connected database: 0 for one that has never been migrated. Reads only. */
export async function readPostgresSchemaVersion(client: ClientBase): Promise<number> {
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass('schema_version') IS NOT NULL AS exists");
  if (!rows[0]?.exists) return 0;
  const version = await client.query<{ version: number }>('SELECT version FROM schema_version WHERE only_row');
  return version.rows[0]?.version ?? 0;
}

/**
 * Applies the pending migrations to the database `client` is connected to (a single connection, not a pool: each
 * migration is a BEGIN ... COMMIT on it). Throws DatabaseTooNewError, before writing anything, for a database of
 * a newer app, and PostgresDatabaseUnsuitableError for a server or database the schema cannot serve.
 */
export async function migratePostgres(client: ClientBase, options: MigratePostgresOptions = {}): Promise<PostgresMigrationResult> {
  const migrations = options.migrations ?? POSTGRES_MIGRATIONS;
  const supported = migrations.at(-1)?.version ?? 0;
  const facts = await serverFacts(client);
  const where = `"${facts.database}" on ${describeServer(client)}`;
  const found = await readPostgresSchemaVersion(client);
  if (found > supported) throw new DatabaseTooNewError(where, found, supported);
  refuseUnsuitable(facts, where);

  // By number, not by position: the list may have a gap while parallel branches each hold their own number.
  const pending = migrations.filter((migration) => migration.version > found);
  if (pending.length === 0) return { from: found, to: found, applied: [] };
  if (found > 0) await options.beforeMigration?.(found, supported);

  const applied: number[] = [];
  // A session lock, taken before each migration's BEGIN rather than inside it: a transaction begun before another
  // PC committed a migration would still hold that PC's schema_version as missing in its caches.
  await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
  try {
    for (const migration of pending) {
      await client.query('BEGIN');
      try {
        const current = await readPostgresSchemaVersion(client);
        if (current > supported) throw new DatabaseTooNewError(where, current, supported);
        if (current < migration.version) {
          // The first migration makes the version table, in its own transaction: both or neither.
          if (current === 0) await client.query(VERSION_TABLE_SQL);
          // A migration may build indexes over a whole table: no per-statement limit a pool may have set applies.
          await client.query('SET LOCAL statement_timeout = 0');
          try {
            await client.query(migration.sql);
          } catch (error) {
            throw new PostgresMigrationError(migration.version, migration.name, error);
          }
          await client.query(
            `INSERT INTO schema_version (only_row, version) VALUES (true, $1)
             ON CONFLICT (only_row) DO UPDATE SET version = excluded.version, migrated_at = now()`,
            [migration.version],
          );
          applied.push(migration.version);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]).catch(() => {});
  }
  return { from: found, to: await readPostgresSchemaVersion(client), applied };
}

async function serverFacts(client: ClientBase): Promise<ServerFacts> {
  const { rows } = await client.query<ServerFacts>(`SELECT current_database() AS database,
      current_setting('server_version_num')::integer AS "serverVersion",
      current_setting('server_encoding') AS encoding,
      (SELECT datctype FROM pg_database WHERE datname = current_database()) AS ctype`);
  return rows[0]!;
}

function refuseUnsuitable(facts: ServerFacts, where: string): void {
  if (facts.serverVersion < MIN_POSTGRES_VERSION_NUM) {
    throw new PostgresDatabaseUnsuitableError(
      `The database ${where} runs PostgreSQL ${facts.serverVersion}; ClinicDesk needs ${MIN_POSTGRES_VERSION_NUM / 10000} or newer. It was not changed.`,
    );
  }
  if (facts.encoding !== 'UTF8') {
    throw new PostgresDatabaseUnsuitableError(
      `The database ${where} is encoded ${facts.encoding}; patients' names in every script need UTF8. It was not changed. ` +
        "Create it with ENCODING 'UTF8' (and TEMPLATE template0).",
    );
  }
  // pg_trgm takes its letters from LC_CTYPE: under C or POSIX it would index no Hangul, Han, Thai or Arabic, and
  // every search for such a name would read the whole index.
  if (/^(c|posix)$/i.test(facts.ctype)) {
    throw new PostgresDatabaseUnsuitableError(
      `The database ${where} has LC_CTYPE ${facts.ctype}, under which the name search's trigram index sees only ASCII ` +
        "letters. It was not changed. Create it with LC_CTYPE 'C.UTF-8' or another UTF-8 locale (names are ordered by " +
        'the "C" collation of each column, whatever the database\'s default).',
    );
  }
}

function describeServer(client: ClientBase): string {
  const { host, port } = client as ClientBase & { host?: string; port?: number };
  return host ? `${host}:${port ?? 5432}` : 'the server';
}
