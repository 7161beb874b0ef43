// The patient's calendar from the plan screen: "Download calendar (.ics)" in the follow-ups section saves an
// iCalendar file (a Blob link, nothing leaves the computer) with the saved plan's session in UTC and its follow-ups;
// before the plan is saved the button waits for it. Screenshot and axe.
import { readFileSync } from 'node:fs';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import { isoWeekday } from '../../src/shared/domain/schedule/clinic-hours';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { expectNoCriticalViolations, saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test } from './support/fixtures';
import { PlanPage } from './support/plan-page';
import { callService } from './support/services';
import { uiText } from './support/ui-text';

const TODAY = todayIn(CLINIC_TIME_ZONE, new Date());
// A Tuesday two to eight days ahead: the clinic is open, and it is inside the stay below.
const SESSION_DAY = addDays(TODAY, ((2 - isoWeekday(TODAY) + 7) % 7) + 7);

const patient: PatientIntake = {
  names: { native: 'Батбаяр Сарнай', latin: 'Batbayar Sarnai' },
  birthDate: '1993-05-20',
  sex: 'female',
  nationality: 'MN',
  languages: ['mn', 'en'],
  phone: '+97688123456',
  messengers: [{ kind: 'telegram', handle: '@sarnai_b' }],
  email: 'patient@example.com',
  homeTimeZone: 'Asia/Ulaanbaatar',
  homeCurrency: 'MNT',
  trip: { arrival: addDays(SESSION_DAY, -2), departure: addDays(SESSION_DAY, 6), stayAddress: 'Gangnam-gu, Seoul' },
  skin: { fitzpatrick: 3, concerns: ['melasma'] },
  screening: { ...CLEAN_SCREENING },
  consents: [],
};

test('the plan screen downloads the patient’s calendar as an .ics file', async ({ page, app }, testInfo) => {
  const { id } = await callService(app, 'createPatient', { patient });
  const plan = new PlanPage(page, app);
  const button = page.locator('[data-download-calendar]');
  await page.goto(`${app.url}#/patients`);
  await new AppShell(page).setLanguage('en');

  await test.step('with no saved plan the button waits for a save', async () => {
    await plan.goto(id);
    await expect(button).toHaveText(uiText('en', 'followups.plan.downloadCalendar'));
    await expect(button).toBeDisabled();
  });

  await test.step('after a save the download is an iCalendar file with the session in UTC', async () => {
    await callService(app, 'savePatientPlan', {
      patientId: id,
      expectedVersion: 0,
      plan: { items: [{ treatment: 'pico-laser', date: SESSION_DAY, time: '14:00' }], acknowledgements: [], discounts: {}, rate: null },
    });
    await page.reload();
    await plan.waitUntilReady();
    await expect(button).toBeEnabled();
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    // 14:00 in Seoul (UTC+9) is 05:00 UTC.
    expect(text).toContain(`DTSTART:${SESSION_DAY.replaceAll('-', '')}T050000Z`);
    expect(text).toMatch(/END:VCALENDAR\s*$/);
    await expect(button).toHaveText(uiText('en', 'followups.plan.downloadCalendar'));
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'plan-calendar-download');
    await expectNoCriticalViolations(page, testInfo, 'plan-calendar-download');
  });
});
