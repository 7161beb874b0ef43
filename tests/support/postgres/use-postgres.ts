// PostgreSQL in a test file: the server of the run's global setup (./global-setup.ts) when there is one, else a
// throwaway server of the file's own, started before its tests and stopped after them. Each test asks for a fresh
// database, so tests never see each other's rows.
//
//   const postgres = usePostgres();
//   describe.skipIf(!postgres.available)(postgres.title('my PostgreSQL tests'), () => {
//     it('...', async () => {
//       const client = await postgres.connect(await postgres.createDatabase());
//       ...
//     });
//   });
//
// Without PostgreSQL binaries the tests are skipped, their title saying why; with CI set, usePostgres() throws
// instead, failing the file: CI must run them.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { ProvidedPostgres } from './global-setup';
import { findPostgresBinaries, isCi, missingPostgresHint, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-server';

export interface NewDatabaseOptions {
  /**
   * The database's default collation from ICU (e.g. 'ko-KR'), as a clinic server set up in Korean might have.
   * Ordering in the schema must not depend on it (every text column is COLLATE "C").
   */
  readonly icuLocale?: string;
  /** LC_CTYPE; 'C.UTF-8' by default. */
  readonly ctype?: string;
}

export interface TestPostgres {
  readonly available: boolean;
  /** The describe's title; when skipped, with the reason. */
  title(name: string): string;
  /** The superuser's URL of the `postgres` database. */
  adminUrl(): string;
  /** A new empty UTF8 database, dropped after the file's tests; returns its URL (the superuser's). */
  createDatabase(options?: NewDatabaseOptions): Promise<string>;
  /** A connected client, ended after the test. */
  connect(url: string): Promise<pg.Client>;
  /** The server's log tail, for a failure message (only for a server of this file's own). */
  logTail(): string;
}

/** `npm run test:fast` leaves PostgreSQL to `npm test`: a throwaway server costs more than the fast set's budget. */
const inFastSet = () => process.env.CLINICDESK_FAST_TESTS !== undefined && process.env.CLINICDESK_FAST_TESTS !== '';

export function usePostgres(): TestPostgres {
  if (inFastSet() || !findPostgresBinaries()) {
    const reason = inFastSet() ? 'the fast set (npm test runs them)' : `no PostgreSQL: ${missingPostgresHint()}`;
    if (!inFastSet() && isCi()) throw new Error(`CI needs PostgreSQL for these tests (${reason})`);
    const unavailable = () => {
      throw new Error(reason);
    };
    return {
      available: false,
      title: (name) => `${name} [SKIPPED: ${reason}]`,
      adminUrl: unavailable,
      createDatabase: unavailable,
      connect: unavailable,
      logTail: () => '',
    };
  }

  let own: ThrowawayPostgres | null = null;
  let server: ProvidedPostgres | null = null;
  const databases: string[] = [];
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    server = (inject('clinicdeskPostgres') as ProvidedPostgres | null | undefined) ?? null;
    if (server) return;
    own = await startThrowawayPostgres();
    server = { url: own.url, caFile: own.caFile, superuser: own.superuser, password: own.password, port: own.port };
  }, 240_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => {})));
  });

  afterAll(async () => {
    if (own) {
      await own.stop();
      return;
    }
    if (server && databases.length > 0) {
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);

  const adminUrl = (): string => {
    if (!server) throw new Error('usePostgres(): the server is not started yet (use it inside a test or a beforeAll after this call)');
    return server.url;
  };
  const urlFor = (database: string): string => {
    const url = new URL(adminUrl());
    url.pathname = `/${encodeURIComponent(database)}`;
    return url.toString();
  };

  const connect = async (url: string): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: url });
    clients.push(client);
    await client.connect();
    return client;
  };

  return {
    available: true,
    title: (name) => name,
    adminUrl,
    createDatabase: async (options = {}) => {
      const name = `test_${randomBytes(6).toString('hex')}`;
      const admin = await connect(adminUrl());
      const locale = [`LC_COLLATE 'C.UTF-8'`, `LC_CTYPE ${pg.escapeLiteral(options.ctype ?? 'C.UTF-8')}`];
      if (options.icuLocale) locale.push(`LOCALE_PROVIDER icu ICU_LOCALE ${pg.escapeLiteral(options.icuLocale)}`);
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8' ${locale.join(' ')}`);
      databases.push(name);
      return urlFor(name);
    },
    connect,
    logTail: () => own?.logTail() ?? '',
  };
}
