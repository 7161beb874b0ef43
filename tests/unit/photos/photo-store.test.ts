import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhotoAngle } from '../../../src/shared/domain/intake/vocabulary';
import { PhotoTamperedError } from '../../../src/main/photos/photo-cipher';
import { photoFilePath } from '../../../src/main/db/repositories/photo-files-repository';
import { originalName } from '../../../src/main/photos/photo-store';
import { openServices, PHOTO_FOLDER_NAME } from '../../../src/main/services/open-services';
import { fixtureIntake, openTempServices, valueOf, type TempServices } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

let services: TempServices;
let patientId: string;
beforeEach(async () => {
  services = openTempServices();
  patientId = valueOf(await services.dispatch('createPatient', { patient: fixtureIntake('mn') })).id;
});
afterEach(() => services.dispose());

/** A phone photo: GPS position, camera make, and rotated by an EXIF orientation tag. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 400, channels: 3, background: '#c8a080' } })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Camera X' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '127/1 2/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

type Opened = Pick<TempServices, 'context'>;
/** The stored image, unsealed, through the store (the photo folder on a single PC). */
const readOriginal = (sha256: string, opened: Opened = services) =>
  opened.context.store.read((tx) => opened.context.photoStore.readOriginal(tx, sha256, 'image/jpeg'));
const thumbnailDataUrl = (sha256: string) => services.context.store.read((tx) => services.context.photoStore.thumbnailDataUrl(tx, sha256));
/** The sealed file of an original in the photo folder. */
const originalPath = (sha256: string) => photoFilePath(join(services.folder, PHOTO_FOLDER_NAME), originalName(sha256, 'image/jpeg'));

const add = (bytes: Buffer, angle: PhotoAngle = 'front') =>
  services.dispatch('addPhoto', { patientId, visitDate: '2026-11-24', angle, dataBase64: bytes.toString('base64') });

