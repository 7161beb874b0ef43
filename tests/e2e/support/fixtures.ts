// Each test gets its own data folder and its own preview server (the same services as the desktop app), so
// tests never see each other's patients. A test (or a file, with test.use) may set the clock with `now`: the
// services and the page then agree on "today" in Korea, whatever the real date, and the clock runs on from there.
// The page gets its session as a coordinator's browser does: through a printed one-time URL (the token becomes its
// cookie). That first session is the services' own, so what a test sets up through app.services is what the page
// sees; any further browser a test opens gets a session of its own. As in a clinic past its first run, there is a
// coordinator profile, signed in (`coordinator`; null for a first run with none).
// The `postgres` project (playwright.config.ts) runs the same tests over the clinic server's services: one throwaway
// PostgreSQL per worker, and for each test a fresh copy of a migrated template database.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runningClockFrom, type RunningClock } from '../../../src/main/doors/running-clock';
import { openServices, type OpenServices } from '../../../src/main/services/open-services';
import { openServerServices } from '../../../src/main/services/open-server-services';
import type { Db } from '../../../src/main/db/open-database';
import type { StoreBackend } from '../../../src/main/db/store/store';
import { copyTemplateDatabase, createTemplateDatabase } from '../../support/postgres/test-databases';
import { startThrowawayPostgres } from '../../support/postgres/throwaway-server';
import { postgresSql, sqliteSql, type TestSql } from '../../support/test-sql';
import { startPreviewServer, type PreviewServer } from '../../../src/main/doors/preview-server';
import { newCoordinatorSession, type CoordinatorSession } from '../../../src/main/services/sessions/coordinator-session';
import { TEST_KEY } from '../../support/test-key';

const staticRoot = fileURLToPath(new URL('../../../out/preview', import.meta.url));

export interface App {
  /** The address without a token: a page without a session cookie gets "open the printed URL" there. */
  readonly url: string;
  /** A new one-time URL, as the preview prints: the first browser to open it gets a session. */
  newTokenUrl(): string;
  readonly services: OpenServices<Db | null>;
  readonly backend: StoreBackend;
  /** The database straight, for what a test checks or breaks past the services (./test-sql.ts). */
  readonly sql: TestSql;
  /** The services' clock: the real one unless the test set `now`. */
  readonly clock: RunningClock;
  /** The profile signed in before the test (its id, name and PIN), or null when the test set `coordinator: null`. */
  readonly coordinator: (CoordinatorOption & { readonly id: string }) | null;
}

export interface CoordinatorOption {
  readonly name: string;
  readonly pin: string;
}

export interface ClockOption {
  /** An instant with its offset ("2027-03-10T18:00:00+09:00") for the services and the page; unset: the real time. */
  readonly now: string | undefined;
}

export const DEFAULT_COORDINATOR: CoordinatorOption = { name: 'Kim Seo-yeon', pin: '246813' };

export interface BackendOption {
  /** Which back end the services run on: the project's (playwright.config.ts). */
  readonly backend: StoreBackend;
}

interface WorkerFixtures extends BackendOption {
  /** The worker's throwaway PostgreSQL (its superuser's URL), with the migrated template; null on SQLite. */
  readonly postgresServer: string | null;
}

export const test = base.extend<{ app: App } & ClockOption & { coordinator: CoordinatorOption | null }, WorkerFixtures>({
  backend: ['sqlite', { option: true, scope: 'worker' }],
  postgresServer: [
    async ({ backend }, use) => {
      if (backend !== 'postgres') return use(null);
      const server = await startThrowawayPostgres();
      try {
        await createTemplateDatabase(server.url);
        await use(server.url);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  now: [undefined, { option: true }],
  coordinator: [DEFAULT_COORDINATOR, { option: true }],
  app: async ({ now, coordinator, backend, postgresServer }, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-e2e-'));
    const clock = runningClockFrom(now === undefined ? new Date() : new Date(now));
    // As the preview and the desktop app open them: with coordinator profiles, nothing is served before a sign-in.
    let services: OpenServices<Db | null>;
    let sql: TestSql;
    let dropDatabase = async () => {};
    let endSql = async () => {};
    if (postgresServer) {
      const database = await copyTemplateDatabase(postgresServer);
      dropDatabase = database.drop;
      services = await openServerServices({ url: database.url, dataFolder: folder, key: TEST_KEY, requireSignIn: true, now: clock.now });
      const connection = postgresSql(database.url);
      sql = connection;
      endSql = connection.end;
    } else {
      const onFile = openServices({ databasePath: join(folder, 'clinicdesk.sqlite'), key: TEST_KEY, requireSignIn: true, now: clock.now });
      services = onFile;
      sql = sqliteSql(onFile.context.db);
    }
    let profile: App['coordinator'] = null;
    if (coordinator) {
      // The first profile is signed in at once, in the services' own session: the page's, below.
      const added = await services.dispatch('addCoordinator', coordinator);
      if (!added.ok) throw new Error(`addCoordinator failed: ${added.error.message}`);
      profile = { ...coordinator, id: added.value.id };
    }
    let firstSession: CoordinatorSession | null = services.context.ownSession;
    const server: PreviewServer = await startPreviewServer({
      dispatchIn: services.dispatchIn,
      newSession: () => {
        const session = firstSession ?? newCoordinatorSession();
        firstSession = null;
        return session;
      },
      staticRoot,
    });
    await use({ url: server.url, newTokenUrl: () => server.newTokenUrl(), services, backend, sql, clock, coordinator: profile });
    await server.close();
    await services.close();
    await endSql();
    await dropDatabase();
    rmSync(folder, { recursive: true, force: true });
  },
  page: async ({ page, now, app }, use) => {
    // The renderer's own "today" (the week's first day, the plan's stay) from the same instant as the services'.
    if (now !== undefined) await page.clock.setSystemTime(new Date(now));
    await openSession(page, app);
    await use(page);
  },
});

/** Opens the printed URL's way in this page's browser context: the token is spent and the cookie set. */
export async function openSession(page: Page, app: App): Promise<void> {
  const opened = await page.request.get(app.newTokenUrl(), { maxRedirects: 0 });
  if (opened.status() !== 303) throw new Error(`The one-time URL was refused: ${opened.status()}`);
}

/** Moves the services' clock and the page's to `at`, as if the day had come; both run on from there. */
export async function setClock(app: App, page: Page, at: string): Promise<void> {
  app.clock.set(new Date(at));
  // The days jumped are not the coordinator's idle time: the page's session stays signed in across them.
  app.services.context.ownSession.lastCallAt = app.clock.now().getTime();
  await page.clock.setSystemTime(new Date(at));
}

export { expect };
