// No plain health data on the clinic server's disk: a canary patient's screening answers and an intake draft with
// the same words are saved through the services on a throwaway PostgreSQL, then every file of the server's data
// folder (tables, indexes, WAL) and a pg_dump of the database are searched for the canary. A second canary in a
// column the server keeps readable (the stay address) must be found, so a clean search means something.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerServices } from '../../../src/main/services/open-server-services';
import { findPostgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../../support/postgres/throwaway-server';
import { usePostgres } from '../../support/postgres/use-postgres';
import { FIXED_NOW, fixtureIntake, valueOf } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const postgres = usePostgres();
const SEALED_CANARY = 'Qwxcanarysealed';
const READABLE_CANARY = 'Qwxcanaryreadable';

/** Regular files only (the folder also holds the server's socket). */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    const stat = statSync(path);
    return stat.isDirectory() ? filesUnder(path) : stat.isFile() ? [path] : [];
  });
}

const holding = (files: readonly string[], needle: string) => files.filter((file) => readFileSync(file).includes(Buffer.from(needle, 'utf8')));

describe.skipIf(!postgres.available)(postgres.title('sealing on the clinic server'), () => {
  let server: ThrowawayPostgres;
  let dataFolder: string;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
    dataFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-pc-'));
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataFolder, { recursive: true, force: true });
  });

  it('keeps screening answers and drafts out of the data folder and pg_dump, names and addresses readable', async () => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE clinic TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
    const url = server.urlFor('clinic');
    const services = await openServerServices({ url, dataFolder, key: TEST_KEY, now: () => FIXED_NOW });
    try {
      const intake = fixtureIntake('en');
      const patient = {
        ...intake,
        trip: { ...intake.trip, stayAddress: `${READABLE_CANARY} Hotel` },
        screening: { ...intake.screening, notes: `${SEALED_CANARY} notes`, medications: `${SEALED_CANARY}mycin` },
      };
      const created = valueOf(await services.dispatch('createPatient', { patient }));
      valueOf(await services.dispatch('saveDraft', { key: created.id, label: 'x', baseVersion: 1, form: { notes: `${SEALED_CANARY} typed` } }));
      // Read back through the services: sealed is not lost.
      expect(valueOf(await services.dispatch('getPatient', { id: created.id })).patient.screening.notes).toBe(`${SEALED_CANARY} notes`);
      expect(valueOf(await services.dispatch('getDraft', { key: created.id }))?.form).toEqual({ notes: `${SEALED_CANARY} typed` });
    } finally {
      await services.close();
    }
    // Everything on disk: the WAL flushed into the tables.
    await admin.query('CHECKPOINT');
    await admin.end();

    const files = filesUnder(server.folder);
    expect(holding(files, READABLE_CANARY).length).toBeGreaterThan(0);
    expect(holding(files, SEALED_CANARY)).toEqual([]);

    const dump = execFileSync(join(findPostgresBinaries()!.binDir, 'pg_dump'), ['--dbname', url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(dump).toContain(READABLE_CANARY);
    expect(dump).not.toContain(SEALED_CANARY);
  }, 60_000);
});
