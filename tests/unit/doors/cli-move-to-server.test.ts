// `migrate-to-postgres`: a single PC's file moved into an empty clinic server keeps its patients, plans, quote
// versions, follow-ups, audit chain and photos as they were (the same answers through the services on both, each
// photo byte for byte), and a server that already holds a clinic's data is refused with nothing written, as is a
// photo folder with a file that fails its authentication.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { photoFilePath } from '../../../src/main/db/repositories/photo-files-repository';
import { originalName } from '../../../src/main/photos/photo-store';
import { openServerServices } from '../../../src/main/services/open-server-services';
import { PHOTO_FOLDER_NAME } from '../../../src/main/services/open-services';
import { usePostgres } from '../../support/postgres/use-postgres';
import { FIXED_NOW, fixtureIntake, openTempServices, valueOf } from '../../support/temp-services';
import { TEST_KEY, writeTestKeyFile } from '../../support/test-key';

const postgres = usePostgres();
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const photoOf = async (shade: number) =>
  (
    await sharp({ create: { width: 120, height: 90, channels: 3, background: { r: shade, g: 80, b: 160 } } })
      .jpeg()
      .toBuffer()
  ).toString('base64');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.skipIf(!postgres.available)(postgres.title('moving a clinic to a server'), () => {
  it('copies every row with its ids and the audit chain, answers the same through the services, and refuses a second copy', async () => {
    const file = openTempServices();
    folders.push(file.folder);
    const seeded = await file.dispatch('seedDemoPatients', {});
    expect(seeded.ok).toBe(true);
    const list = { value: valueOf(await file.dispatch('searchPatients', { query: '', tripStatus: 'all', limit: 100 })) };
    const first = list.value.rows[0]!;
    const plan = {
      items: [
        { treatment: 'hydrafacial' as const, date: null },
        { treatment: 'pico-laser' as const, date: null },
      ],
      acknowledgements: [],
      discounts: {},
      rate: null,
    };
    expect((await file.dispatch('savePatientPlan', { patientId: first.id, expectedVersion: 0, plan })).ok).toBe(true);
    const record = { value: valueOf(await file.dispatch('getPatient', { id: first.id })) };
    // Two images, one of them on two records (the folder keeps it once).
    const second = list.value.rows[1]!;
    for (const [patientId, shade] of [
      [first.id, 10],
      [first.id, 200],
      [second.id, 10],
    ] as const) {
      valueOf(
        await file.dispatch('addPhoto', {
          patientId,
          visitDate: '2026-11-24',
          angle: shade === 200 ? 'profile90' : 'front',
          dataBase64: await photoOf(shade),
        }),
      );
    }
    const photosInFile = valueOf(await file.dispatch('listPhotos', { patientId: first.id }));
    const originalsInFile = await file.context.store.read(async (tx) =>
      Promise.all(photosInFile.map((photo) => file.context.photoStore.readOriginal(tx, photo.sha256, photo.mediaType))),
    );
    await file.close();

    const url = await postgres.createDatabase();
    const keyFile = writeTestKeyFile(file.folder);
    const moved = await cli('migrate-to-postgres', '--key-file', keyFile, '--from', join(file.folder, 'clinicdesk.sqlite'), '--to', url);
    expect(moved.err.split('\n').filter((line) => !/^\w+: \d+ rows$/.test(line))).toEqual([]);
    expect(moved.code).toBe(0);
    expect(moved.out).toMatch(/every table's count matches/);
    expect(moved.out).toMatch(/Audit chain verified on the server: \d+ entries/);
    expect(moved.out).toMatch(/Moved 4 photo files into the server; each, unsealed there, equals the folder's/);

    const dataFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-pc-'));
    folders.push(dataFolder);
    const server = await openServerServices({ url, dataFolder, key: TEST_KEY, now: () => FIXED_NOW });
    try {
      const onServer = { value: valueOf(await server.dispatch('searchPatients', { query: '', tripStatus: 'all', limit: 100 })) };
      expect(onServer.value.rows).toEqual(list.value.rows);
      const again = { value: valueOf(await server.dispatch('getPatient', { id: first.id })) };
      expect(again.value.patient).toEqual(record.value.patient);
      expect(again.value.version).toBe(record.value.version);
      // Every PC sees the photos, thumbnails and originals byte for byte, from the server (this PC has no folder).
      const photosOnServer = valueOf(await server.dispatch('listPhotos', { patientId: first.id }));
      expect(photosOnServer).toEqual(photosInFile);
      expect(photosOnServer.every((photo) => photo.thumbnailDataUrl.startsWith('data:image/jpeg;base64,'))).toBe(true);
      const originalsOnServer = await server.context.store.read(async (tx) =>
        Promise.all(photosOnServer.map((photo) => server.context.photoStore.readOriginal(tx, photo.sha256, photo.mediaType))),
      );
      expect(originalsOnServer.map((bytes, index) => bytes.equals(originalsInFile[index]!))).toEqual([true, true]);
      expect(valueOf(await server.dispatch('listPhotos', { patientId: second.id }))).toHaveLength(1);
      const planOnServer = await server.dispatch('getPatientPlan', { patientId: first.id });
      expect(planOnServer).toMatchObject({
        ok: true,
        value: { version: 1, plan: { items: [{ treatment: 'hydrafacial' }, { treatment: 'pico-laser' }] } },
      });
      // New rows are numbered past the copied ones: a new patient saves.
      const { id: _id, ...withoutId } = record.value.patient;
      const created = await server.dispatch('createPatient', { patient: withoutId });
      expect(created.ok).toBe(true);
    } finally {
      await server.close();
    }

    const refused = await cli('migrate-to-postgres', '--key-file', keyFile, '--from', join(file.folder, 'clinicdesk.sqlite'), '--to', url);
    expect(refused).toMatchObject({ code: 2, out: '' });
    expect(refused.err).toMatch(/^The server's database is not empty \(\d+ row\(s\) in patients\)/);
  }, 120_000);

  it('refuses a photo folder with a file that fails its authentication, keeping nothing on the server', async () => {
    const file = openTempServices();
    folders.push(file.folder);
    const { id } = valueOf(await file.dispatch('createPatient', { patient: fixtureIntake('ko') }));
    const photo = valueOf(
      await file.dispatch('addPhoto', { patientId: id, visitDate: '2026-11-24', angle: 'front', dataBase64: await photoOf(90) }),
    );
    await file.close();
    const path = photoFilePath(join(file.folder, PHOTO_FOLDER_NAME), originalName(photo.sha256, photo.mediaType));
    const changed = readFileSync(path);
    changed[changed.length >> 1]! ^= 1;
    writeFileSync(path, changed);

    const url = await postgres.createDatabase();
    const moved = await cli(
      'migrate-to-postgres',
      '--key-file',
      writeTestKeyFile(file.folder),
      '--from',
      join(file.folder, 'clinicdesk.sqlite'),
      '--to',
      url,
    );
    expect(moved.code).toBe(1);
    expect(moved.err).toMatch(/nothing was kept on the server: the photo file photos\/[0-9a-f]{64}\.jpg fails its authentication/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const counts = await client.query(
        'SELECT (SELECT count(*) FROM patients)::integer AS patients, (SELECT count(*) FROM photo_files)::integer AS files',
      );
      expect(counts.rows).toEqual([{ patients: 0, files: 0 }]);
    } finally {
      await client.end();
    }
  }, 120_000);
});
