// Before and after: a patient photographed on several visits gets a compare panel in the photos section showing
// one angle's photos of two visit dates side by side (by default the earliest and the latest), each labelled with
// its date; the angle and the dates are chosen with native selects from the keyboard; an angle photographed on
// fewer than two visits says so. Screenshots in Korean and English, and axe.
import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import type { PhotoAngle } from '../../src/shared/domain/intake/vocabulary';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { expectNoCriticalViolations, SCREENS_DIR } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test, type App } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { callService } from './support/services';
import { eitherLanguage, uiText, type UiLanguage } from './support/ui-text';

const PATIENT: PatientIntake = {
  names: { native: '王芳', latin: 'Wang Fang' },
  birthDate: '1979-08-21',
  sex: 'female',
  nationality: 'CN',
  languages: ['zh-Hans', 'en'],
  phone: '+8613800138000',
  messengers: [],
  email: null,
  homeTimeZone: 'Asia/Shanghai',
  homeCurrency: 'CNY',
  trip: { arrival: '2026-02-14', departure: '2026-02-20', stayAddress: '' },
  skin: { fitzpatrick: 3, concerns: ['melasma'] },
  screening: { ...CLEAN_SCREENING },
  consents: [],
};

const FIRST = '2026-02-15';
const SECOND = '2026-02-18';
const THIRD = '2026-05-20';

/** A plain JPEG of one colour, so the two sides of the comparison are told apart at a glance. */
async function photoBase64(background: string): Promise<string> {
  const buffer = await sharp({ create: { width: 400, height: 300, channels: 3, background } })
    .jpeg()
    .toBuffer();
  return buffer.toString('base64');
}

async function addPhoto(app: App, patientId: string, visitDate: string, angle: PhotoAngle, colour: string): Promise<string> {
  const stored = await callService(app, 'addPhoto', { patientId, visitDate, angle, dataBase64: await photoBase64(colour) });
  return stored.thumbnailDataUrl;
}

