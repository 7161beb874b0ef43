// Fresh PostgreSQL databases for the suites that run on both back ends (tests/support/test-services.ts), fast:
// the run's global setup migrates one template database, and each test copies it (CREATE DATABASE ... TEMPLATE)
// instead of running every migration again. A copy is dropped when its services are disposed.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { migratePostgres } from '../../../src/main/db/postgres/migrate';

/** The migrated database every test's database is copied from. Nobody stays connected to it: a template with a
 * connection cannot be copied. */
export const TEMPLATE_DATABASE = 'clinicdesk_template';

/** The server's URL with another database in its path (credentials, TLS parameters kept). */
export function urlOfDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Creates and migrates the template on the server at `serverUrl` (its `postgres` database's URL). */
export async function createTemplateDatabase(serverUrl: string): Promise<void> {
  await withAdmin(serverUrl, async (admin) => {
    // LC_CTYPE C.UTF-8: the trigram index must see every script (migrate.ts refuses C).
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  });
  const client = new pg.Client({ connectionString: urlOfDatabase(serverUrl, TEMPLATE_DATABASE) });
  await client.connect();
  try {
    await migratePostgres(client);
  } finally {
    await client.end();
  }
}

/** A new database, a copy of the template; returns its URL. */
export async function copyTemplateDatabase(serverUrl: string): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE} STRATEGY FILE_COPY`));
  return {
    url: urlOfDatabase(serverUrl, name),
    // FORCE: a connection a failed test left open must not keep the database (and the disk) for the whole run.
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
