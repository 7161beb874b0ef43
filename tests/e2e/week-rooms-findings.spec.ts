// Rooms and findings in the week: the clinic lists its rooms in the settings, the plan screen puts a session in a
// room, and two patients' overlapping sessions in one room show as a room conflict on both cards. Moving a session
// to the Sunday the clinic is closed (on the plan screen) makes the week show that session's finding; moving it
// back clears it. Screenshots of the settings, plan and week screens, and axe.
import type { InputOf } from '../../src/shared/contract';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import { isoWeekday } from '../../src/shared/domain/schedule/clinic-hours';
import { CLEAN_SCREENING } from '../support/clean-screening';
import { expectNoCriticalViolations, saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test, type App } from './support/fixtures';
import { PlanPage } from './support/plan-page';
import { callService } from './support/services';
import { uiText } from './support/ui-text';

const TODAY = todayIn(CLINIC_TIME_ZONE, new Date());
const MONDAY = addDays(TODAY, 1 - isoWeekday(TODAY));
// A day of this week the clinic is open (Monday to Saturday), and this week's Sunday, when it is closed.
const SESSION_DAY = isoWeekday(TODAY) === 7 ? addDays(TODAY, -1) : TODAY;
const SUNDAY = addDays(MONDAY, 6);

function patient(names: PatientIntake['names']): PatientIntake {
  return {
    names,
    birthDate: '1988-07-01',
    sex: 'female',
    nationality: 'VN',
    languages: ['vi', 'en'],
    phone: '+84912345678',
    messengers: [{ kind: 'whatsapp', handle: '+84912345678' }],
    email: 'patient@example.com',
    homeTimeZone: 'Asia/Ho_Chi_Minh',
    homeCurrency: 'VND',
    trip: { arrival: addDays(MONDAY, -2), departure: addDays(MONDAY, 13), stayAddress: 'Gangnam-gu, Seoul' },
    skin: { fitzpatrick: 3, concerns: ['melasma'] },
    screening: { ...CLEAN_SCREENING },
    consents: [],
  };
}

async function withPlan(
  app: App,
  names: PatientIntake['names'],
  item: InputOf<'savePatientPlan'>['plan']['items'][number],
): Promise<string> {
  const { id } = await callService(app, 'createPatient', { patient: patient(names) });
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 0,
    plan: { items: [item], acknowledgements: [], discounts: {}, rate: null },
  });
  return id;
}

