// Photos on the clinic server: a photo one PC adds is seen, thumbnail and original, by another PC with its own data
// folder; the server holds it sealed (no run of the image's bytes in photo_files), nothing lands in either PC's
// folder, and erasing the only record that points at it removes its files from the server.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { originalName, thumbnailName } from '../../../src/main/photos/photo-store';
import { openServerServices } from '../../../src/main/services/open-server-services';
import { PHOTO_FOLDER_NAME } from '../../../src/main/services/open-services';
import { usePostgres } from '../../support/postgres/use-postgres';
import { FIXED_NOW, fixtureIntake, valueOf } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const postgres = usePostgres();
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const pcFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-pc-'));
  folders.push(folder);
  return folder;
};

describe.skipIf(!postgres.available)(postgres.title('photos on the clinic server'), () => {
  it('a photo added on one PC is seen on another, sealed on the server, and removed from it with its last record', async () => {
    const url = await postgres.createDatabase();
    const first = await openServerServices({ url, dataFolder: pcFolder(), key: TEST_KEY, now: () => FIXED_NOW });
    const secondFolder = pcFolder();
    const second = await openServerServices({ url, dataFolder: secondFolder, key: TEST_KEY, now: () => FIXED_NOW });
    try {
      const intake = fixtureIntake('ja');
      // Photos taken under the marketing consent only: an erasure removes them.
      intake.consents = [
        { kind: 'sensitive_data', grantedAt: '2026-11-20T10:00:00+09:00', withdrawnAt: null, textVersion: '2026-01', language: 'ja' },
        { kind: 'photos_marketing', grantedAt: '2026-11-20T10:00:00+09:00', withdrawnAt: null, textVersion: '2026-01' },
      ];
      const patient = valueOf(await first.dispatch('createPatient', { patient: intake }));
      const image = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#b07050' } })
        .jpeg()
        .toBuffer();
      const added = valueOf(
        await first.dispatch('addPhoto', {
          patientId: patient.id,
          visitDate: '2026-11-24',
          angle: 'front',
          dataBase64: image.toString('base64'),
        }),
      );

      const seen = valueOf(await second.dispatch('listPhotos', { patientId: patient.id }));
      expect(seen).toEqual([added]);
      expect(seen[0]!.thumbnailDataUrl).toMatch(/^data:image\/jpeg;base64,.{100}/);
      const original = await second.context.store.read((tx) => second.context.photoStore.readOriginal(tx, added.sha256, added.mediaType));
      expect((await sharp(original).metadata()).width).toBe(300);

      const client = await postgres.connect(url);
      const stored = await client.query<{ name: string; sealed: Buffer }>('SELECT name, sealed FROM photo_files ORDER BY name');
      expect(stored.rows.map((row) => row.name)).toEqual([originalName(added.sha256, 'image/jpeg'), thumbnailName(added.sha256)]);
      const middle = original.length >> 1;
      for (const { sealed } of stored.rows) {
        expect(sealed.subarray(0, 4).toString('latin1')).toBe('CDPH');
        expect(sealed.includes(original.subarray(middle, middle + 48))).toBe(false);
      }
      // The server holds the photo: no PC keeps a photo folder.
      expect(readdirSync(secondFolder)).not.toContain(PHOTO_FOLDER_NAME);

      valueOf(await second.dispatch('requestErasure', { patientId: patient.id, reason: '' }));
      expect((await client.query('SELECT count(*)::integer AS n FROM photo_files')).rows).toEqual([{ n: 0 }]);
      await expect(
        first.context.store.read((tx) => first.context.photoStore.readOriginal(tx, added.sha256, added.mediaType)),
      ).rejects.toThrow(/missing/);
    } finally {
      await first.close();
      await second.close();
    }
    expect(existsSync(join(secondFolder, PHOTO_FOLDER_NAME))).toBe(false);
  }, 120_000);

  it('keeps an image two records point at until the last of them is erased', async () => {
    const url = await postgres.createDatabase();
    const services = await openServerServices({ url, dataFolder: pcFolder(), key: TEST_KEY, now: () => FIXED_NOW });
    try {
      const intake = fixtureIntake('en');
      intake.consents = [{ kind: 'photos_marketing', grantedAt: '2026-11-20T10:00:00+09:00', withdrawnAt: null, textVersion: '2026-01' }];
      const image = (
        await sharp({ create: { width: 80, height: 60, channels: 3, background: '#204060' } })
          .jpeg()
          .toBuffer()
      ).toString('base64');
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const { id } = valueOf(await services.dispatch('createPatient', { patient: intake }));
        valueOf(await services.dispatch('addPhoto', { patientId: id, visitDate: '2026-11-24', angle: 'front', dataBase64: image }));
        ids.push(id);
      }
      const sha = valueOf(await services.dispatch('listPhotos', { patientId: ids[0]! }))[0]!.sha256;
      const kept = () => services.context.store.read((tx) => tx.photoFiles.has(originalName(sha, 'image/jpeg')));
      valueOf(await services.dispatch('requestErasure', { patientId: ids[0]!, reason: '' }));
      expect(await kept()).toBe(true);
      expect(valueOf(await services.dispatch('listPhotos', { patientId: ids[1]! }))[0]!.thumbnailDataUrl).not.toBe('');
      valueOf(await services.dispatch('requestErasure', { patientId: ids[1]!, reason: '' }));
      expect(await kept()).toBe(false);
    } finally {
      await services.close();
    }
  }, 120_000);
});
