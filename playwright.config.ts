// e2e tests drive the real renderer, served by the preview server with the real services, in Debian's Chromium
// (no browser download: the executable is the system one). Each test file gets its own data folder and server.
import { defineConfig } from '@playwright/test';
import type { BackendOption } from './tests/e2e/support/fixtures';
import { findPostgresBinaries, isCi } from './tests/support/postgres/throwaway-server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The specs run a second time over the clinic server's services (the `postgres` project): every screen, and what
 * the server changes (two sessions, sign-in and idle lock, photos, the patient's rights, the audit history, the
 * support log). The rest exercise the same services through screens already covered. */
export const POSTGRES_E2E = [
  'intake-create-and-search',
  'intake-draft',
  'intake-photos',
  'plan',
  'plan-consent',
  'week',
  'followups',
  'patient-rights',
  'audit-history',
  'support-log',
  'idle-lock',
  'reports',
  'settings',
  'preview-session',
].map((name) => `**/${name}.spec.ts`);

// Without PostgreSQL on this machine the `postgres` project is left out (CI must have it: the fixture fails there).
const withPostgres = isCi() || findPostgresBinaries() !== null;

export default defineConfig<object, BackendOption>({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'sqlite', use: { backend: 'sqlite' } },
    ...(withPostgres ? [{ name: 'postgres', use: { backend: 'postgres' as const }, testMatch: POSTGRES_E2E }] : []),
  ],
});
