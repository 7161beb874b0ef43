// The week view: a patient's two sessions this week, one overlapping the other, show as cards in their day with a
// conflict badge; one is marked done with the doctor, device and settings (a reload and the stored plan agree),
// the other a no-show; PageDown and PageUp change the week; screenshots in both languages and axe.
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
// A day of this week the clinic is open (Monday to Saturday): today, or Saturday when today is Sunday.
const SESSION_DAY = isoWeekday(TODAY) === 7 ? addDays(TODAY, -1) : TODAY;

const patient: PatientIntake = {
  names: { native: '王小雨', latin: 'Wang Xiaoyu' },
  birthDate: '1990-04-12',
  sex: 'female',
  nationality: 'CN',
  languages: ['zh-Hans'],
  phone: '+8613800138000',
  messengers: [{ kind: 'wechat', handle: 'wangxy' }],
  email: 'patient@example.com',
  homeTimeZone: 'Asia/Shanghai',
  homeCurrency: 'CNY',
  trip: { arrival: addDays(SESSION_DAY, -2), departure: addDays(SESSION_DAY, 12), stayAddress: 'Gangnam-gu, Seoul' },
  skin: { fitzpatrick: 3, concerns: ['melasma'] },
  screening: { ...CLEAN_SCREENING },
  consents: [],
};

test('the week shows each session with its conflicts, and records done and no-show', async ({ page, app }, testInfo) => {
  const { id } = await callService(app, 'createPatient', { patient });
  // Pico laser lasts up to 60 minutes: a hydrafacial at 10:30 the same day overlaps it.
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 0,
    plan: {
      items: [
        { treatment: 'pico-laser', date: SESSION_DAY, time: '10:00' },
        { treatment: 'hydrafacial', date: SESSION_DAY, time: '10:30' },
      ],
      acknowledgements: [],
      discounts: {},
      rate: null,
    },
  });

  const shell = new AppShell(page);
  const cards = page.locator('[data-session-card]');
  const pico = page.locator(`[data-session-card="${id}:0"]`);
  const facial = page.locator(`[data-session-card="${id}:1"]`);
  const ready = (monday: string) => expect(page.locator(`[data-week-ready="${monday}"]`)).toBeVisible();
  await page.goto(`${app.url}#/patients`);
  await shell.setLanguage('en');

  await test.step('the top bar opens the week, Monday to Sunday, with both sessions and the conflict', async () => {
    await page
      .getByRole('navigation')
      .getByRole('link', { name: uiText('en', 'week.title') })
      .click();
    await expect(page).toHaveURL(/#\/week$/);
    await ready(MONDAY);
    await expect(page.locator('[data-week-day]')).toHaveCount(7);
    await expect(page.locator('[data-week-day]').first()).toHaveAttribute('data-week-day', MONDAY);
    await expect(cards).toHaveCount(2);
    const day = page.locator(`[data-week-day="${SESSION_DAY}"]`);
    await expect(day.locator('[data-session-card]')).toHaveCount(2);
    await expect(pico.locator('[data-session-time]')).toHaveText('10:00');
    await expect(pico.getByRole('link', { name: '王小雨 · Wang Xiaoyu' })).toHaveAttribute('href', `#/patients/${id}`);
    await expect(pico.locator('[data-session-treatment]')).toHaveText(/Pico/i);
    await expect(pico.locator('[data-status-badge]')).toHaveText(uiText('en', 'week.status.scheduled'));
    await expect(pico.locator('[data-conflict-badge]')).toHaveText(uiText('en', 'week.conflict'));
    await expect(facial.locator('[data-conflict-badge]')).toBeVisible();
  });

  await test.step('arrow keys move between sessions; PageDown and PageUp change the week', async () => {
    await pico.locator('[data-session-link]').focus();
    await page.keyboard.press('ArrowDown');
    await expect(facial.locator('[data-session-link]')).toBeFocused();
    await page.keyboard.press('PageDown');
    await ready(addDays(MONDAY, 7));
    await expect(cards).toHaveCount(0);
    await page.locator('[data-week-previous]').focus();
    await page.keyboard.press('PageUp');
    await ready(MONDAY);
    await expect(cards).toHaveCount(2);
  });

  await test.step('screenshots in English and Korean; no critical accessibility violations', async () => {
    await pico.locator('[data-mark="done"]').click();
    await saveScreenshot(page, 'week-en');
    await expectNoCriticalViolations(page, testInfo, 'week-en');
    await shell.setLanguage('ko');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiText('ko', 'week.title'));
    await expect(pico.locator('[data-status-badge]')).toHaveText(uiText('ko', 'week.status.scheduled'));
    await saveScreenshot(page, 'week-ko');
    await expectNoCriticalViolations(page, testInfo, 'week-ko');
    await shell.setLanguage('en');
  });

  await test.step('done needs the doctor, then keeps the record; a reload and the stored plan agree', async () => {
    const form = pico.getByRole('form');
    await form.getByRole('button', { name: uiText('en', 'week.save') }).click();
    await expect(form.locator('[data-error-for="doctor"]')).toHaveText(uiText('en', 'week.doctorRequired'));
    await form.getByLabel(uiText('en', 'week.doctor')).fill('Dr. Kim Soo-jin');
    await form.getByLabel(uiText('en', 'week.device')).fill('PicoSure');
    await form.getByLabel(uiText('en', 'week.fluence')).fill('2.8 J/cm²');
    await form.getByLabel(uiText('en', 'week.spotSize')).fill('6 mm');
    await form.getByRole('button', { name: uiText('en', 'week.save') }).click();
    await expect(pico.locator('[data-status-badge]')).toHaveText(uiText('en', 'week.status.done'));
    await expect(pico.locator('[data-session-record]')).toHaveText(/Dr\. Kim Soo-jin · PicoSure/);
    await page.reload();
    await ready(MONDAY);
    await expect(pico.locator('[data-status-badge]')).toHaveText(uiText('en', 'week.status.done'));
    const stored = await callService(app, 'getPatientPlan', { patientId: id });
    expect(stored.plan.items[0]).toMatchObject({
      status: 'done',
      record: { doctor: 'Dr. Kim Soo-jin', device: 'PicoSure', settings: { fluence: '2.8 J/cm²', 'spot size': '6 mm' } },
    });
  });

  await test.step('the other session is a no-show', async () => {
    await facial.locator('[data-mark="no_show"]').click();
    await expect(facial.locator('[data-status-badge]')).toHaveText(uiText('en', 'week.status.no_show'));
    // A missed session takes no time, so nothing conflicts any more.
    await expect(page.locator('[data-conflict-badge]')).toHaveCount(0);
    const stored = await callService(app, 'getPatientPlan', { patientId: id });
    expect(stored.plan.items[1]).toMatchObject({ status: 'no_show' });
    expect(stored.plan.items[1]).not.toHaveProperty('record');
  });
});