test('rooms clash across patients in the week, and a moved session shows its finding until moved back', async ({ page, app }, testInfo) => {
  const lan = await withPlan(
    app,
    { native: 'Nguyễn Thị Lan', latin: 'Nguyen Thi Lan' },
    { treatment: 'pico-laser', date: SESSION_DAY, time: '10:00', room: 'Laser 1' },
  );
  const mai = await withPlan(
    app,
    { native: 'Trần Mai', latin: 'Tran Mai' },
    { treatment: 'hydrafacial', date: SESSION_DAY, time: '10:30' },
  );
  const shell = new AppShell(page);
  const plan = new PlanPage(page, app);
  const lanCard = page.locator(`[data-session-card="${lan}:0"]`);
  const maiCard = page.locator(`[data-session-card="${mai}:0"]`);
  const openWeek = async () => {
    await page.goto(`${app.url}#/week`);
    await expect(page.locator(`[data-week-ready="${MONDAY}"]`)).toBeVisible();
  };
  await page.goto(`${app.url}#/patients`);
  await shell.setLanguage('en');

  await test.step('the settings list the clinic’s rooms; a duplicate name is refused beside its field', async () => {
    await page.goto(`${app.url}#/settings`);
    const addRoom = page.locator('[data-add-room]');
    await addRoom.click();
    await expect(page.locator('input[name="room-0-name"]')).toBeFocused();
    await page.keyboard.type('Laser 1');
    await addRoom.click();
    await expect(page.locator('input[name="room-1-name"]')).toBeFocused();
    await page.keyboard.type('laser 1');
    await page.getByRole('button', { name: uiText('en', 'intake.save') }).click();
    const duplicate = page.locator('[data-room-row="1"] .field__error');
    await expect(duplicate).toHaveText('Listed twice.');
    await expect(page.locator('input[name="room-1-name"]')).toHaveValue('laser 1');
    await page.locator('input[name="room-1-name"]').fill('Room 2');
    await page.getByRole('button', { name: uiText('en', 'intake.save') }).click();
    await expect(page.getByRole('status').filter({ hasText: uiText('en', 'intake.saved') })).toBeVisible();
    await saveScreenshot(page, 'settings-rooms');
    expect((await callService(app, 'getClinicSettings', {})).rooms).toEqual([{ name: 'Laser 1' }, { name: 'Room 2' }]);
  });

  await test.step('the plan screen puts the second patient’s session in Laser 1', async () => {
    await plan.goto(mai);
    const room = plan.rows.first().locator('select[data-session-room]');
    await expect(room.locator('option')).toHaveText([uiText('en', 'plan.sessions.noRoom'), 'Laser 1', 'Room 2']);
    await room.selectOption('Laser 1');
    await plan.settle();
    await saveScreenshot(page, 'plan-session-room');
    await plan.pressSave();
    await expect(plan.banner).toHaveText(uiText('en', 'plan.saved'));
    expect((await callService(app, 'getPatientPlan', { patientId: mai })).plan.items[0]).toMatchObject({ room: 'Laser 1' });
  });

  await test.step('the week shows both sessions in Laser 1 at once as a room conflict', async () => {
    await openWeek();
    await expect(lanCard.locator('[data-session-room]')).toHaveText(uiText('en', 'week.room', { room: 'Laser 1' }));
    await expect(lanCard.locator('[data-room-conflict-badge]')).toHaveText(uiText('en', 'week.roomConflict'));
    await expect(maiCard.locator('[data-room-conflict-badge]')).toBeVisible();
    await expect(lanCard.locator('[data-room-conflict-detail]')).toContainText('Tran Mai');
    // Different patients: not the one-patient conflict.
    await expect(lanCard.locator('[data-conflict-badge]')).toHaveCount(0);
    await expect(lanCard.locator('[data-findings-badge]')).toHaveCount(0);
    await saveScreenshot(page, 'week-room-conflict-en');
  });

  await test.step('moving a session to the closed Sunday shows its finding in the week', async () => {
    await plan.goto(lan);
    await plan.setDate(plan.rows.first(), SUNDAY);
    await expect(plan.finding({ rule: 'schedule-clinic-closed', date: SUNDAY })).toBeVisible();
    await plan.pressSave();
    await expect(plan.banner).toHaveText(uiText('en', 'plan.saved'));
    await openWeek();
    const sunday = page.locator(`[data-week-day="${SUNDAY}"]`);
    await expect(sunday.locator(`[data-session-card="${lan}:0"]`)).toBeVisible();
    const badge = lanCard.locator('[data-findings-badge]');
    await expect(badge).toHaveText(uiText('en', 'week.findings_one', { count: 1 }));
    await badge.focus();
    await page.keyboard.press('Enter');
    await expect(badge).toHaveAttribute('aria-expanded', 'true');
    await expect(lanCard.locator('[data-session-findings] [data-finding-rule="schedule-clinic-closed"]')).toContainText(
      'The clinic is closed on this day.',
    );
    // Moved apart, the two sessions no longer share the room at once.
    await expect(page.locator('[data-room-conflict-badge]')).toHaveCount(0);
    await saveScreenshot(page, 'week-rooms-findings-en');
    await expectNoCriticalViolations(page, testInfo, 'week-rooms-findings-en');
    await shell.setLanguage('ko');
    await expect(badge).toHaveText(uiText('ko', 'week.findings_one', { count: 1 }));
    await saveScreenshot(page, 'week-rooms-findings-ko');
    await shell.setLanguage('en');
  });

  await test.step('moving it back clears the finding and brings the room conflict back', async () => {
    await plan.goto(lan);
    await plan.setDate(plan.rows.first(), SESSION_DAY);
    await plan.pressSave();
    await expect(plan.banner).toHaveText(uiText('en', 'plan.saved'));
    await openWeek();
    await expect(page.locator(`[data-week-day="${SESSION_DAY}"] [data-session-card="${lan}:0"]`)).toBeVisible();
    await expect(lanCard.locator('[data-findings-badge]')).toHaveCount(0);
    await expect(lanCard.locator('[data-room-conflict-badge]')).toBeVisible();
  });
});
