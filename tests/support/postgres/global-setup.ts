// One throwaway PostgreSQL server for a whole vitest run, for when several test files need one: add this file to
// `test.globalSetup` (vitest.config.ts, or a config of its own) and usePostgres() (./use-postgres.ts) takes the
// server from here instead of starting its own per file. Without it, each file that calls usePostgres() starts
// its own server, which is what a targeted run of one file wants. It also migrates the template database that the
// suites run on both back ends copy for each test (./test-databases.ts).
import type { TestProject } from 'vitest/node';
import { createTemplateDatabase } from './test-databases';
import { findPostgresBinaries, isCi, missingPostgresHint, startThrowawayPostgres } from './throwaway-server';

/** What the global setup hands to the test files (plain data: it crosses into the workers). */
export interface ProvidedPostgres {
  readonly url: string;
  readonly caFile: string;
  readonly superuser: string;
  readonly password: string;
  readonly port: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Null when this machine has no PostgreSQL (and this is not CI, where that fails the run instead). */
    clinicdeskPostgres: ProvidedPostgres | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!findPostgresBinaries()) {
    if (isCi()) throw new Error(`CI needs PostgreSQL for the PostgreSQL tests: ${missingPostgresHint()}`);
    project.provide('clinicdeskPostgres', null);
    return undefined;
  }
  const server = await startThrowawayPostgres();
  try {
    await createTemplateDatabase(server.url);
  } catch (error) {
    await server.stop();
    throw new Error(`Migrating the test template database failed: ${(error as Error).message}\n${server.logTail()}`, { cause: error });
  }
  project.provide('clinicdeskPostgres', {
    url: server.url,
    caFile: server.caFile,
    superuser: server.superuser,
    password: server.password,
    port: server.port,
  });
  return () => server.stop();
}
