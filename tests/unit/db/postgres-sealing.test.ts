// No plain health data on the clinic server's disk: a canary patient's screening answers and an intake draft with
// the same words, and a photo, are saved through the services on a throwaway PostgreSQL, then every file of the
// server's data folder (tables, indexes, WAL) and a pg_dump of the database are searched for the canary and for
// 48-byte runs of the photo's and its thumbnail's bytes (raw on disk; raw or hex, as pg_dump writes bytea, in the
// dump). A second canary in a column the server keeps readable (the stay address), and a run of the sealed photo
// as the server holds it, must be found, so a clean search means something.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originalName } from '../../../src/main/photos/photo-store';
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

const holding = (files: readonly string[], needle: string | Buffer) =>
  files.filter((file) => readFileSync(file).includes(typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle));

/** 48 bytes from the middle: long enough never to turn up in ciphertext by chance (a 3-byte JPEG marker does). */
const runOf = (bytes: Buffer) => bytes.subarray(bytes.length >> 1, (bytes.length >> 1) + 48);

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

  it('keeps screening answers, drafts and photos out of the data folder and pg_dump, names and addresses readable', async () => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE clinic TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
    const url = server.urlFor('clinic');
    let photoRuns: Buffer[] = [];
    let sealedRun: Buffer = Buffer.alloc(0);
    const services = await openServerServices({ url, dataFolder, key: TEST_KEY, now: () => FIXED_NOW });
    try {
      const intake = fixtureIntake('en');
      const patient = {
        ...intake,
        trip: { ...intake.trip, stayAddress: `${READABLE_CANARY} Hotel` },
        screening: { ...intake.screening, notes: `${SEALED_CANARY} notes`, medications: `${SEALED_CANARY}mycin` },
      };
      const created = valueOf(await services.dispatch('createPatient', { patient }));
      valueOf(
        await services.dispatch('saveDraft', { key: created.id, label: 'x', baseVersion: 1, form: { notes: `${SEALED_CANARY} typed` } }),
      );
      // Read back through the services: sealed is not lost.
      expect(valueOf(await services.dispatch('getPatient', { id: created.id })).patient.screening.notes).toBe(`${SEALED_CANARY} notes`);
      expect(valueOf(await services.dispatch('getDraft', { key: created.id }))?.form).toEqual({ notes: `${SEALED_CANARY} typed` });
      // A photo of noise: its JPEG has no long repeated runs, so a run found would be this photo's.
      const noise = await sharp({
        create: { width: 400, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
      })
        .jpeg()
        .toBuffer();
      const photo = valueOf(
        await services.dispatch('addPhoto', {
          patientId: created.id,
          visitDate: '2026-11-24',
          angle: 'front',
          dataBase64: noise.toString('base64'),
        }),
      );
      photoRuns = await services.context.store.read(async (tx) => [
        runOf(await services.context.photoStore.readOriginal(tx, photo.sha256, photo.mediaType)),
        runOf(Buffer.from((await services.context.photoStore.thumbnailDataUrl(tx, photo.sha256)).split(',')[1]!, 'base64')),
      ]);
      sealedRun = runOf((await services.context.store.read((tx) => tx.photoFiles.get(originalName(photo.sha256, photo.mediaType))))!);
    } finally {
      await services.close();
    }
    // Everything on disk: the WAL flushed into the tables.
    await admin.query('CHECKPOINT');
    await admin.end();

    const files = filesUnder(server.folder);
    expect(holding(files, READABLE_CANARY).length).toBeGreaterThan(0);
    expect(holding(files, SEALED_CANARY)).toEqual([]);
    expect(photoRuns.map((run) => run.length)).toEqual([48, 48]);
    expect(holding(files, sealedRun).length).toBeGreaterThan(0);
    for (const run of photoRuns) expect(holding(files, run)).toEqual([]);

    const dump = execFileSync(join(findPostgresBinaries()!.binDir, 'pg_dump'), ['--dbname', url], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(dump).toContain(READABLE_CANARY);
    expect(dump).not.toContain(SEALED_CANARY);
    // pg_dump writes bytea as hex: the sealed photo is there, the plain one in neither form.
    expect(dump).toContain(sealedRun.toString('hex'));
    for (const run of photoRuns) {
      expect(dump).not.toContain(run.toString('hex'));
      expect(Buffer.from(dump, 'utf8').includes(run)).toBe(false);
    }
  }, 60_000);
});
