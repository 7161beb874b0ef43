import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { cliRunner } from '../../support/cli-runner';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention, createBackup } from '../../../src/main/backup/create-backup';
import { runCli } from '../../../src/main/doors/cli';
import { readBackup, writeBackup } from '../../../src/main/backup/backup-file';
import { SCHEMA_VERSION } from '../../../src/main/db/open-database';
import { deriveKey, KEY_PURPOSES, newDatabaseKey } from '../../../src/main/security/database-key';
import type { StoredPhoto } from '../../../src/shared/contract/photos';
import type { PhotoAngle } from '../../../src/shared/domain/intake/vocabulary';
import { FIXTURES, fixtureIntake, openTempServices, type TempServices } from '../../support/temp-services';
import { TEST_KEY, writeTestKeyFile } from '../../support/test-key';

let services: TempServices;
let backups: string;
let keyFile: string;
beforeEach(() => {
  services = openTempServices();
  backups = mkdtempSync(join(tmpdir(), 'clinicdesk-backups-'));
  keyFile = writeTestKeyFile(backups);
});
afterEach(() => {
  services.dispose();
  rmSync(backups, { recursive: true, force: true });
});

const databasePath = () => join(services.folder, 'clinicdesk.sqlite');

const cli = cliRunner(() => ['--db', databasePath(), '--key-file', keyFile]);

async function addPhoto(patientId: string, shade: number, angle: PhotoAngle = 'front'): Promise<StoredPhoto> {
  const bytes = await sharp({ create: { width: 200, height: 150, channels: 3, background: { r: shade, g: 90, b: 200 - shade } } })
    .jpeg()
    .toBuffer();
  const result = await services.dispatch('addPhoto', { patientId, visitDate: '2026-11-24', angle, dataBase64: bytes.toString('base64') });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** Every photo row's image and thumbnail, decrypted, as hashes: equal means photo by photo equal. */
async function photosOf(open: TempServices | { context: TempServices['context'] }): Promise<string[]> {
  const { db, photoStore, store } = open.context;
  const rows = db.prepare<[], { sha256: string; media_type: 'image/jpeg' }>('SELECT sha256, media_type FROM photos ORDER BY id').all();
  return store.read(async (tx) => {
    const hashes: string[] = [];
    for (const { sha256, media_type } of rows) {
      const original = await photoStore.readOriginal(tx, sha256, media_type);
      const thumbnail = await photoStore.thumbnailDataUrl(tx, sha256);
      hashes.push(
        [sha256, createHash('sha256').update(original).digest('hex'), createHash('sha256').update(thumbnail).digest('hex')].join(' '),
      );
    }
    return hashes;
  });
}

/** Every file of the data folder and its bytes' hash: equal means nothing on disk changed. */
function folderState(folder: string): string {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => statSync(join(folder, name)).isFile() && !name.endsWith('-shm'))
    .sort()
    .map(
      (name) =>
        `${name} ${createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex')}`,
    )
    .join('\n');
}

async function seed(): Promise<string> {
  const imported = await cli(
    'patients',
    'import',
    ...['ko', 'ar', 'th', 'vi'].map((language) => join(FIXTURES, 'cases', `${language}.json`)),
  );
  expect(imported.code).toBe(0);
  const created = await services.dispatch('createPatient', { patient: fixtureIntake('ru') });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const patientId = created.value.id;
  await addPhoto(patientId, 10);
  await addPhoto(patientId, 120, 'profile90');
  return patientId;
}

