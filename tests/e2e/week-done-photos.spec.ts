// Marking a session done with photos per angle: the done form offers the patient's stored photos of each angle
// (front, 45°, 90°), shows the chosen one's thumbnail, and the done record keeps the photo references and shows
// them on the card after a reload. Screenshot and axe.
import sharp from 'sharp';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import { isoWeekday } from '../../src/shared/domain/schedule/clinic-hours';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { expectNoCriticalViolations, saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test } from './support/fixtures';
import { callService } from './support/services';
import { uiText } from './support/ui-text';

// A fixed clock, the evening of a Wednesday in Korea: the sessions of the morning have taken place, so they can be
// marked done (never before their time), whatever the real date and hour the test runs at.
const NOW = '2027-03-10T18:00:00+09:00';
test.use({ now: NOW });
const TODAY = todayIn(CLINIC_TIME_ZONE, new Date(NOW));
const MONDAY = addDays(TODAY, 1 - isoWeekday(TODAY));
const SESSION_DAY = isoWeekday(TODAY) === 7 ? addDays(TODAY, -1) : TODAY;

const patient: PatientIntake = {
  names: { native: 'Анна Петрова', latin: 'Anna Petrova' },
  birthDate: '1987-09-14',
  sex: 'female',
  nationality: 'RU',
  languages: ['ru', 'en'],
  phone: '+79161234567',
  messengers: [{ kind: 'telegram', handle: '@anna_petrova' }],
  email: 'patient@example.com',
  homeTimeZone: 'Europe/Moscow',
  homeCurrency: 'RUB',
  trip: { arrival: addDays(SESSION_DAY, -2), departure: addDays(SESSION_DAY, 12), stayAddress: 'Gangnam-gu, Seoul' },
  skin: { fitzpatrick: 2, concerns: ['melasma'] },
  screening: { ...CLEAN_SCREENING },
  consents: [],
};

const image = async (background: string) =>
  (
    await sharp({ create: { width: 480, height: 360, channels: 3, background } })
      .jpeg()
      .toBuffer()
  ).toString('base64');

test('a session is marked done with a front and a 90° photo from the patient’s photos', async ({ page, app }, testInfo) => {
  const { id } = await callService(app, 'createPatient', { patient });
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 0,
    plan: { items: [{ treatment: 'pico-laser', date: SESSION_DAY, time: '11:00' }], acknowledgements: [], discounts: {}, rate: null },
  });
  const front = await callService(app, 'addPhoto', {
    patientId: id,
    visitDate: SESSION_DAY,
    angle: 'front',
    dataBase64: await image('#d0a080'),
  });
  const side = await callService(app, 'addPhoto', {
    patientId: id,
    visitDate: SESSION_DAY,
    angle: 'profile90',
    dataBase64: await image('#805030'),
  });
  const card = page.locator(`[data-session-card="${id}:0"]`);
  await page.goto(`${app.url}#/patients`);
  await new AppShell(page).setLanguage('en');
  await page.goto(`${app.url}#/week`);
  await expect(page.locator(`[data-week-ready="${MONDAY}"]`)).toBeVisible();

  await test.step('the done form offers each angle’s photos; the chosen one shows its thumbnail', async () => {
    await card.locator('[data-mark="done"]').click();
    const form = card.getByRole('form');
    await expect(form.getByLabel(uiText('en', 'week.doctor'))).toBeFocused();
    await page.keyboard.type('Dr. Lee Ji-eun');
    const frontPick = form.getByLabel(uiText('en', 'photos.angles.front'), { exact: true });
    await expect(frontPick.locator('option')).toHaveCount(2);
    // 45°: no photo of that angle, so only "No photo".
    await expect(form.getByLabel(uiText('en', 'photos.angles.oblique45'), { exact: true }).locator('option')).toHaveCount(1);
    await frontPick.selectOption(front.id);
    await form.getByLabel(uiText('en', 'photos.angles.profile90'), { exact: true }).selectOption(side.id);
    await expect(form.locator('img.week-session__thumb')).toHaveCount(2);
    await saveScreenshot(page, 'week-done-photos-form');
    await expectNoCriticalViolations(page, testInfo, 'week-done-photos-form');
    await form.getByRole('button', { name: uiText('en', 'week.save') }).click();
    await expect(card.locator('[data-status-badge]')).toHaveText(uiText('en', 'week.status.done'));
  });

  await test.step('the done record keeps the photo references and shows them after a reload', async () => {
    const stored = await callService(app, 'getPatientPlan', { patientId: id });
    expect(stored.plan.items[0]).toMatchObject({
      status: 'done',
      record: { doctor: 'Dr. Lee Ji-eun', photos: { front: front.id, profile90: side.id } },
    });
    await page.reload();
    await expect(page.locator(`[data-week-ready="${MONDAY}"]`)).toBeVisible();
    await expect(card.locator('[data-record-photo]')).toHaveCount(2);
    await expect(card.locator('[data-record-photo="front"] img')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    await expect(card.locator('[data-record-photo="profile90"]')).toContainText(uiText('en', 'photos.angles.profile90'));
    await saveScreenshot(page, 'week-done-photos-record');
  });
});
