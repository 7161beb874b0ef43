// The three intake photos of a visit (front, 45°, 90°) are added with the file pickers of a saved patient and
// appear as thumbnails under the visit's date; the stored files have lost their camera data.
import sharp from 'sharp';
import { expect, test } from './support/fixtures';
import { IntakePage, type PatientInput } from './support/intake-page';
import { PatientListPage } from './support/patient-list-page';
import { callService } from './support/services';
import { PHOTO_ANGLES } from '../../src/shared/domain/intake/vocabulary';

const PATIENT: PatientInput = {
  nativeName: '王芳',
  latinName: 'Wang Fang',
  birthDate: '1979-08-21',
  sex: 'female',
  nationality: 'CN',
  languages: ['zh-Hans', 'en'],
  phone: '+86 138 0013 8000',
  homeTimeZone: 'Asia/Shanghai',
  homeCurrency: 'CNY',
  arrival: '2026-02-14',
  departure: '2026-02-20',
};

const BACKGROUNDS = ['#c8a080', '#b89070', '#a88060'] as const;

/** A small JPEG with camera data in it, as a phone would take; each angle a different colour. */
function photo(background: string): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 3, background } })
    .withExif({ IFD0: { Make: 'TestCam' } })
    .jpeg()
    .toBuffer();
}

test('three photos of a visit appear as thumbnails under the visit date', async ({ page, app }) => {
  const list = new PatientListPage(page, app);
  const intake = new IntakePage(page);
  await list.goto();
  await list.newPatient();
  await intake.waitUntilReady();

  // Before the first save there is nowhere to attach photos.
  await expect(intake.photoInput('front')).toHaveCount(0);
  await intake.fill(PATIENT);
  await intake.pressSave();
  const patientId = await intake.expectSavedAsNewPatient();

  const visitDate = '2026-02-15';
  await intake.form.locator('input[name="photoVisitDate"]').fill(visitDate);
  await expect(intake.photosOfVisit(visitDate)).toHaveCount(0);

  for (const [index, angle] of PHOTO_ANGLES.entries()) {
    const buffer = await photo(BACKGROUNDS[index]!);
    expect((await sharp(buffer).metadata()).exif, 'the test photo carries EXIF').toBeDefined();
    await intake.photoInput(angle).setInputFiles({ name: `${angle}.jpg`, mimeType: 'image/jpeg', buffer });
    await expect(intake.photosOfVisit(visitDate)).toHaveCount(index + 1);
  }

  const thumbnails = intake.photosOfVisit(visitDate);
  await expect(thumbnails).toHaveCount(3);
  for (const angle of PHOTO_ANGLES) {
    const figure = thumbnails.and(page.locator(`[data-angle="${angle}"]`));
    await expect(figure).toHaveCount(1);
    const image = figure.locator('img');
    await expect(image).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    await expect(image).toHaveAttribute('alt', new RegExp(`${visitDate}$`));
    // The thumbnail decoded into a real picture, not a broken image icon.
    await expect.poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  }
  await expect(intake.form.locator('.field__error')).toHaveCount(0);

  const stored = await callService(app, 'listPhotos', { patientId });
  expect(stored.map((item) => item.angle).sort()).toEqual([...PHOTO_ANGLES].sort());
  expect(new Set(stored.map((item) => item.visitDate))).toEqual(new Set([visitDate]));
  for (const item of stored) {
    const thumbnail = Buffer.from(item.thumbnailDataUrl.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
    expect((await sharp(thumbnail).metadata()).exif, `thumbnail of ${item.angle} has no EXIF`).toBeUndefined();
  }

  // The photos belong to the patient, not to the page: a reload shows them again.
  await page.reload();
  await intake.waitUntilReady();
  await expect(intake.photosOfVisit(visitDate)).toHaveCount(3);
});