/** The window scrolled to the photos section (the compare panel is at the bottom of a long form). */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page
    .locator('#section-photos section.photo-compare')
    .evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png` });
}

class ComparePanel {
  readonly panel: Locator;
  readonly angle: Locator;
  readonly before: Locator;
  readonly after: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.panel = page.locator('#section-photos section.photo-compare');
    this.angle = this.panel.getByRole('combobox', { name: eitherLanguage('photos.compareAngle') });
    this.before = this.panel.getByRole('combobox', { name: eitherLanguage('photos.compareBefore') });
    this.after = this.panel.getByRole('combobox', { name: eitherLanguage('photos.compareAfter') });
    this.empty = this.panel.locator('[data-compare-empty]');
  }

  side(which: 'before' | 'after'): Locator {
    return this.panel.locator(`figure.photo-compare__photo[data-side="${which}"]`);
  }

  /** Both sides show the expected photos, labelled with their dates, the "before" one left of the "after" one. */
  async expectPair(language: UiLanguage, angle: PhotoAngle, before: [string, string], after: [string, string]): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-compare-angle', angle);
    const angleName = uiText(language, `photos.angles.${angle}`);
    for (const [which, [date, src]] of [
      ['before', before],
      ['after', after],
    ] as const) {
      const figure = this.side(which);
      await expect(figure).toHaveAttribute('data-visit-date', date);
      await expect(figure.locator('figcaption')).toContainText(date);
      const image = figure.getByRole('img', { name: uiText(language, 'photos.compareAlt', { angle: angleName, date }), exact: true });
      await expect(image).toHaveAttribute('src', src);
      await expect
        .poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
    }
    const left = (await this.side('before').boundingBox())!;
    const right = (await this.side('after').boundingBox())!;
    expect(left.x + left.width, 'the "before" photo is left of the "after" photo').toBeLessThanOrEqual(right.x);
    expect(Math.abs(left.y - right.y), 'the two photos are on one row').toBeLessThan(2);
  }
}

test('the photos of two visits are compared side by side, by angle and date', async ({ page, app }, testInfo) => {
  const { id } = await callService(app, 'createPatient', { patient: PATIENT });
  // Front: three visits (red, green, blue); 45°: two visits; 90°: one visit only.
  const front = {
    [FIRST]: await addPhoto(app, id, FIRST, 'front', '#c0392b'),
    [SECOND]: await addPhoto(app, id, SECOND, 'front', '#27ae60'),
    [THIRD]: await addPhoto(app, id, THIRD, 'front', '#2c6fbb'),
  };
  const oblique = {
    [FIRST]: await addPhoto(app, id, FIRST, 'oblique45', '#d68910'),
    [THIRD]: await addPhoto(app, id, THIRD, 'oblique45', '#8e44ad'),
  };
  await addPhoto(app, id, SECOND, 'profile90', '#7f8c8d');

  const intake = new IntakePage(page);
  const shell = new AppShell(page);
  const compare = new ComparePanel(page);
  await page.goto(`${app.url}#/patients/${id}`);
  await intake.waitUntilReady();
  await shell.setLanguage('en');

  await test.step('front by default, the earliest visit beside the latest', async () => {
    await expect(compare.panel.getByRole('heading', { name: uiText('en', 'photos.compareTitle') })).toBeVisible();
    await expect(compare.angle).toHaveValue('front');
    await expect(compare.before).toHaveValue(FIRST);
    await expect(compare.after).toHaveValue(THIRD);
    await expect(compare.before.locator('option')).toHaveText([FIRST, SECOND, THIRD]);
    await compare.expectPair('en', 'front', [FIRST, front[FIRST]!], [THIRD, front[THIRD]!]);
  });

  await test.step('another date is chosen with the keyboard', async () => {
    await compare.before.focus();
    await page.keyboard.press('ArrowDown');
    await expect(compare.before).toHaveValue(SECOND);
    await compare.expectPair('en', 'front', [SECOND, front[SECOND]!], [THIRD, front[THIRD]!]);
    await compare.after.selectOption(FIRST);
    await compare.expectPair('en', 'front', [SECOND, front[SECOND]!], [FIRST, front[FIRST]!]);
  });

  await test.step('another angle starts again from its own earliest and latest visits', async () => {
    await compare.angle.selectOption('oblique45');
    await expect(compare.before).toHaveValue(FIRST);
    await expect(compare.after).toHaveValue(THIRD);
    await expect(compare.before.locator('option')).toHaveText([FIRST, THIRD]);
    await compare.expectPair('en', 'oblique45', [FIRST, oblique[FIRST]!], [THIRD, oblique[THIRD]!]);
  });

  await test.step('an angle photographed on one visit only says so', async () => {
    await compare.angle.selectOption('profile90');
    await expect(compare.empty).toHaveText(uiText('en', 'photos.compareTooFew', { angle: uiText('en', 'photos.angles.profile90') }));
    await expect(compare.panel.locator('figure')).toHaveCount(0);
    await expect(compare.before).toHaveCount(0);
  });

  await test.step('screenshots in English and Korean; no critical accessibility violations', async () => {
    await compare.angle.selectOption('front');
    await compare.expectPair('en', 'front', [FIRST, front[FIRST]!], [THIRD, front[THIRD]!]);
    await screenshot(page, 'photo-compare-en');
    await expectNoCriticalViolations(page, testInfo, 'photo-compare-en');

    await shell.setLanguage('ko');
    await expect(compare.panel.getByRole('heading', { name: uiText('ko', 'photos.compareTitle') })).toBeVisible();
    await compare.expectPair('ko', 'front', [FIRST, front[FIRST]!], [THIRD, front[THIRD]!]);
    await screenshot(page, 'photo-compare-ko');
    await expectNoCriticalViolations(page, testInfo, 'photo-compare-ko');
  });
});

test('no compare panel while every angle has photos of one visit only', async ({ page, app }) => {
  const { id } = await callService(app, 'createPatient', { patient: PATIENT });
  await addPhoto(app, id, FIRST, 'front', '#c0392b');
  await addPhoto(app, id, FIRST, 'oblique45', '#d68910');
  const intake = new IntakePage(page);
  await page.goto(`${app.url}#/patients/${id}`);
  await intake.waitUntilReady();
  await expect(intake.photosOfVisit(FIRST)).toHaveCount(2);
  await expect(new ComparePanel(page).panel).toHaveCount(0);
});
