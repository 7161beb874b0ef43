// Today, the first screen after sign-in, as a coordinator opens it in the morning: who lands and who flies home,
// today's sessions by time, what blocks one (a block no doctor acknowledged, a treatment without a price), the
// follow-ups due; each item one Enter away from where it is resolved, with the keyboard alone.
import { mkdirSync } from 'node:fs';
import { fixtureIntake } from '../support/temp-services';
import { expectNoCriticalViolations, SCREENS_DIR } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test, type App } from './support/fixtures';
import { callService } from './support/services';
import { uiText } from './support/ui-text';

// 10:00 in Seoul on a Tuesday.
test.use({ now: '2026-11-24T10:00:00+09:00' });

async function patient(app: App, latin: string, native: string, arrival: string, departure: string, nationality = 'CN'): Promise<string> {
  const base = fixtureIntake('en');
  const intake = { ...base, names: { native, latin }, nationality, trip: { arrival, departure, stayAddress: '' } };
  return (await callService(app, 'createPatient', { patient: intake })).id;
}

async function setUpTheDay(app: App) {
  const settings = await callService(app, 'getClinicSettings', {});
  const { 'pico-laser': _unpriced, ...prices } = settings.prices;
  await callService(app, 'saveClinicSettings', { settings: { ...settings, prices, rooms: [{ name: 'Laser 1' }, { name: 'Room 2' }] } });

  const zhang = await patient(app, 'ZHANG WEI', '张伟', '2026-11-20', '2026-11-30');
  await callService(app, 'savePatientPlan', {
    patientId: zhang,
    expectedVersion: 0,
    plan: {
      items: [
        { treatment: 'rejuran-healer', date: '2026-11-24', time: '11:00', room: 'Room 2' },
        { treatment: 'pico-laser', date: '2026-11-24', time: '15:00', room: 'Laser 1' },
      ],
    },
  });
  // A fish allergy told after the plan was saved: today's salmon-DNA booster is now blocked, unacknowledged.
  const record = await callService(app, 'getPatient', { id: zhang });
  const allergic = { ...record.patient, screening: { ...record.patient.screening, allergies: { items: ['fish' as const], other: '' } } };
  await callService(app, 'updatePatient', { id: zhang, expectedVersion: record.version, patient: allergic });

  const noura = await patient(app, 'AL-HARBI NOURA', 'نورة الحربي', '2026-11-24', '2026-12-01', 'SA');
  const somchai = await patient(app, 'SOMCHAI JAIDEE', 'สมชาย ใจดี', '2026-11-15', '2026-11-24', 'TH');
  const oyuna = await patient(app, 'BAT OYUNA', 'Бат Оюун', '2026-11-20', '2026-11-29', 'MN');
  await callService(app, 'savePatientPlan', {
    patientId: oyuna,
    expectedVersion: 0,
    plan: { items: [{ treatment: 'hydrafacial', date: '2026-11-24', time: '09:30' }] },
  });
  const yuki = await patient(app, 'TANAKA YUKI', '田中由紀', '2026-11-25', '2026-12-03', 'JP');
  // Flew home a week ago: the day-3 follow-up is due.
  const emma = await patient(app, 'BROWN EMMA', 'Emma Brown', '2026-11-10', '2026-11-17', 'US');
  await callService(app, 'savePatientPlan', {
    patientId: emma,
    expectedVersion: 0,
    plan: { items: [{ treatment: 'hydrafacial', date: '2026-11-12', status: 'done', record: { doctor: 'Dr. Kim' } }] },
  });
  return { zhang, noura, somchai, yuki, emma };
}

test('Today opens first, shows the day, and every item opens where it is resolved, from the keyboard', async ({ page, app }, testInfo) => {
  const ids = await setUpTheDay(app);
  await page.goto(app.url);
  const shell = new AppShell(page);
  mkdirSync(SCREENS_DIR, { recursive: true });

  for (const language of ['ko', 'en'] as const) {
    await shell.setLanguage(language);
    await expect(page.locator('#today-title')).toContainText(uiText(language, 'today.title'));
    await expect(page.locator('[data-today-session]')).toHaveCount(3);
    await page.screenshot({ path: `${SCREENS_DIR}/today-${language}.png`, fullPage: true });
    await expectNoCriticalViolations(page, testInfo, `today-${language}`);
  }

  // Today's sessions by time, with their rooms.
  await expect(page.locator('[data-today-list="sessions"] a')).toHaveText([
    /09:30.*BAT OYUNA/,
    /11:00.*Room 2.*ZHANG WEI/,
    /15:00.*Laser 1.*ZHANG WEI/,
  ]);
  // What stops a session: the unacknowledged block first (11:00), then the missing price (15:00).
  const blockers = page.locator('[data-today-blocker]');
  await expect(blockers).toHaveCount(2);
  await expect(blockers.nth(0)).toHaveAttribute('data-today-blocker', 'unacknowledged_block');
  await expect(blockers.nth(1)).toHaveAttribute('data-today-blocker', 'missing_price');
  await expect(page.locator('#today-attention')).toContainText('2');
  // Who lands and who leaves.
  await expect(page.locator(`[data-today-list="arrivals-today"] [data-today-traveller="${ids.noura}"]`)).toBeVisible();
  await expect(page.locator(`[data-today-list="arrivals-tomorrow"] [data-today-traveller="${ids.yuki}"]`)).toBeVisible();
  await expect(page.locator(`[data-today-list="departures-today"] [data-today-traveller="${ids.somchai}"]`)).toBeVisible();
  await expect(page.locator('[data-today-empty="departures-tomorrow"]')).toBeVisible();
  // The follow-up due.
  await expect(page.locator('[data-today-followup]')).toHaveCount(1);
  await expect(page.locator('[data-today-followup]')).toContainText('BROWN EMMA');

  // Keyboard: the first item, down to the next, End to the last (the follow-up), Home back; Enter opens.
  const items = page.locator('[data-today-item]');
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('[data-today-followup]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/patients/${ids.zhang}/plan$`));
  await page.goBack();
  await page.locator('[data-today-blocker="missing_price"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/settings$/);
});

test('a day with nothing on it says so in each part', async ({ page, app }) => {
  await page.goto(`${app.url}#/today`);
  await expect(page.locator('[data-today-empty="attention"]')).toBeVisible();
  await expect(page.locator('[data-today-empty="sessions"]')).toBeVisible();
  await expect(page.locator('[data-today-empty="arrivals-today"]')).toBeVisible();
  await expect(page.locator('[data-today-empty="followups"]')).toBeVisible();
});