describe('intake photos', () => {
  it('the input really carries GPS and camera data (so the next test means something)', async () => {
    const metadata = await sharp(await phonePhoto()).metadata();
    expect(metadata.exif?.toString('latin1')).toContain('PhoneMaker');
    // The GPSInfo pointer (tag 0x8825) in IFD0, in either byte order.
    const exif = metadata.exif!;
    expect(exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(metadata.orientation).toBe(6);
  });

  it('stores the photo without EXIF (GPS, camera), upright, under its content hash, with a thumbnail', async () => {
    const result = await add(await phonePhoto());
    const photo = valueOf(result);
    const stored = await readOriginal(photo.sha256);
    const metadata = await sharp(stored).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('PhoneMaker');
    // Orientation 6 (rotate 90°) was applied to the pixels: 600x400 became 400x600.
    expect([metadata.width, metadata.height]).toEqual([400, 600]);
    expect(photo.thumbnailDataUrl).toMatch(/^data:image\/jpeg;base64,/);
    const thumbnail = await sharp(Buffer.from(photo.thumbnailDataUrl.split(',')[1]!, 'base64')).metadata();
    expect(Math.max(thumbnail.width!, thumbnail.height!)).toBeLessThanOrEqual(320);
  });

  it('keeps one file for the same image added twice, and lists both references per angle', async () => {
    const bytes = await phonePhoto();
    await add(bytes, 'front');
    await add(bytes, 'oblique45');
    const files = readdirSync(join(services.folder, 'clinicdesk-photos', 'photos'), { recursive: true }).filter((f) =>
      String(f).endsWith('.jpg'),
    );
    expect(files).toHaveLength(1);
    const list = await services.dispatch('listPhotos', { patientId });
    expect(list.ok && list.value.map((p) => p.angle)).toEqual(['front', 'oblique45']);
  });

  it('refuses bytes that are not an image, and stores nothing', async () => {
    const before = services.snapshot();
    const result = await add(Buffer.from('this is not a photo at all'));
    expect(result.ok ? null : result.error.issues[0]?.code).toBe('unreadable_image');
    expect(services.snapshot()).toBe(before);
  });

  it('refuses a photo for a patient that does not exist', async () => {
    const result = await services.dispatch('addPhoto', {
      patientId: '00000000-0000-4000-8000-000000000000',
      visitDate: '2026-11-24',
      angle: 'front',
      dataBase64: (await phonePhoto()).toString('base64'),
    });
    expect(result.ok ? null : result.error.code).toBe('not_found');
  });

  it('exports photo references in the case file, and a fresh import of that file finds the photo', async () => {
    await add(await phonePhoto(), 'profile90');
    const exported = await services.dispatch('exportPatient', { id: patientId });
    // The contract leaves an exported case file unknown (it is written out as it is): matched, not read.
    expect(valueOf(exported).caseFile).toMatchObject({ patient: { photos: [{ angle: 'profile90' }] } });
  });

  it('keeps the photo and its thumbnail encrypted on disk: no image format, no pixels, no stored bytes', async () => {
    const { sha256 } = valueOf(await add(await phonePhoto()));
    const plain = await readOriginal(sha256);
    const onDisk = readFileSync(originalPath(sha256));
    expect(onDisk.subarray(0, 4).toString('latin1')).toBe('CDPH');
    expect(onDisk.includes(plain.subarray(0, 64))).toBe(false);
    await expect(sharp(onDisk).metadata()).rejects.toThrow();
    const thumbnail = readFileSync(join(services.folder, 'clinicdesk-photos', 'thumbnails', sha256.slice(0, 2), `${sha256}.jpg`));
    expect(thumbnail.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
  });

  it('detects a changed byte, a cut file and a file swapped for another photo, with a typed error', async () => {
    const first = valueOf(await add(await phonePhoto())).sha256;
    const other = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#102030' } })
      .jpeg()
      .toBuffer();
    const second = valueOf(await add(other, 'profile90')).sha256;
    const path = originalPath(first);
    const original = readFileSync(path);

    const flipped = Buffer.from(original);
    flipped[flipped.length >> 1]! ^= 1;
    writeFileSync(path, flipped);
    await expect(readOriginal(first)).rejects.toThrow(PhotoTamperedError);

    writeFileSync(path, original.subarray(0, original.length - 1));
    await expect(readOriginal(first)).rejects.toThrow(PhotoTamperedError);

    writeFileSync(path, readFileSync(originalPath(second)));
    await expect(readOriginal(first)).rejects.toThrow(PhotoTamperedError);

    writeFileSync(path, original);
    expect((await readOriginal(first)).length).toBeGreaterThan(0);
  });

  it('encrypts the plain photos of an older app once; a plain file planted after that is refused', async () => {
    const { sha256 } = valueOf(await add(await phonePhoto()));
    const plain = await readOriginal(sha256);
    const thumbnailPath = join(services.folder, 'clinicdesk-photos', 'thumbnails', sha256.slice(0, 2), `${sha256}.jpg`);
    const plainThumbnail = Buffer.from((await thumbnailDataUrl(sha256)).split(',')[1]!, 'base64');
    services.close();
    // What an app from before encryption left: plain files, no marker.
    writeFileSync(originalPath(sha256), plain);
    writeFileSync(thumbnailPath, plainThumbnail);
    rmSync(join(services.folder, 'clinicdesk-photos', 'encrypted-v1'));

    const reopened = openServices({ databasePath: join(services.folder, 'clinicdesk.sqlite'), key: TEST_KEY });
    try {
      expect((await readOriginal(sha256, reopened)).equals(plain)).toBe(true);
      expect(readFileSync(originalPath(sha256)).includes(plain.subarray(0, 64))).toBe(false);
      expect(readFileSync(thumbnailPath).includes(plainThumbnail.subarray(0, 64))).toBe(false);
    } finally {
      reopened.close();
    }
    writeFileSync(originalPath(sha256), plain);
    const again = openServices({ databasePath: join(services.folder, 'clinicdesk.sqlite'), key: TEST_KEY });
    try {
      await expect(readOriginal(sha256, again)).rejects.toThrow(PhotoTamperedError);
    } finally {
      again.close();
    }
  });
});
