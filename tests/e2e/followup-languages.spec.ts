// The follow-up reminder in the patient's own language: a Thai patient's message opens in Thai, an Arabic
// patient's in Arabic (right to left), each with the patient's name in the greeting and the step's question from
// resources/locales/<lang>/followups.json; the coordinator can switch to any other language the patient speaks.
import { readFileSync } from 'node:fs';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import type { LanguageTag } from '../../src/shared/domain/intake/vocabulary';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { expectNoCriticalViolations, saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test, type App } from './support/fixtures';
import { FollowUpsPage } from './support/followups-page';
import { callService } from './support/services';

const TODAY = todayIn(CLINIC_TIME_ZONE, new Date());

const words = (language: LanguageTag) =>
  JSON.parse(readFileSync(`resources/locales/${language}/followups.json`, 'utf8')) as {
    steps: Record<string, { ask: string }>;
    message: { greeting: string };
  };

async function patientWithPlan(app: App, names: PatientIntake['names'], languages: LanguageTag[], homeTimeZone: string): Promise<string> {
  const arrival = addDays(TODAY, -14);
  const departure = addDays(TODAY, -7);
  const patient: PatientIntake = {
    names,
    birthDate: '1991-02-03',
    sex: 'female',
    nationality: languages[0] === 'th' ? 'TH' : 'SA',
    languages,
    phone: '+66812345678',
    messengers: [{ kind: 'whatsapp', handle: '+66812345678' }],
    email: 'patient@example.com',
    homeTimeZone,
    homeCurrency: languages[0] === 'th' ? 'THB' : 'SAR',
    trip: { arrival, departure, stayAddress: 'Gangnam-gu, Seoul' },
    skin: { fitzpatrick: 3, concerns: ['melasma'] },
    screening: { ...CLEAN_SCREENING },
    consents: [],
  };
  const { id } = await callService(app, 'createPatient', { patient });
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 0,
    plan: { items: [{ treatment: 'pico-laser', date: addDays(arrival, 1) }], acknowledgements: [], discounts: {}, rate: null },
  });
  return id;
}

test('a Thai and an Arabic patient’s follow-up messages are written in their languages', async ({ page, app }, testInfo) => {
  const thai = await patientWithPlan(app, { native: 'สมใจ ใจดี', latin: 'Somjai Jaidee' }, ['th', 'en'], 'Asia/Bangkok');
  const arabic = await patientWithPlan(app, { native: 'نورة العتيبي', latin: 'Noura Alotaibi' }, ['ar'], 'Asia/Riyadh');
  const followUps = new FollowUpsPage(page, app);
  await page.goto(`${app.url}#/patients`);
  await new AppShell(page).setLanguage('en');
  await followUps.goto();

  await test.step('the Thai patient’s message opens in Thai, and switches to English', async () => {
    const item = followUps.item(thai);
    await item.locator('.followup__message summary').click();
    const message = item.locator('[data-message]');
    const th = words('th');
    await expect(message).toHaveAttribute('lang', 'th');
    await expect(message).toContainText(th.message.greeting.replace('{{name}}', 'Somjai Jaidee').split('{{clinic}}')[0]!);
    await expect(message).toContainText(th.steps['day-3']!.ask);
    const picker = item.locator('[data-message-language]');
    await expect(picker.locator('option')).toHaveCount(2);
    await picker.focus();
    await picker.selectOption('en');
    await expect(message).toHaveAttribute('lang', 'en');
    await expect(message).toContainText('Hello Somjai Jaidee');
    await picker.selectOption('th');
  });

  await test.step('the Arabic patient’s message is in Arabic, right to left', async () => {
    const item = followUps.item(arabic);
    await item.locator('.followup__message summary').click();
    const message = item.locator('[data-message]');
    const ar = words('ar');
    await expect(message).toHaveAttribute('lang', 'ar');
    await expect(message).toHaveAttribute('dir', 'rtl');
    await expect(message).toContainText(ar.message.greeting.replace('{{name}}', 'Noura Alotaibi').split('{{clinic}}')[0]!);
    await expect(message).toContainText(ar.steps['day-3']!.ask);
    await expect(item.locator('[data-message-language] option')).toHaveCount(1);
  });

  await saveScreenshot(page, 'followups-thai-arabic-messages');
  await expectNoCriticalViolations(page, testInfo, 'followups-thai-arabic-messages');
});