describe('backups', () => {
  it('backup then restore gives the same data, row by row and photo by photo', async () => {
    const patientId = await seed();
    const rowsBefore = services.snapshot();
    const photosBefore = await photosOf(services);
    expect(photosBefore).toHaveLength(2);

    const made = await cli('backup', '--out', backups);
    expect(made.code).toBe(0);
    const [file] = readdirSync(backups).filter((name) => name.endsWith('.cdbackup'));
    expect(file).toBeDefined();
    // Encrypted: no SQLite header, no JPEG, no name from the fixtures.
    const bytes = readFileSync(join(backups, file!));
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Kim Seoyeon'))).toBe(false);
    // No photo's bytes: a 48-byte run of each stored image (the JPEG marker alone, 3 bytes, turns up in about one
    // megabyte of ciphertext in twenty by chance, which made this check fail at random).
    const stored = services.context.db.prepare<[], { sha256: string }>('SELECT sha256 FROM photos').all();
    expect(stored).toHaveLength(2);
    for (const { sha256 } of stored) {
      const image = await services.context.store.read((tx) => services.context.photoStore.readOriginal(tx, sha256, 'image/jpeg'));
      expect(bytes.includes(image.subarray(image.length >> 1, (image.length >> 1) + 48))).toBe(false);
    }

    // Changes after the backup: a patient, a photo, a new plan of settings.
    await services.dispatch('createPatient', { patient: fixtureIntake('ja') });
    await addPhoto(patientId, 200, 'oblique45');
    expect(services.snapshot()).not.toBe(rowsBefore);
    services.close();

    const restored = await cli('restore', join(backups, file!));
    expect(restored).toMatchObject({ code: 0, out: expect.stringContaining('Restored the backup') });
    const reopened = openTempServicesAt(services.folder);
    try {
      expect(reopened.snapshot()).toBe(rowsBefore);
      expect(await photosOf(reopened)).toEqual(photosBefore);
    } finally {
      reopened.close();
    }
    expect(readdirSync(services.folder).filter((name) => /restor/.test(name))).toEqual([]);
  });

  it('refuses a corrupt, cut or foreign backup and changes nothing', async () => {
    await seed();
    expect((await cli('backup', '--out', backups)).code).toBe(0);
    const [file] = readdirSync(backups).filter((name) => name.endsWith('.cdbackup'));
    const good = readFileSync(join(backups, file!));
    await services.dispatch('createPatient', { patient: fixtureIntake('ja') });
    services.close();
    const before = folderState(services.folder);

    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length * 0.6)]! ^= 0x40;
    const variants: Record<string, Buffer> = {
      flipped,
      cut: good.subarray(0, good.length - 100),
      empty: Buffer.alloc(0),
      'not a backup': Buffer.from('hello'),
    };
    for (const [what, bytes] of Object.entries(variants)) {
      const path = join(backups, `${what}.cdbackup`);
      writeFileSync(path, bytes);
      const result = await cli('restore', path);
      expect(result.code, what).toBe(2);
      expect(result.err, what).toMatch(/cannot be used.*Nothing was changed/s);
      expect(folderState(services.folder), what).toBe(before);
    }

    // Sealed with the right key but wrong inside: a damaged database, a file that would land outside the photos.
    const backupKey = deriveKey(TEST_KEY, KEY_PURPOSES.backups);
    const manifest = (photoFiles: number) => ({
      name: 'manifest.json',
      data: Buffer.from(JSON.stringify({ format: 'clinicdesk.backup/1', createdAt: 'x', schemaVersion: SCHEMA_VERSION, photoFiles })),
    });
    const sealed = (entries: { name: string; data: Buffer }[]) => {
      const parts: Buffer[] = [];
      writeBackup(backupKey, entries, (bytes) => parts.push(bytes));
      return Buffer.concat(parts);
    };
    const validDatabase = readBackup(backupKey, 'good', good)[1]!;
    const damagedDatabase = Buffer.from(validDatabase.data);
    damagedDatabase.fill(0x41, 5000, 9000);
    const inside: Record<string, Buffer> = {
      'damaged database': sealed([manifest(0), { name: 'database', data: damagedDatabase }]),
      'escaping photo': sealed([manifest(1), validDatabase, { name: '../../../escape.jpg', data: Buffer.from('x') }]),
    };
    for (const [what, bytes] of Object.entries(inside)) {
      const path = join(backups, `${what}.cdbackup`);
      writeFileSync(path, bytes);
      const result = await cli('restore', path);
      expect(result.code, what).toBe(2);
      expect(result.err, what).toMatch(/cannot be used.*Nothing was changed/s);
      expect(folderState(services.folder), what).toBe(before);
    }
    expect(existsSync(join(services.folder, '..', 'escape.jpg'))).toBe(false);

    // Another installation's key: the backup does not open.
    const otherKey = join(backups, 'other.key');
    writeFileSync(otherKey, newDatabaseKey().toString('hex'));
    const out: string[] = [];
    const code = await runCli(['--db', databasePath(), '--key-file', otherKey, 'restore', join(backups, file!)], {
      out: () => {},
      err: (t) => out.push(t),
    });
    expect(code).toBe(2);
    expect(folderState(services.folder)).toBe(before);
  });

  it('keeps the newest N backups older than the floor, and leaves other files alone', () => {
    writeFileSync(join(backups, 'notes.txt'), 'not a backup');
    const photoRoot = join(services.folder, 'clinicdesk-photos');
    for (const day of [1, 2, 3, 4]) {
      createBackup({
        db: services.context.db,
        photoRoot,
        key: TEST_KEY,
        outDir: backups,
        keep: 2,
        now: new Date(`2026-11-0${day}T10:00:00Z`),
      });
    }
    // All four are younger than the 7 days of the floor on the 4th.
    expect(readdirSync(backups).filter((name) => name.endsWith('.cdbackup'))).toHaveLength(4);
    const backupKey = deriveKey(TEST_KEY, KEY_PURPOSES.backups);
    expect(applyRetention(backups, 2, backupKey, new Date('2026-11-24T10:00:00Z'))).toEqual(
      [1, 2].map((day) => join(backups, `clinicdesk-2026110${day}T100000000Z.cdbackup`)),
    );
    expect(readdirSync(backups).sort()).toEqual([
      'clinicdesk-20261103T100000000Z.cdbackup',
      'clinicdesk-20261104T100000000Z.cdbackup',
      'notes.txt',
      'test.key',
    ]);
    expect(existsSync(join(backups, 'notes.txt'))).toBe(true);
  });
});

/** The restored folder, opened like the app opens it. */
function openTempServicesAt(folder: string) {
  return openTempServices(undefined, folder);
}
